package io.ringflow.operators.table;

import io.ringflow.operators.record.RecordCodec;
import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import io.ringflow.operators.state.BlockPool;
import io.ringflow.operators.state.OffHeapHashStore;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;
import java.util.function.ObjLongConsumer;

/**
 * Stream records waiting for the watermark to pass their timestamp, encoded off-heap, released in
 * (timestamp, arrival) order.
 * <p>
 * One bucket per distinct timestamp: a chain of {@link BlockPool} blocks that records are appended to, so
 * a chain is in arrival order by construction and releasing a bucket is a sequential scan, with no sort.
 * Only the distinct timestamps sit in a min-heap. Blocks are small ({@value #MIN_BLOCK_BYTES} bytes, or the
 * smallest power of two that holds one record), so that sparse timestamps (one record per nanosecond
 * tick, say) cost one small block each, while dense ones fill whole chains. Every entry takes the room of
 * the codec's longest encoding, so that entries can be found by index.
 * <pre>
 *   bucket slot (key: timestamp): | head block (int) | tail block (int) | records (int) | pad (int) |
 *   entry in a block's payload:   | table key (long) | encoded length (int) | pad (int) | encoded record ... |
 * </pre>
 * The table key is stored with each record so that the owner can read the keys of the records about to
 * be released ({@link #keyAhead}) and fetch their table slots into the cache before it needs them.
 * <p>
 * Threading: single-threaded, the owning operator's; allocates nothing per record once the pool, the bucket
 * table and the heap have grown to what is held at once.
 *
 * @param <S> record type.
 */
final class HeldRecords<S> implements AutoCloseable
{
    private static final int MIN_BLOCK_BYTES = 512;
    private static final int HEAD_OFFSET = 0;
    private static final int TAIL_OFFSET = 4;
    private static final int COUNT_OFFSET = 8;
    private static final int BUCKET_BYTES = 16;
    private static final int ENTRY_HEADER_BYTES = 16;
    private static final int LENGTH_OFFSET = 8;

    private final String name;
    private final RecordCodec<S> codec;
    private final BlockPool pool;
    private final OffHeapHashStore buckets;
    private final S current;
    private final int entryBytesMax;
    private long[] heap = new long[64];
    private int heapSize;
    private int held;

    // the bucket being released
    private int drainHead;
    private int drainBlock;
    private int drainPosition;
    private long drainTimestamp;
    private long drainKey;

    /**
     * @param name            for errors.
     * @param codec           encodes the records.
     * @param initialCapacity distinct timestamps expected to be held at once.
     */
    HeldRecords(final String name, final RecordCodec<S> codec, final int initialCapacity)
    {
        this.name = name;
        this.codec = codec;
        this.entryBytesMax = ENTRY_HEADER_BYTES + ((codec.maxEncodedLength() + 7) & ~7);
        final int needed = BlockPool.BLOCK_HEADER_BYTES + entryBytesMax;
        this.pool = new BlockPool(Math.max(MIN_BLOCK_BYTES, Integer.highestOneBit(needed - 1) << 1));
        this.buckets = new OffHeapHashStore(name + ".held", 1, BUCKET_BYTES, initialCapacity);
        this.current = codec.newInstance();
    }

    /**
     * @param record    encoded now; the caller may reuse it at once.
     * @param key       its table key, kept for {@link #keyAhead}.
     * @param timestamp when it is due.
     */
    void add(final S record, final long key, final long timestamp)
    {
        final int slot = buckets.getOrInsert(timestamp, 0, 0);
        final MutableDirectBuffer bucket = buckets.buffer();
        int tail;
        if (buckets.inserted())
        {
            tail = pool.allocate();
            bucket.putInt(slot + HEAD_OFFSET, tail);
            bucket.putInt(slot + TAIL_OFFSET, tail);
            push(timestamp);
        }
        else
        {
            tail = bucket.getInt(slot + TAIL_OFFSET);
            if (pool.free(tail) < entryBytesMax)
            {
                final int next = pool.allocate();
                pool.next(tail, next);
                bucket.putInt(slot + TAIL_OFFSET, next);
                tail = next;
            }
        }
        bucket.putInt(slot + COUNT_OFFSET, bucket.getInt(slot + COUNT_OFFSET) + 1);

        final UnsafeBuffer segment = pool.segmentOf(tail);
        final int used = pool.used(tail);
        final int entry = pool.offsetOf(tail) + BlockPool.BLOCK_HEADER_BYTES + used;
        final int length = codec.encode(record, segment, entry + ENTRY_HEADER_BYTES);
        segment.putLong(entry, key);
        segment.putInt(entry + LENGTH_OFFSET, length);
        segment.putInt(entry + LENGTH_OFFSET + Integer.BYTES, 0);
        pool.used(tail, used + entryBytesMax);
        held++;
    }

