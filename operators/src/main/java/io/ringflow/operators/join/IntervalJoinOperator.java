package io.ringflow.operators.join;

import io.ringflow.operators.KeySelector;
import io.ringflow.operators.Output;
import io.ringflow.operators.RejectReason;
import io.ringflow.operators.Rejected;
import io.ringflow.operators.Timestamps;
import io.ringflow.operators.TwoInputOperator;
import io.ringflow.operators.record.RecordCodec;
import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import io.ringflow.operators.state.BlockPool;
import io.ringflow.operators.state.OffHeapHashStore;
import io.ringflow.operators.time.TimerQueue;
import org.agrona.MutableDirectBuffer;

import java.util.List;

/**
 * Interval join of two keyed streams, Flink's {@code intervalJoin(...).between(lower, upper)}: a left record
 * at {@code l} joins every right record of the same key at {@code r} with {@code l + lower <= r <= l + upper}
 * (bounds inclusive unless built exclusive). Each pair is emitted once, when the later of its two records
 * arrives, through the {@link JoinFunction} into one reused output record, with timestamp
 * {@code max(l, r)}. Build with {@link #keyed}.
 * <p>
 * <b>Lateness</b> (Flink's rule for this join): a record with {@code timestamp < watermark} is late. Flink
 * drops it unless a late-data side output is configured on its join; here it always goes to
 * {@link Rejected#TAG} with {@link RejectReason#LATE}. A record at exactly the watermark is not late.
 * <p>
 * <b>Expiry.</b> Records that arrive from now on have {@code timestamp >= watermark}, so a buffered left
 * record at {@code l} can be joined only while {@code watermark <= l + upper}, and a right record at
 * {@code r} only while {@code watermark <= r - lower}. A record is dropped at the first watermark above
 * that ({@code l + upper + 1}, {@code r - lower + 1}), exactly then, and one that cannot be joined by any
 * later record when it arrives (a negative upper bound can make that so) is joined with what is buffered
 * and never stored. At {@link Timestamps#END_OF_STREAM} everything is dropped. Flink removes a left record
 * at the watermark {@code l + upper} (when {@code upper > 0}, else {@code l}) and a right one at
 * {@code r - lower} (when {@code lower < 0}, else {@code r}), a tick early at the bound: a later record
 * whose timestamp equals the watermark and lies exactly on the bound is still joined here but not in
 * Flink. Differences are limited to those pairs.
 * <p>
 * <b>State.</b> One 64-byte off-heap slot per key with buffered records (both sides' record chains and the
 * key's pending expiry), the records themselves encoded by each side's {@link RecordCodec} into pooled
 * off-heap blocks in arrival order, and one expiry timer per key, registered when the key's earliest
 * expiry moves earlier and checked against the slot when it fires. A record is matched against every
 * buffered record of its key's other side, in arrival order, so its cost grows with that number; expiry
 * compacts the side's blocks in place. Nothing is allocated per record once the state has reached its
 * size.
 * <p>
 * Threading: the runtime contract of {@code io.ringflow.operators}: one thread at a time.
 *
 * @param <L> left record type.
 * @param <R> right record type.
 * @param <O> output record type.
 */
public final class IntervalJoinOperator<L, R, O> implements TwoInputOperator<L, R, O>
{
    /**
     * A key's slot: | left chain header | right chain header | pending expiry timer (long) | unused (long) |,
     * 48 bytes, so that with its header and key the slot is one 64-byte cache line.
     */
    private static final int LEFT_OFFSET = 0;
    private static final int RIGHT_OFFSET = RecordChain.HEADER_BYTES;
    private static final int TIMER_OFFSET = 2 * RecordChain.HEADER_BYTES;
    private static final int SLOT_BYTES = 48;
    /**
     * Queued expiry timers whose key slots, then record blocks, are read together before they fire: each is a
     * cache miss once the state outgrows the cache (see {@link #TOUCH_MIN_KEYS}), and touched back to back their
     * misses overlap.
     */
    static final int TOUCH_BATCH = 8;
    /** Below this many keys the state mostly sits in the cache, and touching costs more than it saves. */
    static final int TOUCH_MIN_KEYS = 1 << 17;

    private final String name;
    private final KeySelector<L> leftKey;
    private final KeySelector<R> rightKey;
    private final IntervalBounds bounds;
    private final RecordCodec<L> leftCodec;
    private final RecordCodec<R> rightCodec;
    private final JoinFunction<L, R, O> function;
    private final O joined;
    private final L leftScratch;
    private final R rightScratch;
    private final OffHeapHashStore keys;
    private final BlockPool blocks;
    private final RecordChain chain;
    private final TimerQueue expiries;
    private final Rejected<L> rejectedLeft = new Rejected<>();
    private final Rejected<R> rejectedRight = new Rejected<>();

