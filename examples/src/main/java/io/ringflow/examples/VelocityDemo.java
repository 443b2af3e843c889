package io.ringflow.examples;

import io.ringflow.operators.RejectReason;
import io.ringflow.operators.Rejected;
import io.ringflow.operators.aggregate.Aggregates;
import io.ringflow.operators.time.WatermarkStrategy;
import io.ringflow.operators.window.FiringKind;
import io.ringflow.operators.window.WindowResult;
import io.ringflow.operators.window.Windows;
import io.ringflow.pipeline.Pipeline;
import io.ringflow.pipeline.ProducerMode;
import io.ringflow.pipeline.RecordTranslator;
import io.ringflow.pipeline.RecordType;
import io.ringflow.pipeline.Sink;
import io.ringflow.pipeline.Source;
import io.ringflow.pipeline.runtime.PipelineRuntime;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Card-velocity fraud rule on the ring runtime: this thread publishes payments at a fixed offered rate,
 * one busy-spinning stage runs the whole chain, fused:
 * <pre>
 *   generator ──► event time (bounded out-of-orderness 500 ms)
 *             ──► dedup by transaction id (TTL 2 min of event time)
 *             ──► per card: sliding window 60 s every 10 s, count + sum of amounts
 *             ──► filter: more than THRESHOLD payments in a window ──► alerts
 *   late records and duplicates go to the rejected side output and are counted by reason.
 * </pre>
 * Latency is measured open-loop by the runtime: from each record's intended send time at the offered
 * rate (handed to the ingress as its origin time) to the end of its processing in the stage, window
 * firings it triggers included, so falling behind shows up as latency instead of being hidden
 * (coordinated omission accounted for): {@link FixedRateDriver}. The run ends after its duration of
 * wall time; records it fell too far behind to send are reported, not silently skipped.
 */
public final class VelocityDemo
{
    private static final RecordType<CardTransaction> PAYMENT =
        RecordType.of("CardTransaction", CardTransaction::new, (from, to) -> to.copyFrom(from));
    /** The generator writes the next payment straight into the ring slot: nothing is copied or allocated. */
    private static final RecordTranslator<CardTransaction, TransactionGenerator> GENERATE =
        (slot, generator) -> generator.next(slot);

    private static final long WINDOW_MS = 60_000;
    private static final long SLIDE_MS = 10_000;
    /** Payment retries arrive within seconds; two minutes of event time covers them with margin. */
    private static final long DEDUP_TTL_MS = 120_000;

    private VelocityDemo()
    {
    }

    /**
     * @param args see {@link DemoOptions#usage()}.
     */
    public static void main(final String[] args)
    {
        try
        {
            run(DemoOptions.parse(args), System.out, LiveView.isTerminal());
        }
        catch (final DemoOptions.UsageException ex)
        {
            System.err.println(ex.getMessage());
            System.exit(2);
        }
    }

    /**
     * @param options  what to run.
     * @param out      where the live view and summary go.
     * @param terminal redraw in place rather than line by line.
     * @return the summary figures.
     */
    static DemoSummary run(final DemoOptions options, final PrintStream out, final boolean terminal)
    {
        final AlertSink alerts = new AlertSink();
        final RejectionCounter late = new RejectionCounter();
        final RejectionCounter duplicates = new RejectionCounter();
        final PipelineRuntime<CardTransaction> pipeline = Pipeline
            .from(Source.of("card-payments", PAYMENT).producerMode(ProducerMode.SINGLE).ringSize(1 << 16))
            .assignTimestamps("event-time", WatermarkStrategy.<CardTransaction>forBoundedOutOfOrderness(500)
                .withTimestampAssigner(CardTransaction::eventTimeMs))
            .keyBy(CardTransaction::transactionId).dedup("dedup", DEDUP_TTL_MS)
            .keyBy(CardTransaction::cardId)
            .window(Windows.sliding(WINDOW_MS, SLIDE_MS)).allowedLateness(5_000).expectedKeys(options.cards).panes()
            .aggregate("velocity", Aggregates.of(Aggregates.count(), Aggregates.sum(CardTransaction::amountCents)))
            .filter("over-threshold", result -> result.longValue(0) > options.threshold)
            .rejected(RejectReason.LATE, late)
            .rejected(RejectReason.DUPLICATE, duplicates)
            .waitStrategy(options.waitStrategy)  // busy-spin by default: it and the producer own the two cores
            .to(alerts)
            .build()
            .start();

        // one card pays about once a minute of event time on average; hot cards far more often
        final TransactionGenerator generator = new TransactionGenerator(options.seed, options.cards, 60_000.0 / options.cards);
        final LiveView view = new LiveView(out, terminal);
        final FixedRateDriver.Result result = FixedRateDriver.run(pipeline, GENERATE, generator, options.ratePerSecond,
            options.durationSeconds, options.warmupSeconds(), (second, warmingUp, sentInSecond, sent, latency) -> view.show(
                String.format(Locale.ROOT, "t=%3ds%s records/s %,10d  sent %,12d", second,
                    warmingUp ? " (warm-up)" : "", sentInSecond, sent),
                Latencies.line("latency (intended send to processed)", latency),
                String.format(Locale.ROOT, "watermark lag %,d ms   late %,d   duplicates %,d   alerts %,d",
                    watermarkLagMs(generator, pipeline), late.count, duplicates.count, alerts.count)));
        final long offered = options.ratePerSecond * options.durationSeconds;
        final DemoSummary summary = new DemoSummary(result.sent(), offered, result.seconds(), options.warmupSeconds(),
            result.latency(), alerts.count, late.count, duplicates.count, alerts.lateCount);
        out.println(summary.render());
        pipeline.close();
        return summary;
    }

    private static long watermarkLagMs(final TransactionGenerator generator, final PipelineRuntime<?> pipeline)
    {
        final long watermark = pipeline.stats().get(0).watermark();
        return Long.MIN_VALUE == watermark ? 0 : Math.max(0, generator.eventClockMs() - watermark);
    }

    /** Counts alerts, and those from windows re-fired by late records. Called on the stage thread. */
    private static final class AlertSink implements Sink<WindowResult>
    {
        long count;
        long lateCount;

        @Override
        public void onRecord(final WindowResult record, final long timestamp)
        {
            count++;
            if (FiringKind.LATE == record.kind())
            {
                lateCount++;
            }
        }
    }

    /** Counts rejected records of one reason. Called on the stage thread; read racily for the live view. */
    private static final class RejectionCounter implements Sink<Rejected<?>>
    {
        long count;

        @Override
        public void onRecord(final Rejected<?> record, final long timestamp)
        {
            count++;
        }
    }
}
