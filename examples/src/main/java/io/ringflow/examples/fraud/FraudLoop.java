package io.ringflow.examples.fraud;

import io.ringflow.examples.LiveView;
import io.ringflow.journal.IngestClock;
import io.ringflow.journal.durable.DurablePipeline;
import io.ringflow.pipeline.runtime.PipelineRuntime;
import org.HdrHistogram.Histogram;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The demo's producer: sends generated events at a fixed offered rate, each stamped with its intended
 * send time, and a processing-time tick every {@value #TICK_MS} ms, to the journal or the fast ingress
 * ({@link EventOutlet}), and draws the live view once a
 * second. Runs on the main thread; when it is ahead of schedule it yields, because on a 2-core machine
 * the feeder and the detector need the cores more than a spinning producer does.
 */
final class FraudLoop
{
    /** Journaled processing-time ticks, this often, so that replays see processing time as the run did. */
    static final long TICK_MS = 10;
    private static final long SECOND_NS = TimeUnit.SECONDS.toNanos(1);
    /** When the first checkpoint is asked for, if at least a second of warm-up is left then. */
    private static final long WARM_CHECKPOINT_AT_NS = 2 * SECOND_NS;

    private final FraudOptions options;
    private final FraudGenerator generator;
    private final EventOutlet outlet;
    private final IngestClock clock;
    private final FraudCounters counters;
    private final DurablePipeline<CardEvent, Alert> durable;
    private final AtomicReference<Object> outcome;
    private final LiveView view;
    private final CardEvent event = new CardEvent();
    private Histogram total;
    private Histogram interval;
    private long sent;
    private long startNs;
    private long endedNs;

    FraudLoop(
        final FraudOptions options, final FraudGenerator generator, final EventOutlet outlet, final IngestClock clock,
        final FraudCounters counters, final DurablePipeline<CardEvent, Alert> durable,
        final AtomicReference<Object> outcome, final LiveView view)
    {
        this.options = options;
        this.generator = generator;
        this.outlet = outlet;
        this.clock = clock;
        this.counters = counters;
        this.durable = durable;
        this.outcome = outcome;
        this.view = view;
    }

    /** Journal events until the duration is over or the detector failed. */
    void run()
    {
        final long periodNs = Math.max(1, SECOND_NS / options.ratePerSecond);
        startNs = System.nanoTime();
        final long endNs = startNs + TimeUnit.SECONDS.toNanos(options.durationSeconds);
        final long warmupEndNs = startNs + TimeUnit.SECONDS.toNanos(options.warmupSeconds());
        long intendedNs = startNs;
        long nextTickNs = startNs;
        long nextReportNs = startNs + SECOND_NS;
        long sentAtLastReport = 0;
        long now = startNs;
        while (now < endNs && null == outcome.get())
        {
            now = System.nanoTime();
            if (now < intendedNs)
            {
                outlet.flush();   // caught up: what was sent behind schedule goes to the pipeline as one batch
                Thread.yield();
                continue;
            }
            generator.next(event);
            // the intended send time is the ingest time: time spent behind schedule counts as latency
            if (!outlet.send(event, clock.epochNanosAt(intendedNs)))
            {
                break;   // the pipeline failed: run() has its outcome
            }
            sent++;
            intendedNs += periodNs;
            if (now >= nextTickNs)
            {
                outlet.tick(clock.epochNanosAt(now));
                nextTickNs = now + TimeUnit.MILLISECONDS.toNanos(TICK_MS);
            }
            if (now >= nextReportNs)
            {
                final boolean warmingUp = nextReportNs - SECOND_NS < warmupEndNs;
                if (warmingUp && nextReportNs - startNs == WARM_CHECKPOINT_AT_NS && warmupEndNs - now >= SECOND_NS)
                {
                    // a run's first snapshot runs code not compiled yet and pauses the detector several times
                    // longer than later ones (70-190 ms measured): take it while the figures are warm-up
                    durable.checkpointSoon();
                }
                report(now, warmingUp, sent - sentAtLastReport);
                sentAtLastReport = sent;
                nextReportNs += SECOND_NS;
            }
        }
        outlet.flush();
        endedNs = System.nanoTime();
    }

    private void report(final long now, final boolean warmingUp, final long sentInInterval)
    {
        final PipelineRuntime<CardEvent> runtime = durable.runtime();
        final String head = String.format(Locale.ROOT, "t=%3ds%s  events/s %,9d  journaled %,12d", (now - startNs) / SECOND_NS,
            warmingUp ? " (warm-up)" : "", sentInInterval, generator.generated());
        if (null == runtime)
        {
            view.show(head, "recovering: restoring the newest checkpoint and replaying the journal after it", "");
            return;
        }
        interval = runtime.latency().endToEnd().intervalHistogram(interval);
        if (!warmingUp)
        {
            if (null == total)
            {
                total = new Histogram(runtime.latency().endToEnd().highestTrackableValueNs(), 3);
            }
            total.add(interval);
        }
        final long watermark = runtime.stats().get(0).outputWatermark();
        final long lagMs = Long.MIN_VALUE == watermark ? 0 : Math.max(0, generator.eventClockMs() - watermark);
        view.show(head,
            FraudSummary.latencyLine("latency (" + outlet.path() + ")", interval),
            String.format(Locale.ROOT, "watermark lag %,6d ms  late %,d (geo-jump %,d)  duplicates %,d  dead letters %,d  " +
                "alerts: velocity %,d  geo-jump %,d  amount spike %,d", lagMs, counters.late(), counters.lateForGeoJump(), counters.duplicates(),
                counters.deadLetters(), counters.alerts(Rule.VELOCITY), counters.alerts(Rule.GEO_JUMP),
                counters.alerts(Rule.AMOUNT_SPIKE)));
    }

    /** @return latency after the warm-up, from the live intervals; empty if none was recorded. */
    Histogram latency()
    {
        return null == total ? new Histogram(3) : total;
    }

    /** @return events journaled by this run. */
    long sent()
    {
        return sent;
    }

    /** @return how long the producer ran. */
    double seconds()
    {
        return (endedNs - startNs) / 1e9;
    }
}
