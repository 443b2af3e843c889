package io.ringflow.operators.join;

import io.ringflow.operators.Timestamps;
import io.ringflow.operators.record.RecordCodec;
import io.ringflow.operators.state.BlockPool;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Records of one key and one join side, encoded into a chain of {@link BlockPool} blocks in arrival order,
 * with a cursor to read them back and an in-place expiry that drops the records a watermark has made useless.
 * <p>
 * The chain's header lives in the caller's keyed slot:
 * <pre>
 *   | head block (int) | tail block (int) | record count (int) | unused (int) |
 *   entry in a block:  | timestamp (long) | length (int) | encoded record ... | padding to 8 |
 * </pre>
 * Expiry compacts each block in place (live entries move to its front) and unlinks blocks left empty; it
 * never moves entries between blocks, so a block in the middle of a chain may be part empty until its
 * records expire too.
 * <p>
 * Threading: single-threaded, owned by one operator. The cursor is the chain's only mutable state besides
 * the pool.
 */
final class RecordChain
{
    /** Bytes of a chain header in a keyed slot. */
    static final int HEADER_BYTES = 16;
    static final int HEAD_OFFSET = 0;
    static final int TAIL_OFFSET = 4;
    static final int COUNT_OFFSET = 8;
    /** Bytes before an entry's encoded record. */
    static final int ENTRY_HEADER_BYTES = 12;

    private final BlockPool pool;

    // cursor: the block, its buffer, the next entry's offset in it, the end of its used bytes, the current entry
    private int cursorBlock;
    private UnsafeBuffer cursorSegment;
    private int cursorPosition;
    private int cursorEnd;
    private int cursorEntry;

    /**
     * @param pool where the blocks of every chain come from.
     */
    RecordChain(final BlockPool pool)
    {
        this.pool = pool;
    }

    /**
     * @param codec a side's codec.
     * @return whether one of its records always fits a block of this chain's pool.
     */
    boolean fits(final RecordCodec<?> codec)
    {
        return ENTRY_HEADER_BYTES + codec.maxEncodedLength() <= pool.payloadBytes();
    }

    /**
     * Append a record at the end of the chain.
     *
     * @param header    the buffer holding the chain header.
     * @param offset    the header's offset.
     * @param codec     encodes the record.
     * @param record    the record.
     * @param timestamp its event time.
     * @param <T>       record type.
     */
    <T> void append(
        final MutableDirectBuffer header, final int offset, final RecordCodec<T> codec, final T record, final long timestamp)
    {
        int tail = header.getInt(offset + TAIL_OFFSET);
        int used = tail == 0 ? 0 : pool.used(tail);
        if (tail == 0 || pool.payloadBytes() - used < ENTRY_HEADER_BYTES + codec.maxEncodedLength())
        {
            final int block = pool.allocate();
            if (tail == 0)
            {
                header.putInt(offset + HEAD_OFFSET, block);
            }
            else
            {
                pool.next(tail, block);
            }
            header.putInt(offset + TAIL_OFFSET, block);
            tail = block;
            used = 0;
        }
        final UnsafeBuffer segment = pool.segmentOf(tail);
        final int entry = pool.offsetOf(tail) + BlockPool.BLOCK_HEADER_BYTES + used;
        final int length = codec.encode(record, segment, entry + ENTRY_HEADER_BYTES);
        segment.putLong(entry, timestamp);
        segment.putInt(entry + Long.BYTES, length);
        pool.used(tail, used + entryBytes(length));
        header.putInt(offset + COUNT_OFFSET, header.getInt(offset + COUNT_OFFSET) + 1);
    }

    /**
     * @param header the buffer holding the chain header.
     * @param offset the header's offset.
     * @return records in the chain.
     */
    static int count(final DirectBuffer header, final int offset)
    {
        return header.getInt(offset + COUNT_OFFSET);
    }

    /**
     * Position the cursor before the chain's first record.
     *
     * @param header the buffer holding the chain header.
     * @param offset the header's offset.
     */
    void open(final DirectBuffer header, final int offset)
    {
        enter(header.getInt(offset + HEAD_OFFSET));
    }

    /** @return whether the cursor moved to another record; read it with the cursor's getters. */
    boolean next()
    {
        while (cursorPosition >= cursorEnd)
        {
            if (cursorBlock == 0)
            {
                return false;
            }
            enter(pool.next(cursorBlock));
        }
        cursorEntry = cursorPosition;
        cursorPosition += entryBytes(cursorSegment.getInt(cursorPosition + Long.BYTES));
        return true;
    }

