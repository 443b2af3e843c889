package io.ringflow.operators.window;

import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Off-heap blocks holding encoded records, chained per window. Blocks come from fixed-size segments
 * that are never moved, so growth allocates one segment and copies nothing; freed blocks go to a free
 * list and are reused first.
 *
 * <pre>
 *   block:  | next block + 1 (int) | bytes used (int) | entry | entry | ...
 *   entry:  | timestamp (long) | length (int) | encoded record ... | padding to 8 |
 * </pre>
 * Block references are stored as index + 1 so that a zero-filled window slot means "no block".
 * Threading: single-threaded.
 */
final class RecordArena implements AutoCloseable
{
    static final int BLOCK_HEADER_BYTES = 8;
    static final int ENTRY_HEADER_BYTES = 12;
    private static final int SEGMENT_BYTES = 1 << 20;

    private final int blockBytes;
    private final int blocksPerSegment;
    private UnsafeBuffer[] segments = new UnsafeBuffer[4];
    private ByteBuffer[] segmentMemory = new ByteBuffer[4];
    private int segmentCount;
    private int blocksAllocated;
    private int freeListHead;   // block index + 1, 0 = empty
    private int freeBlocks;

    RecordArena(final int blockBytes)
    {
        if (blockBytes < 64 || blockBytes > SEGMENT_BYTES || Integer.bitCount(blockBytes) != 1)
        {
            throw new IllegalArgumentException("record block size must be a power of two in [64, " + SEGMENT_BYTES +
                "], was " + blockBytes);
        }
        this.blockBytes = blockBytes;
        this.blocksPerSegment = SEGMENT_BYTES / blockBytes;
    }

    int blockBytes()
    {
        return blockBytes;
    }

    /** @return the largest encoded record a block can hold. */
    int maxRecordBytes()
    {
        return blockBytes - BLOCK_HEADER_BYTES - ENTRY_HEADER_BYTES;
    }

    UnsafeBuffer segmentOf(final int blockRef)
    {
        return segments[(blockRef - 1) / blocksPerSegment];
    }

    int offsetOf(final int blockRef)
    {
        return ((blockRef - 1) % blocksPerSegment) * blockBytes;
    }

    int next(final int blockRef)
    {
        return segmentOf(blockRef).getInt(offsetOf(blockRef));
    }

    void next(final int blockRef, final int nextRef)
    {
        segmentOf(blockRef).putInt(offsetOf(blockRef), nextRef);
    }

    int used(final int blockRef)
    {
        return segmentOf(blockRef).getInt(offsetOf(blockRef) + 4);
    }

    void used(final int blockRef, final int used)
    {
        segmentOf(blockRef).putInt(offsetOf(blockRef) + 4, used);
    }

    /** @return free space in the block for an entry's bytes. */
    int free(final int blockRef)
    {
        return blockBytes - BLOCK_HEADER_BYTES - used(blockRef);
    }

    /** @return a reference to an empty block with no successor. */
    int allocate()
    {
        final int blockRef;
        if (freeListHead != 0)
        {
            blockRef = freeListHead;
            freeListHead = next(blockRef);
            freeBlocks--;
        }
        else
        {
            if (blocksAllocated == segmentCount * blocksPerSegment)
            {
                addSegment();
            }
            blockRef = ++blocksAllocated;
        }
        next(blockRef, 0);
        used(blockRef, 0);
        return blockRef;
    }

    /** Return a chain of blocks to the free list. */
    void release(final int headRef)
    {
        int blockRef = headRef;
        while (blockRef != 0)
        {
            final int nextRef = next(blockRef);
            next(blockRef, freeListHead);
            freeListHead = blockRef;
            freeBlocks++;
            blockRef = nextRef;
        }
    }

    long memoryBytes()
    {
        return (long)segmentCount * SEGMENT_BYTES;
    }

    int blocksInUse()
    {
        return blocksAllocated - freeBlocks;
    }

    void snapshot(final SnapshotWriter out)
    {
        out.putInt(blockBytes).putInt(blocksAllocated).putInt(freeListHead).putInt(freeBlocks);
        for (int i = 0; i < segmentCount; i++)
        {
            final int blocksInSegment = Math.min(blocksPerSegment, blocksAllocated - i * blocksPerSegment);
            out.putBytes(segments[i], 0, blocksInSegment * blockBytes);
        }
    }

    void restore(final SnapshotReader in)
    {
        final int storedBlockBytes = in.getInt();
        if (storedBlockBytes != blockBytes)
        {
            throw in.corrupt("record arena block size " + storedBlockBytes + " differs from this operator's " + blockBytes);
        }
        final int allocated = in.getCount("record arena block", Integer.MAX_VALUE / 2);
        final int freeHead = in.getInt();
        final int free = in.getCount("record arena free block", allocated);
        if (freeHead < 0 || freeHead > allocated)
        {
            throw in.corrupt("record arena free-list head " + freeHead + " outside [0, " + allocated + "]");
        }
        close();
        segments = new UnsafeBuffer[4];
        segmentMemory = new ByteBuffer[4];
        while ((long)segmentCount * blocksPerSegment < allocated)
        {
            addSegment();
        }
        for (int i = 0; i < segmentCount; i++)
        {
            final int blocksInSegment = Math.min(blocksPerSegment, allocated - i * blocksPerSegment);
            in.getBytes(segments[i], 0, blocksInSegment * blockBytes);
        }
        blocksAllocated = allocated;
        freeListHead = freeHead;
        freeBlocks = free;
    }

    private void addSegment()
    {
        if (segmentCount == segments.length)
        {
            segments = Arrays.copyOf(segments, segmentCount * 2);
            segmentMemory = Arrays.copyOf(segmentMemory, segmentCount * 2);
        }
        final ByteBuffer memory = ByteBuffer.allocateDirect(SEGMENT_BYTES);
        segmentMemory[segmentCount] = memory;
        segments[segmentCount] = new UnsafeBuffer(memory);
        segmentCount++;
    }

    @Override
    public void close()
    {
        for (int i = 0; i < segmentCount; i++)
        {
            BufferUtil.free(segmentMemory[i]);
            segmentMemory[i] = null;
            segments[i] = null;
        }
        segmentCount = 0;
        blocksAllocated = 0;
        freeListHead = 0;
        freeBlocks = 0;
    }
}
