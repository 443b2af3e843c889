package io.ringflow.examples.fraud;

import io.ringflow.pipeline.Pipeline;
import io.ringflow.pipeline.ProducerMode;
import io.ringflow.pipeline.PublishResult;
import io.ringflow.pipeline.RecordTranslator;
import io.ringflow.pipeline.SequencedIngress;
import io.ringflow.pipeline.SequencedSink;
import io.ringflow.pipeline.Source;
import io.ringflow.pipeline.WaitStrategy;
import io.ringflow.pipeline.runtime.PipelineRuntime;
import org.agrona.concurrent.CachedEpochClock;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped {@link FraudDetector} plan, stepped on the test thread and fed like the durable runner
 * feeds it (a sequenced source: records and end-of-stream in-band, one sequence).
 * Keeps every alert as a line of text: {@code RULE card=C t=T value=V ref=R}.
 */
final class FraudHarness implements SequencedSink<Alert>
{
    /** 2023-11-14T22:13:20Z: a multiple of the velocity slide (10 s), so windows start at T0 + k × 10 s. */
    static final long T0 = 1_700_000_000_000L;
    static final int HOME = 276;
    static final int ABROAD = 250;
    static final int ELSEWHERE = 380;

    private static final RecordTranslator<CardEvent, CardEvent> COPY = (slot, event) -> slot.copyFrom(event);

    final FraudCounters counters = new FraudCounters();
    final List<String> alerts = new ArrayList<>();
    private final PipelineRuntime<CardEvent> runtime;
    private final SequencedIngress<CardEvent> ingress;
    private long sequence;
    private boolean ended;

    FraudHarness()
    {
        final Pipeline<CardEvent> plan = new FraudDetector(counters, WaitStrategy.YIELDING, 64)
            .plan(Source.of(FraudDetector.ID, CardEvent.TYPE).producerMode(ProducerMode.SEQUENCED), this);
        plan.stepped(new CachedEpochClock()).latencyTracking(false);
        runtime = plan.build();
        runtime.start();
        ingress = runtime.sequencedIngress();
    }

    @Override
    public void onRecord(final Alert alert, final long timestamp, final long inputSequence, final int ordinal)
    {
        assertThat(timestamp).as("the alert's record timestamp is its event time").isEqualTo(alert.timestampMs());
        alerts.add(line(alert.rule(), alert.cardId(), alert.timestampMs(), alert.value(), alert.reference()));
    }

    static String line(final Rule rule, final long card, final long timestampMs, final long value, final long reference)
    {
        return rule + " card=" + card + " t=" + timestampMs + " value=" + value + " ref=" + reference;
    }

    static String velocity(final long card, final long windowEnd, final long payments)
    {
        return line(Rule.VELOCITY, card, windowEnd - 1, payments, windowEnd);
    }

    static String geoJump(final long card, final long abroadTimeMs, final long abroadId, final long homeId)
    {
        return line(Rule.GEO_JUMP, card, abroadTimeMs, abroadId, homeId);
    }

    static String spike(final long card, final long timeMs, final long amount, final long average)
    {
        return line(Rule.AMOUNT_SPIKE, card, timeMs, amount, average);
    }

    static CardEvent payment(final long id, final long card, final int country, final long cents, final long timeMs)
    {
        return new CardEvent().set(CardEvent.PAYMENT, id, card, 7, country, cents, timeMs);
    }

    static CardEvent profile(final long id, final long card, final int home, final long timeMs)
    {
        return new CardEvent().set(CardEvent.PROFILE_UPSERT, id, card, 0, home, 0, timeMs);
    }

    static CardEvent closure(final long id, final long card, final long timeMs)
    {
        return new CardEvent().set(CardEvent.PROFILE_DELETE, id, card, 0, 0, 0, timeMs);
    }

    /** Publish one event and process everything it causes. */
    FraudHarness send(final CardEvent event)
    {
        assertThat(ingress.publish(COPY, event, ++sequence, System.nanoTime())).isEqualTo(PublishResult.OK);
        runtime.stepUntilIdle();
        return this;
    }

    /** Publish events in event-time order (stable: equal times keep the given order). */
    FraudHarness sendInTimeOrder(final List<CardEvent> events)
    {
        final List<CardEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong(CardEvent::eventTimeMs));
        sorted.forEach(this::send);
        return this;
    }

    /** End of input: every window fires and every pattern run is evaluated; then the runtime is closed. */
    FraudHarness end()
    {
        if (!ended)
        {
            ended = true;
            assertThat(ingress.endOfStream(++sequence)).isEqualTo(PublishResult.OK);
            runtime.drain();
            runtime.close();
        }
        return this;
    }

    List<String> alerts(final Rule rule)
    {
        return alerts.stream().filter(line -> line.startsWith(rule.name() + " ")).toList();
    }
}
