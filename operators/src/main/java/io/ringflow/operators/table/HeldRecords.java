package io.ringflow.operators.table;

import io.ringflow.operators.record.RecordCodec;
import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import io.ringflow.operators.state.BlockPool;
import io.ringflow.operators.time.TimerQueue;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.function.ObjLongConsumer;

/**
 * Stream records waiting for the watermark to pass their timestamp, encoded off-heap, released in
 * (timestamp, arrival) order.
 * <p>
 * Records are appended to a log of {@link BlockPool} blocks in arrival order; an append-only
 * {@link TimerQueue} indexes them as (timestamp, arrival sequence, location), so that it hands them back
 * in timestamp order and, at equal timestamps, in arrival order. A block goes back to the pool when its
 * last record is released: with records held for about the watermark lag, that is close to FIFO.
 * <pre>
 *   block payload: | live records (int) | pad (int) | entry | entry | ...
 *   entry:         | encoded length (int) | pad (int) | encoded record, padded to 8 |
 *   location:      block reference (high int) | entry offset in the payload (low int)
 * </pre>
 * Threading: single-threaded, the owning operator's; allocates nothing per record once the pool and the
 * index have grown to the number of records held at once.
 *
 * @param <S> record type.
 */
final class HeldRecords<S> implements AutoCloseable
{
    private static final int PAYLOAD_HEADER_BYTES = 8;
    private static final int ENTRY_HEADER_BYTES = 8;
    private static final int MIN_BLOCK_BYTES = 4096;

    private final RecordCodec<S> codec;
    private final BlockPool pool;
    private final TimerQueue index;
    private final S current;
    private final int entryBytesMax;
    private int tail;
    private long sequence;
    private int held;
    private long timestamp;

    /**
     * @param name            for errors.
     * @param codec           encodes the records.
     * @param initialCapacity records expected to be held at once.
     */
    HeldRecords(final String name, final RecordCodec<S> codec, final int initialCapacity)
    {
        this.codec = codec;
        this.entryBytesMax = ENTRY_HEADER_BYTES + ((codec.maxEncodedLength() + 7) & ~7);
        final int needed = BlockPool.BLOCK_HEADER_BYTES + PAYLOAD_HEADER_BYTES + entryBytesMax;
        this.pool = new BlockPool(Math.max(MIN_BLOCK_BYTES, Integer.highestOneBit(needed - 1) << 1));
        this.index = TimerQueue.appendOnly(name + ".held", initialCapacity);
        this.current = codec.newInstance();
    }

    /**
     * @param record    encoded now; the caller may reuse it at once.
     * @param timestamp when it is due.
     */
    void add(final S record, final long timestamp)
    {
        if (tail == 0 || pool.free(tail) < entryBytesMax)
        {
            tail = pool.allocate();
            pool.segmentOf(tail).putInt(pool.offsetOf(tail) + BlockPool.BLOCK_HEADER_BYTES, 0);
            pool.used(tail, PAYLOAD_HEADER_BYTES);
        }
        final UnsafeBuffer segment = pool.segmentOf(tail);
        final int payload = pool.offsetOf(tail) + BlockPool.BLOCK_HEADER_BYTES;
        final int position = pool.used(tail);
        final int length = codec.encode(record, segment, payload + position + ENTRY_HEADER_BYTES);
        segment.putInt(payload + position, length);
        segment.putInt(payload + position + Integer.BYTES, 0);
        segment.putInt(payload, segment.getInt(payload) + 1);
        pool.used(tail, position + ENTRY_HEADER_BYTES + ((length + 7) & ~7));
        index.register(timestamp, sequence++, ((long)tail << 32) | position);
        held++;
    }

    /**
     * Take the next record due at or before {@code watermark}, if any: read it with {@link #record()} and
     * {@link #timestamp()} before the next call.
     *
     * @param watermark the operator's watermark.
     * @return false when none is due.
     */
    boolean poll(final long watermark)
    {
        if (!index.poll(watermark))
        {
            return false;
        }
        final long location = index.namespace();
        final int block = (int)(location >>> 32);
        final int position = (int)location;
        final UnsafeBuffer segment = pool.segmentOf(block);
        final int payload = pool.offsetOf(block) + BlockPool.BLOCK_HEADER_BYTES;
        codec.decode(segment, payload + position + ENTRY_HEADER_BYTES, segment.getInt(payload + position), current);
        timestamp = index.timestamp();
        held--;
        final int live = segment.getInt(payload) - 1;
        segment.putInt(payload, live);
        if (live == 0)
        {
            if (block == tail)
            {
                pool.used(tail, PAYLOAD_HEADER_BYTES);
            }
            else
            {
                pool.release(block);
            }
        }
        return true;
    }

    /** @return the record last polled, decoded into one reused instance. */
    S record()
    {
        return current;
    }

    /** @return the timestamp of the record last polled. */
    long timestamp()
    {
        return timestamp;
    }

    /** @return records held now. */
    int size()
    {
        return held;
    }

    /** @return off-heap bytes held, index included. */
    long memoryBytes()
    {
        return pool.memoryBytes() + index.memoryBytes();
    }

    /**
     * For debugging: visit every held record, in no particular order. Decodes into fresh instances.
     *
     * @param visitor receives each record and its timestamp.
     */
    void forEach(final ObjLongConsumer<S> visitor)
    {
        final SnapshotWriter out = new SnapshotWriter();
        index.snapshot(out);
        final SnapshotReader in = new SnapshotReader(out.buffer(), 0, out.position(), "held index");
        final int count = in.getInt();
        for (int i = 0; i < count; i++)
        {
            final long entryTimestamp = in.getLong();
            in.getLong();
            final long location = in.getLong();
            final int block = (int)(location >>> 32);
            final int payload = pool.offsetOf(block) + BlockPool.BLOCK_HEADER_BYTES;
            final UnsafeBuffer segment = pool.segmentOf(block);
            final S record = codec.newInstance();
            codec.decode(segment, payload + (int)location + ENTRY_HEADER_BYTES, segment.getInt(payload + (int)location), record);
            visitor.accept(record, entryTimestamp);
        }
    }

    /** @param out receives the log byte for byte (so locations stay valid) and the index. */
    void snapshot(final SnapshotWriter out)
    {
        out.putInt(tail).putLong(sequence).putInt(held);
        pool.snapshot(out);
        index.snapshot(out);
    }

    /** @param in replaces the content. */
    void restore(final SnapshotReader in)
    {
        tail = in.getInt();
        sequence = in.getLong();
        held = in.getCount("held record", Integer.MAX_VALUE);
        pool.restore(in);
        index.restore(in);
        if (index.size() != held)
        {
            throw in.corrupt("held records: " + held + " counted but " + index.size() + " indexed");
        }
    }

    @Override
    public void close()
    {
        pool.close();
        index.close();
    }
}
