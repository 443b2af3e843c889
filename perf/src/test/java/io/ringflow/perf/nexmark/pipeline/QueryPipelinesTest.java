package io.ringflow.perf.nexmark.pipeline;

import io.ringflow.perf.nexmark.NexmarkBenchmark;
import io.ringflow.perf.nexmark.NexmarkEvent;
import io.ringflow.perf.nexmark.NexmarkStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryPipelinesTest
{
    /** 15 s of event time (a Q7 window and seven Q5 windows, then the ones end of input fires), in three batches. */
    private static final int BATCH = 50_000;
    private static final int BATCHES = 3;

    @ParameterizedTest
    @EnumSource(NexmarkBenchmark.Query.class)
    void shouldDoTheSingleThreadReferencesWorkOnEveryEngine(final NexmarkBenchmark.Query query)
    {
        final QueryPlan<?> plan = QueryPlan.of(query);
        final ResultFingerprint<?> reference = plan.reference().run((long)BATCH * BATCHES);
        assertThat(reference.count()).isPositive();
        for (final PipelineEngine engine : PipelineEngine.values())
        {
            final QueryPipeline pipeline = engine.start(plan, 1 << 10);
            final NexmarkStream events = QueryPlan.newEvents();
            for (int i = 0; i < BATCHES; i++)
            {
                pipeline.publish(events, BATCH);
                pipeline.awaitProcessed();
            }
            assertThat(pipeline.published()).isEqualTo((long)BATCH * BATCHES);
            final ResultFingerprint<?> results = pipeline.finish();
            assertThat(results.matches(reference)).as("%s on %s: %s against %s", query, engine, results, reference).isTrue();
        }
    }

    @Test
    void shouldFingerprintResultsInAnyOrderButNoticeAChangedOrMissingOne()
    {
        final NexmarkEvent a = new NexmarkEvent().setBid(1, 2, 300, 1_000);
        final NexmarkEvent b = new NexmarkEvent().setBid(4, 5, 600, 1_001);

        final ResultFingerprint<NexmarkEvent> inOrder = ResultFingerprint.events();
        inOrder.emit(a, 1_000);
        inOrder.emit(b, 1_001);
        final ResultFingerprint<NexmarkEvent> reversed = ResultFingerprint.events();
        reversed.emit(b, 1_001);
        reversed.emit(a, 1_000);
        final ResultFingerprint<NexmarkEvent> missing = ResultFingerprint.events();
        missing.emit(a, 1_000);
        final ResultFingerprint<NexmarkEvent> otherPrice = ResultFingerprint.events();
        otherPrice.emit(a, 1_000);
        otherPrice.emit(new NexmarkEvent().copyFrom(b).setPrice(601), 1_001);

        assertThat(inOrder.matches(reversed)).isTrue();
        assertThat(inOrder.matches(missing)).isFalse();
        assertThat(inOrder.matches(otherPrice)).isFalse();
    }

    @Test
    void shouldThrowInsteadOfWaitingOnADeadConsumer() throws InterruptedException
    {
        final ConsumerThread consumer = new ConsumerThread("failing-consumer", () ->
        {
            throw new IllegalStateException("query failed");
        }).start();
        while (true)
        {
            try
            {
                consumer.checkRunning();
                Thread.sleep(1);
            }
            catch (final IllegalStateException ex)
            {
                assertThat(ex).hasMessageContaining("failing-consumer ended");
                break;
            }
        }
        assertThatThrownBy(consumer::join).hasRootCauseMessage("query failed");
    }
}
