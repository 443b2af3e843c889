package io.ringflow.pipeline.runtime;

import io.ringflow.operators.stateless.MapOperator;
import io.ringflow.pipeline.ProducerMode;
import io.ringflow.pipeline.PublishResult;
import io.ringflow.pipeline.Sink;
import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Stepping a pipeline once per record, as a replay does, allocates nothing per step: publish, three stages and
 * the sink all run on this thread, so its allocation counter sees everything.
 */
class SteppedAllocationTest
{
    private static final int RECORDS = 100_000;
    private static final int WARM_UP = 10_000;

    @Test
    void shouldNotAllocatePerStep()
    {
        final java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "per-thread allocation counter unavailable");
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());

        final Counting sink = new Counting();
        final PipelineRuntime<Event> pipeline = PipelineBuilder.ingress("line", Event.TYPE, ProducerMode.SINGLE)
            .stepped(new CachedEpochClock())
            .stage(StageSpec.of("a", () -> identity("a")))
            .stage(StageSpec.of("b", () -> identity("b")).inputType(Event.TYPE))
            .stage(StageSpec.of("c", () -> identity("c")).inputType(Event.TYPE))
            .build(sink).start();
        final Event event = new Event();
        // a short warm-up links and loads what the first records touch; no longer, so that the measurement runs
        // mostly before the JIT's escape analysis could hide an allocation the code makes
        run(pipeline, event, WARM_UP);

        final long before = threads.getCurrentThreadAllocatedBytes();
        run(pipeline, event, RECORDS);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        pipeline.drain();
        pipeline.close();

        assertThat(sink.records).isEqualTo((long)WARM_UP + RECORDS);
        // one object per record would be 1.6 MB or more; what remains (some 15 KB) is the JVM's, not per record
        assertThat(allocated).as("bytes allocated for %d records, each stepped through", RECORDS).isLessThan(RECORDS / 2);
    }

    private static void run(final PipelineRuntime<Event> pipeline, final Event event, final int records)
    {
        for (int i = 0; i < records; i++)
        {
            // no assertThat here: it would allocate per record itself
            if (PublishResult.OK != pipeline.ingress().tryPublish(Event.COPY, event.set(i % 3, i, i, 0)))
            {
                throw new AssertionError("ingress refused record " + i);
            }
            pipeline.stepUntilIdle();
        }
    }

    private static MapOperator<Event, Event> identity(final String name)
    {
        return new MapOperator<>(name, (in, out) -> out.set(in), Event::new);
    }

    /** Counts what reaches the end. */
    private static final class Counting implements Sink<Event>
    {
        long records;

        @Override
        public void onRecord(final Event record, final long timestamp)
        {
            records++;
        }
    }
}
