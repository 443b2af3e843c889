package io.ringflow.examples;

import io.ringflow.operators.OperatorChain;
import io.ringflow.operators.Output;
import io.ringflow.operators.OutputTag;
import io.ringflow.operators.aggregate.Aggregates;
import io.ringflow.operators.time.TimestampsAndWatermarksOperator;
import io.ringflow.operators.time.WatermarkStrategy;
import io.ringflow.operators.window.WindowOperator;
import io.ringflow.operators.window.WindowResult;
import io.ringflow.operators.window.Windows;

import java.io.PrintStream;

/**
 * The README's quick start: per-symbol volume and VWAP numerator in one-second tumbling windows,
 * driven by hand on the caller's thread. The code between the markers is copied verbatim into
 * README.md, and {@code ReadmeQuickStartTest} fails if the two drift apart.
 */
public final class QuickStart
{
    private QuickStart()
    {
    }

    /**
     * @param args unused.
     */
    public static void main(final String[] args)
    {
        run(System.out);
    }

    static void run(final PrintStream out)
    {
        // quickstart:start
        WindowOperator<Trade, WindowResult> volume = WindowOperator.keyed("volume", Trade::symbolId)
            .window(Windows.tumbling(1_000))                                   // [0, 1000), [1000, 2000), ...
            .allowedLateness(500)                                             // late records re-fire the window
            .aggregate(Aggregates.of(Aggregates.count(), Aggregates.sum(Trade::quantity)));

        OperatorChain<Trade, WindowResult> chain = OperatorChain
            .first(new TimestampsAndWatermarksOperator<>("event-time",
                WatermarkStrategy.<Trade>forBoundedOutOfOrderness(100).withTimestampAssigner(Trade::timeMs)))
            .then(volume);
        chain.open(new PrintingOutput(out));                                  // prints each WindowResult

        Trade trade = new Trade();                                            // one reused record, no allocation
        chain.processRecord(trade.set(7, 100, 1_001, 250), 0);
        chain.processRecord(trade.set(7, 300, 1_002, 900), 0);
        chain.processRecord(trade.set(9, 50, 2_000, 1_050), 0);              // watermark 949: nothing fires yet
        chain.processRecord(trade.set(9, 10, 2_001, 1_300), 0);              // watermark 1199: [0, 1000) fires
        chain.processRecord(trade.set(7, 25, 1_003, 990), 0);                // late, within lateness: fires again
        chain.processWatermark(Long.MAX_VALUE);                               // end of input flushes the rest
        chain.close();
        // quickstart:end
    }

    /** Prints main output and side outputs; a real application would publish them. */
    static final class PrintingOutput implements Output<WindowResult>
    {
        private final PrintStream out;

        PrintingOutput(final PrintStream out)
        {
            this.out = out;
        }

        @Override
        public void emit(final WindowResult r, final long timestamp)
        {
            out.printf("symbol %d [%d, %d) %s: %d trades, %d shares%n", r.key(), r.start(), r.end(), r.kind(),
                r.longValue(0), r.longValue(1));
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
            out.println("side output " + tag.name() + ": " + record);
        }
    }
}
