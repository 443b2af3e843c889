package io.ringflow.examples;

import io.ringflow.operators.OperatorChain;
import io.ringflow.operators.Output;
import io.ringflow.operators.OutputTag;
import io.ringflow.operators.RejectReason;
import io.ringflow.operators.Rejected;
import io.ringflow.operators.aggregate.Aggregates;
import io.ringflow.operators.dedup.DedupOperator;
import io.ringflow.operators.stateless.FilterOperator;
import io.ringflow.operators.time.TimestampsAndWatermarksOperator;
import io.ringflow.operators.time.WatermarkStrategy;
import io.ringflow.operators.window.WindowOperator;
import io.ringflow.operators.window.WindowResult;
import io.ringflow.operators.window.Windows;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Card-velocity fraud rule on the operator core, driven on one thread at a fixed offered rate:
 * <pre>
 *   generator ──► event time (bounded out-of-orderness 500 ms)
 *             ──► dedup by transaction id (TTL 2 min of event time)
 *             ──► per card: sliding window 60 s every 10 s, count + sum of amounts
 *             ──► filter: more than THRESHOLD payments in a window ──► alerts
 *   late records and duplicates go to the rejected side output and are counted by reason.
 * </pre>
 * Latency is measured open-loop: from each record's intended send time at the offered rate to the end
 * of its processing (window firings it triggers included), so falling behind shows up as latency
 * instead of being hidden (coordinated omission accounted for). The run ends after its duration of wall
 * time; records it fell too far behind to send are reported, not silently skipped.
 * <p>
 * This is the stand-in main job until the full fraud detector (issue 8) lands on the ring runtime.
 */
public final class VelocityDemo
{
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
        final AlertSink sink = new AlertSink();
        final TimestampsAndWatermarksOperator<CardTransaction> eventTime = new TimestampsAndWatermarksOperator<>("event-time",
            WatermarkStrategy.<CardTransaction>forBoundedOutOfOrderness(500).withTimestampAssigner(CardTransaction::eventTimeMs));
        final WindowOperator<CardTransaction, WindowResult> velocity = WindowOperator.keyed("velocity", CardTransaction::cardId)
            .window(Windows.sliding(WINDOW_MS, SLIDE_MS))
            .allowedLateness(5_000)
            .expectedKeys(options.cards)
            .aggregate(Aggregates.of(Aggregates.count(), Aggregates.sum(CardTransaction::amountCents)));
        final OperatorChain<CardTransaction, WindowResult> chain = OperatorChain.first(eventTime)
            .then(new DedupOperator<>("dedup", CardTransaction::transactionId, DEDUP_TTL_MS, 1 << 16))
            .then(velocity)
            .then(new FilterOperator<>("over-threshold", r -> r.longValue(0) > options.threshold));
        chain.open(sink);

        // one card pays about once a minute of event time on average; hot cards far more often
        final TransactionGenerator generator = new TransactionGenerator(options.seed, options.cards, 60_000.0 / options.cards);
        final CardTransaction transaction = new CardTransaction();
        final Histogram interval = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        final Histogram total = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        final LiveView view = new LiveView(out, terminal);
        final long periodNs = Math.max(1, 1_000_000_000L / options.ratePerSecond);
        final long startNs = System.nanoTime();
        final long endNs = startNs + TimeUnit.SECONDS.toNanos(options.durationSeconds);
        final long warmupEndNs = startNs + TimeUnit.SECONDS.toNanos(options.warmupSeconds());
        long nextReportNs = startNs + 1_000_000_000L;
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
            generator.next(transaction);
            chain.processRecord(transaction, 0);
            final long latencyNs = System.nanoTime() - intendedNs;
            interval.recordValue(Math.min(latencyNs, interval.getHighestTrackableValue()));
            sent++;
            intendedNs += periodNs;
            if (now >= nextReportNs)
            {
                // an interval counts when it started after the warm-up: the first one reports just after it ends
                final boolean warmingUp = nextReportNs - 1_000_000_000L < warmupEndNs;
                view.show(
                    String.format(Locale.ROOT, "t=%3ds%s records/s %,10d  sent %,12d", (now - startNs) / 1_000_000_000L,
                        warmingUp ? " (warm-up)" : "", sent - sentAtLastReport, sent),
                    latencyLine("latency (from intended send time)", interval),
                    String.format(Locale.ROOT, "watermark lag %,d ms   late %,d   duplicates %,d   alerts %,d",
                        eventTime.maxTimestampSeen() - eventTime.currentWatermark(), sink.rejected(RejectReason.LATE),
                        sink.rejected(RejectReason.DUPLICATE), sink.alerts));
                if (!warmingUp)
                {
                    total.add(interval);
                }
                interval.reset();
                sentAtLastReport = sent;
                nextReportNs += 1_000_000_000L;
            }
        }
        total.add(interval);
        chain.processWatermark(Long.MAX_VALUE);
        final double seconds = (System.nanoTime() - startNs) / 1e9;
        final long offered = options.ratePerSecond * options.durationSeconds;
        final DemoSummary summary = new DemoSummary(sent, offered, seconds, options.warmupSeconds(), total, sink.alerts,
            sink.rejected(RejectReason.LATE), sink.rejected(RejectReason.DUPLICATE), velocity.counters().lateFirings());
        out.println(summary.render());
        chain.close();
        return summary;
    }

    private static String latencyLine(final String label, final Histogram histogram)
    {
        return String.format(Locale.ROOT, "%s  p50 %s  p99 %s  p99.9 %s  max %s", label,
            micros(histogram.getValueAtPercentile(50)), micros(histogram.getValueAtPercentile(99)),
            micros(histogram.getValueAtPercentile(99.9)), micros(histogram.getMaxValue()));
    }

    static String micros(final long nanos)
    {
        return String.format(Locale.ROOT, "%.1f µs", nanos / 1000.0);
    }

    /** Counts alerts and rejected records by reason. */
    private static final class AlertSink implements Output<WindowResult>
    {
        private final long[] rejectedCounts = new long[RejectReason.values().length];
        long alerts;

        @Override
        public void emit(final WindowResult record, final long timestamp)
        {
            alerts++;
        }

        @Override
        public void emitWatermark(final long watermark)
        {
        }

        @Override
        public void emitIdle()
        {
        }

        @Override
        public <S> void emitSide(final OutputTag<S> tag, final S record, final long timestamp)
        {
            if (tag.equals(Rejected.TAG))
            {
                rejectedCounts[((Rejected<?>)record).reason().ordinal()]++;
            }
        }

        long rejected(final RejectReason reason)
        {
            return rejectedCounts[reason.ordinal()];
        }
    }
}
