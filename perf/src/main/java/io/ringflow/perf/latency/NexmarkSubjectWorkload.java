package io.ringflow.perf.latency;

import io.ringflow.perf.nexmark.NexmarkBenchmark;
import io.ringflow.perf.nexmark.NexmarkStream;
import io.ringflow.perf.nexmark.pipeline.QueryPlan;
import io.ringflow.perf.nexmark.pipeline.ReferenceRun;
import io.ringflow.perf.nexmark.pipeline.ResultFingerprint;
import io.ringflow.perf.nexmark.pipeline.WatermarkedQuery;

import java.util.Locale;

/**
 * What the Nexmark subjects share: the query, the generated events (those of {@code NexmarkBenchmark} and
 * {@code NexmarkPipelineBenchmark}, one per offered record), the fingerprint the consumer fills, and the check at
 * {@code stop()}: every accepted record delivered once with its payload, and the query's results equal to a
 * single-thread reference run over the same events.
 * <p>
 * Threading: {@link #fill} and {@link #accepted} on the harness's producer thread; {@link #results} filled on
 * the consumer thread; {@link #verify} on the harness's main thread after the consumer is joined.
 *
 * @param <R> the query's result type.
 */
final class NexmarkSubjectWorkload<R>
{
    final QueryPlan<R> plan;
    final ResultFingerprint<R> results;
    private final NexmarkStream events = QueryPlan.newEvents();
    private final ReferenceRun<R> reference;
    private long offered;
    private long offeredSum;

    NexmarkSubjectWorkload(final QueryPlan<R> plan)
    {
        this.plan = plan;
        this.results = plan.newFingerprint();
        this.reference = plan.reference();
    }

    static NexmarkSubjectWorkload<?> of(final NexmarkBenchmark.Query query)
    {
        return new NexmarkSubjectWorkload<>(QueryPlan.of(query));
    }

    /** @return the hand-written query with its watermarks, results into {@link #results}; for one consumer thread. */
    WatermarkedQuery newHandwrittenQuery()
    {
        return new WatermarkedQuery(plan.handwritten(results));
    }

    /** @return a name for messages: the engine's, then the query's, as {@code disruptor-q1}. */
    String name(final String engine)
    {
        return engine + "-" + plan.query().name().toLowerCase(Locale.ROOT);
    }

    /**
     * Fill a slot with the next event; call once per accepted record (a slot filled for a refused offer keeps
     * its event for the retry).
     *
     * @param slot           the slot.
     * @param intendedSendNs the harness's intended send time.
     * @param payload        the harness's payload.
     */
    void fill(final TimedNexmarkEvent slot, final long intendedSendNs, final long payload)
    {
        events.next(slot.event);
        slot.intendedSendNs = intendedSendNs;
        slot.payload = payload;
    }

    /** @param payload the payload of a record the subject accepted. */
    void accepted(final long payload)
    {
        offered++;
        offeredSum += payload;
    }

    /**
     * @param subject      name for the message.
     * @param delivered    records the consumer delivered.
     * @param deliveredSum their payloads' sum.
     */
    void verify(final String subject, final long delivered, final long deliveredSum)
    {
        Subjects.verify(subject, offered, offeredSum, delivered, deliveredSum);
        final ResultFingerprint<R> expected = reference.run(offered);
        if (!results.matches(expected))
        {
            throw new IllegalStateException(subject + ": " + plan.query() + " gave " + results + " over " + offered +
                " events, the single-thread reference " + expected);
        }
    }
}