    private Output<O> output;
    private int firedSinceTouch = TOUCH_BATCH;
    private long touched;
    private long watermark = Timestamps.MIN_WATERMARK;
    private long lateRecords;
    private long invalidRecords;
    private long joinedPairs;
    private long bufferedRecords;
    private long expiredRecords;

    IntervalJoinOperator(
        final String name,
        final KeySelector<L> leftKey,
        final KeySelector<R> rightKey,
        final IntervalBounds bounds,
        final RecordCodec<L> leftCodec,
        final RecordCodec<R> rightCodec,
        final O joined,
        final JoinFunction<L, R, O> function,
        final int expectedKeys,
        final int blockBytes)
    {
        this.name = name;
        this.leftKey = leftKey;
        this.rightKey = rightKey;
        this.bounds = bounds;
        this.leftCodec = leftCodec;
        this.rightCodec = rightCodec;
        this.joined = joined;
        this.function = function;
        this.leftScratch = leftCodec.newInstance();
        this.rightScratch = rightCodec.newInstance();
        this.keys = new OffHeapHashStore(name + ".keys", 1, SLOT_BYTES, expectedKeys);
        this.blocks = new BlockPool(blockBytes);
        this.chain = new RecordChain(blocks);
        // expiry only releases state, so the order among a tick's expiries is invisible: no sort
        this.expiries = TimerQueue.appendOnlyInRegistrationOrder(name + ".expiries", expectedKeys);
        for (final RecordCodec<?> codec : List.of(leftCodec, rightCodec))
        {
            if (!chain.fits(codec))
            {
                blocks.close();
                keys.close();
                expiries.close();
                throw new IllegalArgumentException("interval join '" + name + "': codec max encoded length " +
                    codec.maxEncodedLength() + " does not fit a record block of " + blockBytes + " bytes (at most " +
                    (blocks.payloadBytes() - RecordChain.ENTRY_HEADER_BYTES) + "); raise recordBlockBytes");
            }
        }
    }

    /**
     * Start building an interval join.
     *
     * @param name     names the operator in errors, snapshots and rejections.
     * @param leftKey  the key of a left record.
     * @param rightKey the key of a right record; records join only within one key.
     * @param <L>      left record type.
     * @param <R>      right record type.
     * @return a builder.
     */
    public static <L, R> IntervalJoinBuilder<L, R> keyed(
        final String name, final KeySelector<L> leftKey, final KeySelector<R> rightKey)
    {
        return new IntervalJoinBuilder<>(name, leftKey, rightKey);
    }

    /** @return the operator's name. */
    public String name()
    {
        return name;
    }

    /** @return smallest {@code right.ts - left.ts} that joins, after an exclusive bound was tightened. */
    public long lowerBound()
    {
        return bounds.lower();
    }

    /** @return largest {@code right.ts - left.ts} that joins, after an exclusive bound was tightened. */
    public long upperBound()
    {
        return bounds.upper();
    }

    /** @return the last watermark processed. */
    public long currentWatermark()
    {
        return watermark;
    }

    /** @return records of either side rejected as late. */
    public long lateRecords()
    {
        return lateRecords;
    }

    /** @return records of either side rejected for a reserved timestamp. */
    public long invalidTimestampRecords()
    {
        return invalidRecords;
    }

    /** @return pairs emitted. */
    public long joinedPairs()
    {
        return joinedPairs;
    }

    /** @return records of both sides buffered now. */
    public long bufferedRecords()
    {
        return bufferedRecords;
    }

    /** @return buffered records dropped by the watermark so far. */
    public long expiredRecords()
    {
        return expiredRecords;
    }

    /** @return keys with buffered records. */
    public int bufferedKeys()
    {
        return keys.size();
    }

    /** @return off-heap bytes held: key slots, record blocks and timers. */
    public long memoryBytes()
    {
        return keys.memoryBytes() + blocks.memoryBytes() + expiries.memoryBytes();
    }

    @Override
    public void open(final Output<O> output)
    {
        if (this.output != null)
        {
            throw new IllegalStateException("interval join '" + name + "' is already open");
        }
        this.output = output;
    }