    /**
     * Take the next record due at or before {@code watermark}, if any: read it with {@link #record()},
     * {@link #timestamp()} and {@link #key()} before the next call.
     *
     * @param watermark the operator's watermark.
     * @return false when none is due.
     */
    boolean poll(final long watermark)
    {
        while (true)
        {
            if (0 != drainBlock)
            {
                if (drainPosition < pool.used(drainBlock))
                {
                    final UnsafeBuffer segment = pool.segmentOf(drainBlock);
                    final int entry = pool.offsetOf(drainBlock) + BlockPool.BLOCK_HEADER_BYTES + drainPosition;
                    drainKey = segment.getLong(entry);
                    codec.decode(segment, entry + ENTRY_HEADER_BYTES, segment.getInt(entry + LENGTH_OFFSET), current);
                    drainPosition += entryBytesMax;
                    held--;
                    return true;
                }
                drainBlock = pool.next(drainBlock);
                drainPosition = 0;
                if (0 == drainBlock)
                {
                    pool.release(drainHead);
                    drainHead = 0;
                }
                continue;
            }
            if (0 == heapSize || heap[0] > watermark)
            {
                return false;
            }
            drainTimestamp = pop();
            final int slot = buckets.find(drainTimestamp, 0, 0);
            drainHead = buckets.buffer().getInt(slot + HEAD_OFFSET);
            buckets.removeAt(slot);
            drainBlock = drainHead;
            drainPosition = 0;
        }
    }

    /**
     * The table key of a record about to be released, without decoding it: for fetching table slots ahead.
     *
     * @param ahead 0 for the record the next {@link #poll} returns (if due), 1 for the one after, …
     * @return its key, or {@link Long#MIN_VALUE} if it is not in the block being released or the next one.
     */
    long keyAhead(final int ahead)
    {
        int block = drainBlock;
        if (0 == block)
        {
            return Long.MIN_VALUE;
        }
        int position = drainPosition + ahead * entryBytesMax;
        final int used = pool.used(block);
        if (position >= used)
        {
            position -= used;
            block = pool.next(block);
            if (0 == block || position >= pool.used(block))
            {
                return Long.MIN_VALUE;
            }
        }
        return pool.segmentOf(block).getLong(pool.offsetOf(block) + BlockPool.BLOCK_HEADER_BYTES + position);
    }

    /** @return the table key of the record last polled. */
    long key()
    {
        return drainKey;
    }

    /** @return the record last polled, decoded into one reused instance. */
    S record()
    {
        return current;
    }

    /** @return the timestamp of the record last polled. */
    long timestamp()
    {
        return drainTimestamp;
    }

    /** @return records held now. */
    int size()
    {
        return held;
    }

    /** @return off-heap bytes held, bucket table included. */
    long memoryBytes()
    {
        return pool.memoryBytes() + buckets.memoryBytes();
    }

    /**
     * For debugging: visit every held record, bucket by bucket in no particular order. Decodes into fresh
     * instances.
     *
     * @param visitor receives each record and its timestamp.
     */
    void forEach(final ObjLongConsumer<S> visitor)
    {
        buckets.forEach((timestamp, unused1, unused2, bucket, slot) ->
        {
            for (int block = bucket.getInt(slot + HEAD_OFFSET); block != 0; block = pool.next(block))
            {
                final UnsafeBuffer segment = pool.segmentOf(block);
                final int payload = pool.offsetOf(block) + BlockPool.BLOCK_HEADER_BYTES;
                for (int position = 0; position < pool.used(block); )
                {
                    final S record = codec.newInstance();
                    codec.decode(segment, payload + position + ENTRY_HEADER_BYTES, segment.getInt(payload + position + LENGTH_OFFSET),
                        record);
                    visitor.accept(record, timestamp);
                    position += entryBytesMax;
                }
            }
        });
    }

    /**
     * Between records only (no bucket half released).
     *
     * @param out receives the buckets and the blocks byte for byte (so that block references stay valid).
     */
    void snapshot(final SnapshotWriter out)
    {
        out.putInt(held);
        buckets.snapshot(out);
        pool.snapshot(out);
    }

    /** @param in replaces the content. */
    void restore(final SnapshotReader in)
    {
        held = in.getCount("held record", Integer.MAX_VALUE);
        buckets.restore(in);
        pool.restore(in);
        heapSize = 0;
        buckets.forEach((timestamp, unused1, unused2, bucket, slot) -> push(timestamp));
        final long[] counted = new long[1];
        buckets.forEach((timestamp, unused1, unused2, bucket, slot) -> counted[0] += bucket.getInt(slot + COUNT_OFFSET));
        if (counted[0] != held)
        {
            throw in.corrupt(name + ": " + held + " held records counted but " + counted[0] + " in buckets");
        }
    }

    @Override
    public void close()
    {
        pool.close();
        buckets.close();
        heapSize = 0;
        held = 0;
    }

    private void push(final long timestamp)
    {
        if (heapSize == heap.length)
        {
            heap = Arrays.copyOf(heap, heapSize * 2);
        }
        int index = heapSize++;
        while (index > 0)
        {
            final int parent = (index - 1) >>> 1;
            if (heap[parent] <= timestamp)
            {
                break;
            }
            heap[index] = heap[parent];
            index = parent;
        }
        heap[index] = timestamp;
    }

    private long pop()
    {
        final long top = heap[0];
        final long last = heap[--heapSize];
        int index = 0;
        final int half = heapSize >>> 1;
        while (index < half)
        {
            int child = (index << 1) + 1;
            if (child + 1 < heapSize && heap[child + 1] < heap[child])
            {
                child++;
            }
            if (heap[child] >= last)
            {
                break;
            }
            heap[index] = heap[child];
            index = child;
        }
        heap[index] = last;
        return top;
    }
}
