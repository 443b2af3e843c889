package io.ringflow.examples.market;

import io.ringflow.examples.DemoOptions;
import io.ringflow.examples.FixedRateDriver;
import io.ringflow.examples.Latencies;
import io.ringflow.examples.LiveView;
import io.ringflow.operators.RejectReason;
import io.ringflow.pipeline.Pipeline;
import io.ringflow.pipeline.ProducerMode;
import io.ringflow.pipeline.RecordTranslator;
import io.ringflow.pipeline.Source;
import io.ringflow.pipeline.runtime.PipelineRuntime;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Market-data analytics on the ring runtime ({@code ./ringflow demo market}): this thread publishes the
 * {@link MarketGenerator}'s trades and quotes at a fixed offered rate, and one busy-spinning stage runs
 * the whole {@link MarketPipeline} fused: the quote join, then 1 s OHLC/VWAP bars, the spread monitor and
 * the move detector side by side, into one sink that counts what they emit.
 * <p>
 * Latency is measured open-loop by the runtime: from each record's intended send time at the offered rate
 * (handed to the ingress as its origin time) to the end of its processing in the stage, the bars its
 * watermark fires included, so falling behind shows up as latency instead of being hidden (coordinated
 * omission accounted for, {@link FixedRateDriver}). The run ends after its duration of wall time; records it fell too far behind
 * to send are reported, not silently skipped.
 * <p>
 * Threading: {@link #run} drives from the calling thread; the pipeline has one stage thread of its own.
 */
public final class MarketDemo
{
    /** The generator writes the next event straight into the ring slot: nothing is copied or allocated. */
    private static final RecordTranslator<MarketEvent, MarketGenerator> GENERATE = (slot, generator) -> generator.next(slot);

    private MarketDemo()
    {
    }

    /**
     * @param args see {@link MarketOptions#usage()}.
     */
    public static void main(final String[] args)
    {
        try
        {
            run(MarketOptions.parse(args), System.out, LiveView.isTerminal());
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
    static MarketSummary run(final MarketOptions options, final PrintStream out, final boolean terminal)
    {
        final MarketCounts counts = new MarketCounts();
        final PipelineRuntime<MarketEvent> pipeline = MarketPipeline
            .analytics(Pipeline.from(Source.of("market-data", MarketEvent.TYPE).producerMode(ProducerMode.SINGLE).ringSize(1 << 16)),
                options.instruments, MarketRules.defaults())
            .rejected(RejectReason.LATE, counts.late)
            .waitStrategy(options.waitStrategy)  // busy-spin by default: it and the producer own the two cores
            .to(counts)
            .build()
            .start();

        final MarketGenerator generator = new MarketGenerator(options.seed, options.instruments);
        final LiveView view = new LiveView(out, terminal);
        out.println(String.format(Locale.ROOT, "market demo: %,d instruments, %,d events/s offered for %d s; %s",
            options.instruments, options.ratePerSecond, options.durationSeconds, MarketRules.defaults()));
        final FixedRateDriver.Result result = FixedRateDriver.run(pipeline, GENERATE, generator, options.ratePerSecond,
            options.durationSeconds, options.warmupSeconds(), (second, warmingUp, sentInSecond, sent, latency) -> view.show(
                String.format(Locale.ROOT, "t=%3ds%s records/s %,10d  sent %,12d", second,
                    warmingUp ? " (warm-up)" : "", sentInSecond, sent),
                Latencies.line("latency (intended send to processed)", latency),
                String.format(Locale.ROOT, "watermark lag %.1f ms   bars %,d   spread flags %,d   move alerts %,d   late %,d",
                    watermarkLagUs(generator, pipeline) / 1000.0, counts.bars, counts.spreadFlags, counts.moves,
                    counts.lateRecords),
                lastMove(counts)));
        final long offered = options.ratePerSecond * options.durationSeconds;
        final MarketSummary summary = new MarketSummary(result.sent(), offered, result.seconds(), options.warmupSeconds(),
            result.latency(), counts);
        out.println(summary.render());
        pipeline.close();
        return summary;
    }

    private static long watermarkLagUs(final MarketGenerator generator, final PipelineRuntime<?> pipeline)
    {
        // the output watermark: a first stage has no input watermark, its event time starts in its own operators
        final long watermark = pipeline.stats().get(0).outputWatermark();
        return Long.MIN_VALUE == watermark ? 0 : Math.max(0, generator.eventClockUs() - watermark);
    }

    private static String lastMove(final MarketCounts counts)
    {
        final long instrument = counts.lastMoveInstrument;
        return instrument < 0 ? "last move alert: none yet" : String.format(Locale.ROOT,
            "last move alert: instrument %d %+d bp in %.1f ms of event time", instrument, counts.lastMoveBp,
            counts.lastMoveUs / 1000.0);
    }
}
