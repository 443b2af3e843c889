package io.ringflow.operators.window;

import io.ringflow.operators.Collector;
import io.ringflow.operators.Output;
import io.ringflow.operators.record.RecordCodec;
import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import io.ringflow.operators.state.BlockPool;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The window slot holds {head block, tail block, record count}; records are encoded into a
 * {@link BlockPool} chain and decoded one at a time for the {@link ProcessWindowFunction}.
 */
final class BufferingContents<T, R> implements WindowContentsHandler<T, R>, WindowContents<T>, Collector<R>
{
    private static final int HEAD_OFFSET = 0;
    private static final int TAIL_OFFSET = 4;
    private static final int COUNT_OFFSET = 8;
    /** Entry: | timestamp (long) | length (int) | encoded record ... | padding to 8 | */
    private static final int ENTRY_HEADER_BYTES = 12;

    private final RecordCodec<T> codec;
    private final ProcessWindowFunction<T, R> function;
    private final BlockPool arena;
    private final T current;

    // cursor state while a window is being processed
    private int cursorHead;
    private int cursorBlock;
    private int cursorPosition;
    private int cursorSize;
    private long cursorTimestamp;
    private Output<R> emitTo;
    private long emitTimestamp;

    BufferingContents(final RecordCodec<T> codec, final ProcessWindowFunction<T, R> function, final int blockBytes)
    {
        this.codec = codec;
        this.function = function;
        this.arena = new BlockPool(blockBytes);
        final int maxRecordBytes = arena.payloadBytes() - ENTRY_HEADER_BYTES;
        if (codec.maxEncodedLength() > maxRecordBytes)
        {
            throw new IllegalArgumentException("codec max encoded length " + codec.maxEncodedLength() +
                " does not fit a record block of " + blockBytes + " bytes (at most " + maxRecordBytes +
                "); raise the block size");
        }
        this.current = codec.newInstance();
    }

    @Override
    public int slotBytes()
    {
        return 16;
    }

    @Override
    public boolean mergesExactly()
    {
        return false;   // it buffers records: a window's panes would have to be copied into one list to fire
    }

    @Override
    public void reset(final MutableDirectBuffer buffer, final int offset)
    {
        buffer.putInt(offset + HEAD_OFFSET, 0);
        buffer.putInt(offset + TAIL_OFFSET, 0);
        buffer.putLong(offset + COUNT_OFFSET, 0);
    }

    @Override
    public void add(final T record, final long timestamp, final MutableDirectBuffer buffer, final int offset)
    {
        int tail = buffer.getInt(offset + TAIL_OFFSET);
        final int needed = ENTRY_HEADER_BYTES + codec.maxEncodedLength();
        if (tail == 0 || arena.free(tail) < needed)
        {
            final int block = arena.allocate();
            if (tail == 0)
            {
                buffer.putInt(offset + HEAD_OFFSET, block);
            }
            else
            {
                arena.next(tail, block);
            }
            buffer.putInt(offset + TAIL_OFFSET, block);
            tail = block;
        }
        final UnsafeBuffer segment = arena.segmentOf(tail);
        final int used = arena.used(tail);
        final int entry = arena.offsetOf(tail) + BlockPool.BLOCK_HEADER_BYTES + used;
        final int length = codec.encode(record, segment, entry + ENTRY_HEADER_BYTES);
        segment.putLong(entry, timestamp);
        segment.putInt(entry + 8, length);
        arena.used(tail, used + ((ENTRY_HEADER_BYTES + length + 7) & ~7));
        buffer.putLong(offset + COUNT_OFFSET, buffer.getLong(offset + COUNT_OFFSET) + 1);
    }

    @Override
    public void merge(
        final MutableDirectBuffer target, final int targetOffset, final DirectBuffer source, final int sourceOffset)
    {
        final int sourceHead = source.getInt(sourceOffset + HEAD_OFFSET);
        if (sourceHead == 0)
        {
            return;
        }
        final int targetTail = target.getInt(targetOffset + TAIL_OFFSET);
        if (targetTail == 0)
        {
            target.putInt(targetOffset + HEAD_OFFSET, sourceHead);
        }
        else
        {
            arena.next(targetTail, sourceHead);
        }
        target.putInt(targetOffset + TAIL_OFFSET, source.getInt(sourceOffset + TAIL_OFFSET));
        target.putLong(targetOffset + COUNT_OFFSET,
            target.getLong(targetOffset + COUNT_OFFSET) + source.getLong(sourceOffset + COUNT_OFFSET));
    }

    @Override
    public void emit(
        final long key,
        final Window window,
        final FiringKind kind,
        final DirectBuffer buffer,
        final int offset,
        final Output<R> output,
        final long timestamp)
    {
        cursorHead = buffer.getInt(offset + HEAD_OFFSET);
        cursorSize = (int)Math.min(Integer.MAX_VALUE, buffer.getLong(offset + COUNT_OFFSET));
        rewind();
        emitTo = output;
        emitTimestamp = timestamp;
        function.process(key, window, kind, this, this);
        emitTo = null;
    }

    @Override
    public void collect(final R record)
    {
        emitTo.emit(record, emitTimestamp);
    }

    @Override
    public void release(final DirectBuffer buffer, final int offset)
    {
        arena.release(buffer.getInt(offset + HEAD_OFFSET));
    }

    @Override
    public int size()
    {
        return cursorSize;
    }

    @Override
    public void rewind()
    {
        cursorBlock = cursorHead;
        cursorPosition = 0;
    }

    @Override
    public boolean next()
    {
        while (cursorBlock != 0 && cursorPosition >= arena.used(cursorBlock))
        {
            cursorBlock = arena.next(cursorBlock);
            cursorPosition = 0;
        }
        if (cursorBlock == 0)
        {
            return false;
        }
        final UnsafeBuffer segment = arena.segmentOf(cursorBlock);
        final int entry = arena.offsetOf(cursorBlock) + BlockPool.BLOCK_HEADER_BYTES + cursorPosition;
        cursorTimestamp = segment.getLong(entry);
        final int length = segment.getInt(entry + 8);
        codec.decode(segment, entry + ENTRY_HEADER_BYTES, length, current);
        cursorPosition += (ENTRY_HEADER_BYTES + length + 7) & ~7;
        return true;
    }

    @Override
    public T record()
    {
        return current;
    }

    @Override
    public long timestamp()
    {
        return cursorTimestamp;
    }

    @Override
    public long memoryBytes()
    {
        return arena.memoryBytes();
    }

    @Override
    public void snapshot(final SnapshotWriter out)
    {
        arena.snapshot(out);
    }

    @Override
    public void restore(final SnapshotReader in)
    {
        arena.restore(in);
    }

    @Override
    public void close()
    {
        arena.close();
    }
}
