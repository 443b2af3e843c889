package io.ringflow.operators.dedup;

import io.ringflow.operators.KeySelector;
import io.ringflow.operators.OneInputOperator;
import io.ringflow.operators.Output;
import io.ringflow.operators.RejectReason;
import io.ringflow.operators.Rejected;
import io.ringflow.operators.Timestamps;
import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import io.ringflow.operators.state.OffHeapHashStore;
import io.ringflow.operators.time.TimerQueue;

import java.util.List;
import java.util.Objects;

/**
 * Passes the first record of each key and sends later ones to {@link Rejected#TAG} with
 * {@link RejectReason#DUPLICATE}, for as long as the key is remembered.
 * <p>
 * <b>TTL in event time.</b> A key first seen at timestamp {@code ts} is remembered until the
 * watermark reaches {@code ts + ttl}; expiry is driven by watermarks, so a replay drops exactly the
 * same duplicates. A record whose {@code ts + ttl} is already at or below the watermark when it
 * arrives is passed on but not remembered (its key would expire at once), so deduplication holds
 * only within the TTL. Duplicates do not extend the TTL.
 * <p>
 * State: one off-heap entry per remembered key (24-byte slot plus the table's spare capacity) and one
 * timer. Threading: the runtime contract of {@code io.ringflow.operators}.
 *
 * @param <T> record type.
 */
public final class DedupOperator<T> implements OneInputOperator<T, T>
{
    private final String name;
    private final KeySelector<T> keySelector;
    private final long ttl;
    private final OffHeapHashStore seen;
    private final TimerQueue expiries;
    private final Rejected<T> rejected = new Rejected<>();

    private Output<T> output;
    private long watermark = Timestamps.MIN_WATERMARK;
    private long duplicates;
    private long expired;

    /**
     * @param name         names the operator in errors and snapshots.
     * @param keySelector  the deduplication key (a transaction id, say).
     * @param ttl          how long, in event time, a key is remembered; {@code > 0}.
     * @param expectedKeys keys remembered at once, to presize state.
     */
    public DedupOperator(final String name, final KeySelector<T> keySelector, final long ttl, final int expectedKeys)
    {
        this.name = Objects.requireNonNull(name, "name");
        this.keySelector = Objects.requireNonNull(keySelector, "keySelector");
        if (ttl <= 0)
        {
            throw new IllegalArgumentException("dedup operator '" + name + "': ttl must be > 0, was " + ttl);
        }
        if (expectedKeys <= 0)
        {
            throw new IllegalArgumentException("dedup operator '" + name + "': expected keys must be > 0, was " + expectedKeys);
        }
        this.ttl = ttl;
        this.seen = new OffHeapHashStore(name + ".seen", 1, Long.BYTES, expectedKeys);
        // A key has one timer, registered when it is first remembered, and expiring it only forgets it: no liveness
        // set (timers are never deleted) and no order among one tick's expiries (nothing anyone sees depends on it).
        this.expiries = TimerQueue.appendOnlyInRegistrationOrder(name + ".expiries", expectedKeys);
    }

    @Override
    public void open(final Output<T> output)
    {
        if (this.output != null)
        {
            throw new IllegalStateException("dedup operator '" + name + "' is already open");
        }
        this.output = output;
    }

    @Override
    public void processRecord(final T record, final long timestamp)
    {
        if (!Timestamps.isValidEventTime(timestamp))
        {
            output.emitSide(Rejected.<T>tag(),
                rejected.set(name, record, timestamp, RejectReason.INVALID_TIMESTAMP, watermark), timestamp);
            return;
        }
        final long key = keySelector.key(record);
        final long expiry = Timestamps.saturatingAdd(timestamp, ttl);
        if (expiry <= watermark)
        {
            if (seen.find(key, 0, 0) == OffHeapHashStore.NOT_FOUND)
            {
                output.emit(record, timestamp);
                return;
            }
        }
        else
        {
            final int slot = seen.getOrInsert(key, 0, 0);
            if (seen.inserted())
            {
                seen.buffer().putLong(slot, expiry);
                expiries.register(expiry, key, 0);
                output.emit(record, timestamp);
                return;
            }
        }
        duplicates++;
        output.emitSide(Rejected.<T>tag(), rejected.set(name, record, timestamp, RejectReason.DUPLICATE, watermark), timestamp);
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
            forget(expiries.key(), expiries.timestamp());
        }
        output.emitWatermark(watermark);
    }

    /** An expiry timer fired: forget the key if it is the one remembered with that expiry (the queue may repeat a timer). */
    private void forget(final long key, final long expiry)
    {
        final int slot = seen.find(key, 0, 0);
        if (slot != OffHeapHashStore.NOT_FOUND && seen.buffer().getLong(slot) == expiry)
        {
            seen.removeAt(slot);
            expired++;
        }
    }

    @Override
    public void processIdle()
    {
        output.emitIdle();
    }

    /** @return keys remembered now. */
    public int rememberedKeys()
    {
        return seen.size();
    }

    /** @return duplicates rejected so far. */
    public long duplicates()
    {
        return duplicates;
    }

    /** @return keys forgotten on expiry so far. */
    public long expiredKeys()
    {
        return expired;
    }

    /** @return off-heap bytes held. */
    public long memoryBytes()
    {
        return seen.memoryBytes() + expiries.memoryBytes();
    }

    @Override
    public void describeKey(final long key, final List<String> lines)
    {
        final int slot = seen.find(key, 0, 0);
        if (slot != OffHeapHashStore.NOT_FOUND)
        {
            lines.add("dedup '" + name + "': key " + key + " remembered until event time " +
                seen.buffer().getLong(slot) + " (watermark " + watermark + ")");
        }
    }

    @Override
    public String snapshotType()
    {
        return "dedup";
    }

    @Override
    public int snapshotVersion()
    {
        return 1;
    }

    @Override
    public void snapshotState(final SnapshotWriter out)
    {
        out.putLong(ttl).putLong(watermark).putLong(duplicates).putLong(expired);
        seen.snapshot(out);
        expiries.snapshot(out);
    }

    @Override
    public void restoreState(final SnapshotReader in, final int version)
    {
        final long storedTtl = in.getLong();
        if (storedTtl != ttl)
        {
            throw in.corrupt("dedup operator '" + name + "' snapshot has ttl " + storedTtl + ", operator is configured with " + ttl);
        }
        watermark = in.getLong();
        duplicates = in.getLong();
        expired = in.getLong();
        seen.restore(in);
        expiries.restore(in);
    }

    @Override
    public void close()
    {
        seen.close();
        expiries.close();
    }
}