    /** Move the cursor to the start of a block (0: past the end), reading its header once. */
    private void enter(final int block)
    {
        cursorBlock = block;
        if (block == 0)
        {
            cursorPosition = 0;
            cursorEnd = 0;
            return;
        }
        cursorSegment = pool.segmentOf(block);
        cursorPosition = pool.offsetOf(block) + BlockPool.BLOCK_HEADER_BYTES;
        cursorEnd = cursorPosition + pool.used(block);
    }

    /** @return the current record's event time. */
    long timestamp()
    {
        return cursorSegment.getLong(cursorEntry);
    }

    /**
     * @param codec the side's codec.
     * @param into  overwritten with the current record.
     * @param <T>   record type.
     */
    <T> void decode(final RecordCodec<T> codec, final T into)
    {
        codec.decode(cursorSegment, cursorEntry + ENTRY_HEADER_BYTES, cursorSegment.getInt(cursorEntry + Long.BYTES), into);
    }

    /**
     * Drop every record whose last useful timestamp, {@code timestamp + reach} (saturated), is below
     * {@code watermark}: the watermark has passed everything it could still be joined with. At
     * {@link Timestamps#END_OF_STREAM} every record goes, since no record can follow it.
     *
     * @param header    the buffer holding the chain header.
     * @param offset    the header's offset.
     * @param reach     how far past its own timestamp a record can still be joined.
     * @param watermark the current watermark.
     * @return the smallest {@code timestamp + reach} among the records kept, or {@code Long.MAX_VALUE} when
     *         none is kept (the chain is then empty and its blocks released).
     */
    long expire(final MutableDirectBuffer header, final int offset, final long reach, final long watermark)
    {
        int block = header.getInt(offset + HEAD_OFFSET);
        if (block == 0)
        {
            return Long.MAX_VALUE;
        }
        long earliest = Long.MAX_VALUE;
        int kept = 0;
        int first = 0;
        int last = 0;
        while (block != 0)
        {
            final int next = pool.next(block);
            final UnsafeBuffer segment = pool.segmentOf(block);
            final int start = pool.offsetOf(block) + BlockPool.BLOCK_HEADER_BYTES;
            final int end = start + pool.used(block);
            int write = start;
            for (int read = start; read < end; )
            {
                final int bytes = entryBytes(segment.getInt(read + Long.BYTES));
                final long lastUseful = IntervalBounds.add(segment.getLong(read), reach);
                if (lastUseful >= watermark && watermark != Timestamps.END_OF_STREAM)
                {
                    earliest = Math.min(earliest, lastUseful);
                    kept++;
                    if (write != read)
                    {
                        // entries are multiples of 8 and the write position trails the read one: a forward copy
                        for (int i = 0; i < bytes; i += Long.BYTES)
                        {
                            segment.putLong(write + i, segment.getLong(read + i));
                        }
                    }
                    write += bytes;
                }
                read += bytes;
            }
            if (write == start)
            {
                pool.next(block, 0);
                pool.release(block);
            }
            else
            {
                pool.used(block, write - start);
                if (last == 0)
                {
                    first = block;
                }
                else
                {
                    pool.next(last, block);
                }
                last = block;
            }
            block = next;
        }
        if (last != 0)
        {
            pool.next(last, 0);
        }
        header.putInt(offset + HEAD_OFFSET, first);
        header.putInt(offset + TAIL_OFFSET, last);
        header.putInt(offset + COUNT_OFFSET, kept);
        return earliest;
    }

    /**
     * Read the chain's first block header, so that a later {@link #open} or {@link #expire} of it finds it in
     * the cache: a caller about to visit several chains touches them one after another and their cache misses
     * overlap.
     *
     * @param header the buffer holding the chain header.
     * @param offset the header's offset.
     * @return what was read; fold it into something the caller keeps, or the compiler may drop the read.
     */
    int touch(final DirectBuffer header, final int offset)
    {
        final int head = header.getInt(offset + HEAD_OFFSET);
        return head == 0 ? 0 : pool.used(head);
    }

    /**
     * Release every block of the chain and make it empty.
     *
     * @param header the buffer holding the chain header.
     * @param offset the header's offset.
     */
    void clear(final MutableDirectBuffer header, final int offset)
    {
        pool.release(header.getInt(offset + HEAD_OFFSET));
        header.putInt(offset + HEAD_OFFSET, 0);
        header.putInt(offset + TAIL_OFFSET, 0);
        header.putInt(offset + COUNT_OFFSET, 0);
    }

    private static int entryBytes(final int length)
    {
        return (ENTRY_HEADER_BYTES + length + 7) & ~7;
    }
}