    @Override
    public void processLeft(final L record, final long timestamp)
    {
        if (!Timestamps.isValidEventTime(timestamp))
        {
            invalidRecords++;
            rejectLeft(record, timestamp, RejectReason.INVALID_TIMESTAMP);
            return;
        }
        if (timestamp < watermark)
        {
            lateRecords++;
            rejectLeft(record, timestamp, RejectReason.LATE);
            return;
        }
        final long key = leftKey.key(record);
        final int slot = keys.getOrInsert(key, 0, 0);
        final MutableDirectBuffer buffer = keys.buffer();
        final boolean inserted = keys.inserted();
        if (!inserted && RecordChain.count(buffer, slot + RIGHT_OFFSET) > 0)
        {
            final long from = IntervalBounds.add(timestamp, bounds.lower());
            final long to = IntervalBounds.add(timestamp, bounds.upper());
            chain.open(buffer, slot + RIGHT_OFFSET);
            while (chain.next())
            {
                final long rightTimestamp = chain.timestamp();
                if (rightTimestamp >= from && rightTimestamp <= to)
                {
                    chain.decode(rightCodec, rightScratch);
                    emit(record, rightScratch, Math.max(timestamp, rightTimestamp));
                }
            }
        }
        buffer(key, slot, buffer, inserted, LEFT_OFFSET, leftCodec, record, timestamp, bounds.upper());
    }

    @Override
    public void processRight(final R record, final long timestamp)
    {
        if (!Timestamps.isValidEventTime(timestamp))
        {
            invalidRecords++;
            rejectRight(record, timestamp, RejectReason.INVALID_TIMESTAMP);
            return;
        }
        if (timestamp < watermark)
        {
            lateRecords++;
            rejectRight(record, timestamp, RejectReason.LATE);
            return;
        }
        final long key = rightKey.key(record);
        final int slot = keys.getOrInsert(key, 0, 0);
        final MutableDirectBuffer buffer = keys.buffer();
        final boolean inserted = keys.inserted();
        if (!inserted && RecordChain.count(buffer, slot + LEFT_OFFSET) > 0)
        {
            // l + lower <= r <= l + upper  <=>  r - upper <= l <= r - lower
            final long from = IntervalBounds.add(timestamp, -bounds.upper());
            final long to = IntervalBounds.add(timestamp, -bounds.lower());
            chain.open(buffer, slot + LEFT_OFFSET);
            while (chain.next())
            {
                final long leftTimestamp = chain.timestamp();
                if (leftTimestamp >= from && leftTimestamp <= to)
                {
                    chain.decode(leftCodec, leftScratch);
                    emit(leftScratch, record, Math.max(timestamp, leftTimestamp));
                }
            }
        }
        buffer(key, slot, buffer, inserted, RIGHT_OFFSET, rightCodec, record, timestamp, -bounds.lower());
    }

    private void emit(final L left, final R right, final long timestamp)
    {
        function.join(left, right, joined);
        joinedPairs++;
        output.emit(joined, timestamp);
    }

    /**
     * Keep the record while a later one can still join it ({@code watermark <= timestamp + reach}), and make
     * sure its key's expiry timer is due no later than its own expiry.
     */
    private <T> void buffer(
        final long key,
        final int slot,
        final MutableDirectBuffer buffer,
        final boolean inserted,
        final int sideOffset,
        final RecordCodec<T> codec,
        final T record,
        final long timestamp,
        final long reach)
    {
        final long lastUseful = IntervalBounds.add(timestamp, reach);
        if (lastUseful < watermark)
        {
            if (inserted)
            {
                keys.removeAt(slot);
            }
            return;
        }
        final long expiry = IntervalBounds.add(lastUseful, 1);
        if (inserted || isEmpty(buffer, slot) || expiry < buffer.getLong(slot + TIMER_OFFSET))
        {
            buffer.putLong(slot + TIMER_OFFSET, expiry);
            expiries.register(expiry, key, 0);
        }
        chain.append(buffer, slot + sideOffset, codec, record, timestamp);
        bufferedRecords++;
    }

    private static boolean isEmpty(final MutableDirectBuffer buffer, final int slot)
    {
        return RecordChain.count(buffer, slot + LEFT_OFFSET) == 0 && RecordChain.count(buffer, slot + RIGHT_OFFSET) == 0;
    }

    @Override
    public void processWatermark(final long watermark)
    {
        if (watermark <= this.watermark)
        {
            return;
        }
        this.watermark = watermark;
        while (expiries.poll(watermark))
        {
            if (++firedSinceTouch >= TOUCH_BATCH && keys.size() >= TOUCH_MIN_KEYS)
            {
                touchQueuedKeys();
            }
            expire(expiries.key(), expiries.timestamp());
        }
        output.emitWatermark(watermark);
    }

    /** Touch the slots of the next queued timers' keys, then the first blocks of their records. */
    private void touchQueuedKeys()
    {
        firedSinceTouch = 0;
        long reads = touched;
        final int count = Math.min(TOUCH_BATCH, expiries.queued());
        for (int i = 0; i < count; i++)
        {
            reads ^= keys.touch(expiries.queuedKey(i), 0, 0);
        }
        for (int i = 0; i < count; i++)
        {
            final int slot = keys.find(expiries.queuedKey(i), 0, 0);
            if (slot != OffHeapHashStore.NOT_FOUND)
            {
                final MutableDirectBuffer buffer = keys.buffer();
                reads ^= chain.touch(buffer, slot + LEFT_OFFSET) ^ chain.touch(buffer, slot + RIGHT_OFFSET);
            }
        }
        touched = reads;
    }

