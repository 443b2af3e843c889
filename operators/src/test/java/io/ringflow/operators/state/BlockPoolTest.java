package io.ringflow.operators.state;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlockPoolTest
{
    /** 1 MiB segments of 64-byte blocks. */
    private static final int BLOCKS_PER_SEGMENT = (1 << 20) / 64;

    @Test
    void headerWordsRoundTripInEveryBlockAcrossSegments()
    {
        try (BlockPool pool = new BlockPool(64))
        {
            final int blocks = 2 * BLOCKS_PER_SEGMENT + 3;
            for (int i = 0; i < blocks; i++)
            {
                final int block = pool.allocate();
                assertThat(block).isEqualTo(i + 1);
                assertThat(pool.next(block)).isZero();
                assertThat(pool.used(block)).isZero();
                pool.next(block, -block);
                pool.used(block, block ^ 0x5A5A);
            }
            for (int block = 1; block <= blocks; block++)
            {
                assertThat(pool.next(block)).as("next of block %d", block).isEqualTo(-block);
                assertThat(pool.used(block)).as("used of block %d", block).isEqualTo(block ^ 0x5A5A);
                // the header words sit where the segment view sees them: the payload starts after them
                assertThat(pool.segmentOf(block).getInt(pool.offsetOf(block))).isEqualTo(-block);
                assertThat(pool.segmentOf(block).getInt(pool.offsetOf(block) + 4)).isEqualTo(block ^ 0x5A5A);
            }
            assertThat(pool.memoryBytes()).isEqualTo(3L << 20);
        }
    }

    @Test
    void releasedChainsAreReusedBeforeNewBlocks()
    {
        try (BlockPool pool = new BlockPool(128))
        {
            final int first = pool.allocate();
            final int second = pool.allocate();
            final int third = pool.allocate();
            pool.next(first, second);
            pool.next(second, third);
            pool.release(first);
            assertThat(pool.blocksInUse()).isZero();

            final Set<Integer> reused = new HashSet<>();
            for (int i = 0; i < 3; i++)
            {
                final int block = pool.allocate();
                assertThat(pool.next(block)).isZero();
                assertThat(pool.used(block)).isZero();
                reused.add(block);
            }
            assertThat(reused).containsExactlyInAnyOrder(first, second, third);
            assertThat(pool.allocate()).isEqualTo(4);
        }
    }

    /**
     * The header words are read without Agrona's bounds check, so a reference that no allocated segment holds
     * (a corrupt chain, a reference into freed memory) must fail in Java rather than read outside the pool.
     */
    @Test
    void referencesOutsideTheAllocatedSegmentsFailInsteadOfReadingOtherMemory()
    {
        final BlockPool pool = new BlockPool(64);
        pool.allocate();
        for (final int corrupt : new int[] { 0, -1, Integer.MIN_VALUE, BLOCKS_PER_SEGMENT + 1, Integer.MAX_VALUE })
        {
            assertThatThrownBy(() -> pool.next(corrupt)).as("next(%d)", corrupt)
                .isInstanceOf(ArrayIndexOutOfBoundsException.class);
            assertThatThrownBy(() -> pool.used(corrupt, 1)).as("used(%d, 1)", corrupt)
                .isInstanceOf(ArrayIndexOutOfBoundsException.class);
        }
        pool.close();
        assertThatThrownBy(() -> pool.next(1)).as("a reference after close")
            .isInstanceOf(ArrayIndexOutOfBoundsException.class);
    }
}
