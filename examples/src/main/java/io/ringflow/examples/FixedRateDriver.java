package io.ringflow.examples;

import io.ringflow.pipeline.PublishResult;
import io.ringflow.pipeline.RecordTranslator;
import io.ringflow.pipeline.metrics.LatencyRecorder;
import io.ringflow.pipeline.runtime.PipelineRuntime;
import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;

/**
 * Publishes into a started pipeline's ingress at a fixed offered rate, open loop, for the ring-runtime
 * demos: each record is written straight into its ring slot by the demo's translator and handed its
 * intended send time as its origin, so the runtime's end-to-end latency counts from when the record was
 * due, back-pressure and falling behind included (coordinated omission accounted for). Once a second it
 * hands the demo that second's latencies; seconds that started in the warm-up are left out of the total.
 * The run ends after its duration of wall time; records it fell too far behind to send are not sent, and
 * the result says how many were.
 * <p>
 * Threading: {@link #run} on the one producing thread; the pipeline's stages run on their own.
 */
public final class FixedRateDriver
{
    private static final long SECOND_NS = TimeUnit.SECONDS.toNanos(1);

    private FixedRateDriver()
    {
    }

    /** What the demo shows once a second. Called on the driving thread. */
    @FunctionalInterface
    public interface Report
    {
        /**
         * @param elapsedSeconds whole seconds since the start.
         * @param warmingUp      whether this second started in the warm-up (left out of the total).
         * @param sentInSecond   records sent in this second.
         * @param sent           records sent so far.
         * @param latency        this second's end-to-end latencies, ns (reused: read it now).
         */
        void second(long elapsedSeconds, boolean warmingUp, long sentInSecond, long sent, Histogram latency);
    }

    /**
     * What a run did.
     *
     * @param sent    records sent.
     * @param seconds wall time from the first send to the drained pipeline.
     * @param latency end-to-end latencies after the warm-up, ns.
     */
    public record Result(long sent, double seconds, Histogram latency)
    {
    }

    /**
     * Drive, then drain the pipeline (the caller closes it).
     *
     * @param pipeline        started, with a single-producer ingress.
     * @param translator      fills a ring slot from {@code argument}.
     * @param argument        what the translator reads (the demo's generator).
     * @param ratePerSecond   records offered per second.
     * @param durationSeconds how long to offer them.
     * @param warmupSeconds   seconds at the start left out of the total.
     * @param report          once a second.
     * @param <T>             record type.
     * @param <A>             the translator's argument type.
     * @return what was sent and measured.
     */
    public static <T, A> Result run(
        final PipelineRuntime<T> pipeline,
        final RecordTranslator<T, A> translator,
        final A argument,
        final long ratePerSecond,
        final long durationSeconds,
        final long warmupSeconds,
        final Report report)
    {
        final LatencyRecorder latency = pipeline.latency().endToEnd();
        final Histogram total = new Histogram(latency.highestTrackableValueNs(), 3);
        Histogram interval = null;
        final long periodNs = Math.max(1, SECOND_NS / ratePerSecond);
        final long startNs = System.nanoTime();
        final long endNs = startNs + TimeUnit.SECONDS.toNanos(durationSeconds);
        final long warmupEndNs = startNs + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long nextReportNs = startNs + SECOND_NS;
        long intendedNs = startNs;
        long sent = 0;
        long sentAtLastReport = 0;
        long now = startNs;
        while (intendedNs < endNs && now < endNs)
        {
            now = System.nanoTime();
            while (now < intendedNs)
            {
                Thread.onSpinWait();
                now = System.nanoTime();
            }
            // latency counts from the intended send time, so time spent back-pressured is latency too
            while (PublishResult.OK != pipeline.ingress().tryPublish(translator, argument, intendedNs))
            {
                Thread.onSpinWait();
            }
            sent++;
            intendedNs += periodNs;
            if (now >= nextReportNs)
            {
                // a second counts when it started after the warm-up: the first one reports just after it ends
                final boolean warmingUp = nextReportNs - SECOND_NS < warmupEndNs;
                interval = latency.intervalHistogram(interval);
                report.second((now - startNs) / SECOND_NS, warmingUp, sent - sentAtLastReport, sent, interval);
                if (!warmingUp)
                {
                    total.add(interval);
                }
                sentAtLastReport = sent;
                nextReportNs += SECOND_NS;
            }
        }
        pipeline.drain();
        total.add(latency.intervalHistogram(interval));
        return new Result(sent, (System.nanoTime() - startNs) / 1e9, total);
    }
}
