package io.ringflow.pipeline.runtime;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.TimeoutException;
import io.ringflow.pipeline.WaitStrategy;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

/**
 * Maps a stage's {@link WaitStrategy} onto what its thread does after a poll found nothing.
 */
final class StageIdle
{
    private static final long SLEEP_SPINS = 100;
    private static final long SLEEP_YIELDS = 100;
    private static final long SLEEP_MIN_PARK_NS = 1_000;
    private static final long SLEEP_MAX_PARK_NS = 1_000_000;

    private StageIdle()
    {
    }

    static IdleStrategy forStage(final WaitStrategy strategy, final Ring<?> input)
    {
        switch (strategy)
        {
            case BUSY_SPIN:
                return new BusySpinIdleStrategy();
            case YIELDING:
                return new YieldingIdleStrategy();
            case SLEEPING:
                return new BackoffIdleStrategy(SLEEP_SPINS, SLEEP_YIELDS, SLEEP_MIN_PARK_NS, SLEEP_MAX_PARK_NS);
            case BLOCKING:
                return new BlockOnRing(input);
            default:
                throw new IllegalArgumentException("unknown wait strategy " + strategy);
        }
    }

    /**
     * Blocks on the ring's barrier until a producer signals, or for at most
     * {@link Ring#BLOCKING_WAKE_UP_MS} so that processing time still reaches the operators.
     */
    private static final class BlockOnRing implements IdleStrategy
    {
        private final Ring<?> ring;

        BlockOnRing(final Ring<?> ring)
        {
            this.ring = ring;
        }

        @Override
        public void idle(final int workCount)
        {
            if (workCount <= 0)
            {
                idle();
            }
        }

        @Override
        public void idle()
        {
            try
            {
                ring.barrier.waitFor(ring.consumedSequence() + 1);
            }
            catch (final TimeoutException | AlertException ex)
            {
                // woken to tick processing time, or to stop: the runner's loop decides
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void reset()
        {
        }

        @Override
        public String alias()
        {
            return "blocking";
        }
    }
}
