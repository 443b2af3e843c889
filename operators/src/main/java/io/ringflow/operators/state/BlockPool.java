package io.ringflow.operators.state;

import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import org.agrona.BufferUtil;
import org.agrona.UnsafeApi;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Fixed-size off-heap blocks, chained into lists by their users (a window's buffered records, a timer
 * bucket's entries). Blocks come from 1 MiB segments that are never moved, so growth allocates one
 * segment and copies nothing; freed blocks go to a free list and are reused first.
 *
 * <pre>
 *   block:  | next block ref (int) | bytes used (int) | payload ... |
 * </pre>
 * A block reference is its index + 1, so that zero-filled memory means "no block". The payload's
 * layout belongs to the user. Threading: single-threaded.
 */
public final class BlockPool implements AutoCloseable
{
    /** Bytes before a block's payload. */
    public static final int BLOCK_HEADER_BYTES = 8;
    private static final int SEGMENT_BYTES = 1 << 20;
    private static final long[] NO_SEGMENTS = {};

    private final int blockBytes;
    private final int blocksPerSegment;
    private final int segmentShift;
    private final int blockShift;
    private UnsafeBuffer[] segments = new UnsafeBuffer[4];
    /** Each segment's address, exactly {@code segmentCount} of them, so that an index past them fails; see {@link #headerAddress}. */
    private long[] segmentAddresses = NO_SEGMENTS;
    private ByteBuffer[] segmentMemory = new ByteBuffer[4];
    private int segmentCount;
    private int blocksAllocated;
    private int freeListHead;   // block index + 1, 0 = empty
    private int freeBlocks;

    /**
     * @param blockBytes block size: a power of two in [64, 1 MiB].
     */
    public BlockPool(final int blockBytes)
    {
        if (blockBytes < 64 || blockBytes > SEGMENT_BYTES || Integer.bitCount(blockBytes) != 1)
        {
            throw new IllegalArgumentException("block size must be a power of two in [64, " + SEGMENT_BYTES +
                "], was " + blockBytes);
        }
        this.blockBytes = blockBytes;
        this.blocksPerSegment = SEGMENT_BYTES / blockBytes;
        // both powers of two: shifts and masks instead of a division per block access
        this.segmentShift = Integer.numberOfTrailingZeros(blocksPerSegment);
        this.blockShift = Integer.numberOfTrailingZeros(blockBytes);
    }

    /** @return block size in bytes, header included. */
    public int blockBytes()
    {
        return blockBytes;
    }

    /** @return payload bytes per block. */
    public int payloadBytes()
    {
        return blockBytes - BLOCK_HEADER_BYTES;
    }

    /**
     * @param blockRef a block.
     * @return the buffer holding it.
     */
    public UnsafeBuffer segmentOf(final int blockRef)
    {
        return segments[(blockRef - 1) >>> segmentShift];
    }

    /**
     * @param blockRef a block.
     * @return its offset in {@link #segmentOf}.
     */
    public int offsetOf(final int blockRef)
    {
        return ((blockRef - 1) & (blocksPerSegment - 1)) << blockShift;
    }

    /**
     * @param blockRef a block.
     * @return the next block of its chain, 0 for none.
     */
    public int next(final int blockRef)
    {
        return UnsafeApi.getInt(headerAddress(blockRef));
    }

    /**
     * @param blockRef a block.
     * @param nextRef its new successor.
     */
    public void next(final int blockRef, final int nextRef)
    {
        UnsafeApi.putInt(headerAddress(blockRef), nextRef);
    }

    /**
     * @param blockRef a block.
     * @return payload bytes in use.
     */
    public int used(final int blockRef)
    {
        return UnsafeApi.getInt(headerAddress(blockRef) + Integer.BYTES);
    }

    /**
     * @param blockRef a block.
     * @param used payload bytes now in use.
     */
    public void used(final int blockRef, final int used)
    {
        UnsafeApi.putInt(headerAddress(blockRef) + Integer.BYTES, used);
    }

    /**
     * The address of a block's header, for the header words every chain walk reads, without Agrona's bounds
     * check (a sixth of an interval join's time went to those checks; JMH {@code IntervalJoinBenchmark},
     * async-profiler). Still memory-safe for any reference, corrupt ones included: the segment comes from an
     * array holding only allocated segments, so a reference past them (or 0, or negative) fails with an
     * {@link ArrayIndexOutOfBoundsException}, and the masked block index keeps the offset inside its segment.
     */
    private long headerAddress(final int blockRef)
    {
        final int index = blockRef - 1;
        return segmentAddresses[index >>> segmentShift] + ((long)(index & (blocksPerSegment - 1)) << blockShift);
    }

    /**
     * @param blockRef a block.
     * @return payload bytes still free.
     */
    public int free(final int blockRef)
    {
        return payloadBytes() - used(blockRef);
    }

    /** @return a reference to an empty block with no successor. */
    public int allocate()
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

    /** @param headRef first block of a chain to return to the free list (0: nothing). */
    public void release(final int headRef)
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

    /** @return off-heap bytes held. */
    public long memoryBytes()
    {
        return (long)segmentCount * SEGMENT_BYTES;
    }

    /** @return blocks allocated and not released. */
    public int blocksInUse()
    {
        return blocksAllocated - freeBlocks;
    }

    /** @param out receives the pool's blocks byte for byte, so that stored references stay valid. */
    public void snapshot(final SnapshotWriter out)
    {
        out.putInt(blockBytes).putInt(blocksAllocated).putInt(freeListHead).putInt(freeBlocks);
        for (int i = 0; i < segmentCount; i++)
        {
            final int blocksInSegment = Math.min(blocksPerSegment, blocksAllocated - i * blocksPerSegment);
            out.putBytes(segments[i], 0, blocksInSegment * blockBytes);
        }
    }

    /** @param in replaces the pool with what {@link #snapshot} wrote. */
    public void restore(final SnapshotReader in)
    {
        final int storedBlockBytes = in.getInt();
        if (storedBlockBytes != blockBytes)
        {
            throw in.corrupt("block pool block size " + storedBlockBytes + " differs from this operator's " + blockBytes);
        }
        final int allocated = in.getCount("block pool block", Integer.MAX_VALUE / 2);
        final int freeHead = in.getInt();
        final int free = in.getCount("block pool free block", allocated);
        if (freeHead < 0 || freeHead > allocated)
        {
            throw in.corrupt("block pool free-list head " + freeHead + " outside [0, " + allocated + "]");
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
        segmentAddresses = Arrays.copyOf(segmentAddresses, segmentCount + 1);
        segmentAddresses[segmentCount] = segments[segmentCount].addressOffset();
        segmentCount++;
    }

    /** Free every block and segment; the pool stays usable and grows again on demand. */
    public void clear()
    {
        close();
    }

    /** Free the off-heap memory. */
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
        segmentAddresses = NO_SEGMENTS;
        blocksAllocated = 0;
        freeListHead = 0;
        freeBlocks = 0;
    }
}