    /** A key's expiry timer fired: drop what the watermark has made useless on both sides, and time the next expiry. */
    private void expire(final long key, final long time)
    {
        final int slot = keys.find(key, 0, 0);
        if (slot == OffHeapHashStore.NOT_FOUND)
        {
            return;
        }
        final MutableDirectBuffer buffer = keys.buffer();
        if (buffer.getLong(slot + TIMER_OFFSET) != time)
        {
            return;   // superseded by an earlier expiry of the same key
        }
        final int before = RecordChain.count(buffer, slot + LEFT_OFFSET) + RecordChain.count(buffer, slot + RIGHT_OFFSET);
        final long earliest = Math.min(
            chain.expire(buffer, slot + LEFT_OFFSET, bounds.upper(), watermark),
            chain.expire(buffer, slot + RIGHT_OFFSET, -bounds.lower(), watermark));
        final int after = RecordChain.count(buffer, slot + LEFT_OFFSET) + RecordChain.count(buffer, slot + RIGHT_OFFSET);
        expiredRecords += before - after;
        bufferedRecords -= before - after;
        if (after > 0)
        {
            final long next = IntervalBounds.add(earliest, 1);
            buffer.putLong(slot + TIMER_OFFSET, next);
            expiries.register(next, key, 0);
        }
        else
        {
            keys.removeAt(slot);
        }
    }

    private void rejectLeft(final L record, final long timestamp, final RejectReason reason)
    {
        output.emitSide(Rejected.<L>tag(), rejectedLeft.set(name, record, timestamp, reason, watermark), timestamp);
    }

    private void rejectRight(final R record, final long timestamp, final RejectReason reason)
    {
        output.emitSide(Rejected.<R>tag(), rejectedRight.set(name, record, timestamp, reason, watermark), timestamp);
    }

    @Override
    public void processIdle()
    {
        output.emitIdle();
    }

    /**
     * One line per buffered record of the key, left side first, each side in arrival order: the record
     * ({@code toString}), its timestamp, and the last watermark at which it can still be joined.
     */
    @Override
    public void describeKey(final long key, final List<String> lines)
    {
        final int slot = keys.find(key, 0, 0);
        if (slot == OffHeapHashStore.NOT_FOUND)
        {
            return;
        }
        describeSide(key, slot + LEFT_OFFSET, "left", leftCodec, bounds.upper(), lines);
        describeSide(key, slot + RIGHT_OFFSET, "right", rightCodec, -bounds.lower(), lines);
    }

    private <T> void describeSide(
        final long key, final int header, final String side, final RecordCodec<T> codec, final long reach,
        final List<String> lines)
    {
        final T record = codec.newInstance();
        chain.open(keys.buffer(), header);
        while (chain.next())
        {
            chain.decode(codec, record);
            final long timestamp = chain.timestamp();
            lines.add("interval join '" + name + "': key " + key + " " + side + " " + record + " @" + timestamp +
                ", joinable while the watermark is <= " + IntervalBounds.add(timestamp, reach) +
                " (watermark " + watermark + ")");
        }
    }

    @Override
    public String snapshotType()
    {
        return "interval-join";
    }

    @Override
    public int snapshotVersion()
    {
        return 1;
    }

    @Override
    public void snapshotState(final SnapshotWriter out)
    {
        out.putString(configuration());
        out.putLong(watermark).putLong(lateRecords).putLong(invalidRecords).putLong(joinedPairs)
            .putLong(bufferedRecords).putLong(expiredRecords);
        keys.snapshot(out);
        blocks.snapshot(out);
        expiries.snapshot(out);
    }

    @Override
    public void restoreState(final SnapshotReader in, final int version)
    {
        final String stored = in.getString();
        if (!stored.equals(configuration()))
        {
            throw in.corrupt("interval join '" + name + "' snapshot was taken with " + stored +
                " but the operator is configured as " + configuration());
        }
        watermark = in.getLong();
        lateRecords = in.getLong();
        invalidRecords = in.getLong();
        joinedPairs = in.getLong();
        bufferedRecords = in.getLong();
        expiredRecords = in.getLong();
        keys.restore(in);
        blocks.restore(in);
        expiries.restore(in);
    }

    private String configuration()
    {
        return bounds + " left codec " + leftCodec.schemaId() + "v" + leftCodec.schemaVersion() + " right codec " +
            rightCodec.schemaId() + "v" + rightCodec.schemaVersion() + " blockBytes=" + blocks.blockBytes();
    }

    @Override
    public void close()
    {
        keys.close();
        blocks.close();
        expiries.close();
    }
}
