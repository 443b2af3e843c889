package io.ringflow.examples.market;

import io.ringflow.operators.RejectReason;
import io.ringflow.pipeline.Pipeline;
import io.ringflow.pipeline.PublishResult;
import io.ringflow.pipeline.RecordTranslator;
import io.ringflow.pipeline.Source;
import io.ringflow.pipeline.runtime.PipelineRuntime;
import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole market plan in steady state (quote join, bars firing every second of event time, spread flags,
 * move alerts) allocates nothing per record: run stepped, so that every operator runs on this thread and
 * its allocation counter sees them all.
 */
class MarketAllocationTest
{
    private static final int EVENTS = 300_000;
    private static final RecordTranslator<MarketEvent, MarketGenerator> GENERATE = (slot, generator) -> generator.next(slot);

    @Test
    void shouldNotAllocatePerRecord()
    {
        final java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "per-thread allocation counter unavailable");
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());

        final MarketCounts counts = new MarketCounts();
        final PipelineRuntime<MarketEvent> runtime = MarketPipeline
            .analytics(Pipeline.from(Source.of("market", MarketEvent.TYPE).ringSize(1024)), 2_000, MarketRules.defaults())
            .rejected(RejectReason.LATE, counts.late)
            .to(counts)
            .stepped(new CachedEpochClock())
            .build()
            .start();
        final MarketGenerator generator = new MarketGenerator(42, 2_000);
        // warm-up, 6 s of event time: windows of every instrument opened and fired, state grown, code compiled
        publish(runtime, generator);
        publish(runtime, generator);

        final long barsBefore = counts.bars;
        final long flagsBefore = counts.spreadFlags;
        final long movesBefore = counts.moves;
        final long before = threads.getCurrentThreadAllocatedBytes();
        publish(runtime, generator);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        runtime.drain();
        runtime.close();

        assertThat(counts.bars - barsBefore).isGreaterThan(1_000);
        assertThat(counts.spreadFlags - flagsBefore).isPositive();
        assertThat(counts.moves - movesBefore).isPositive();
        assertThat(allocated).as("bytes allocated for %d events", EVENTS).isLessThan(EVENTS / 10);
    }

    private static void publish(final PipelineRuntime<MarketEvent> runtime, final MarketGenerator generator)
    {
        for (int i = 0; i < EVENTS; i++)
        {
            while (PublishResult.OK != runtime.ingress().tryPublish(GENERATE, generator))
            {
                runtime.stepUntilIdle();
            }
        }
        runtime.stepUntilIdle();
    }
}
