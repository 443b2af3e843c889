package io.ringflow.examples;

import io.ringflow.operators.aggregate.Aggregates;
import io.ringflow.operators.time.WatermarkStrategy;
import io.ringflow.operators.window.Windows;
import io.ringflow.pipeline.Pipeline;
import io.ringflow.pipeline.RecordTranslator;
import io.ringflow.pipeline.RecordType;
import io.ringflow.pipeline.Source;
import io.ringflow.pipeline.WaitStrategy;
import io.ringflow.pipeline.runtime.PipelineRuntime;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/**
 * The README's pipeline quick start: the same trade volumes as {@link QuickStart}, on two stage threads
 * fed through Disruptor rings. A test keeps the README's copy of the code between the markers equal to
 * this one.
 */
public final class PipelineQuickStart
{
    private PipelineQuickStart()
    {
    }

    /**
     * @param args none.
     */
    public static void main(final String[] args)
    {
        run(System.out);
    }

    static void run(final PrintStream out)
    {
        // pipeline:start
        RecordType<Trade> tradeType = RecordType.of("Trade", Trade::new,
            (from, to) -> to.set(from.symbolId, from.quantity, from.priceTicks, from.timeMs));
        RecordTranslator<Trade, long[]> fromArray = (slot, t) -> slot.set(t[0], t[1], t[2], t[3]);

        PipelineRuntime<Trade> pipeline = Pipeline.from(Source.of("trades", tradeType))   // multi-producer ingress
            .assignTimestamps("event-time",
                WatermarkStrategy.<Trade>forBoundedOutOfOrderness(100).withTimestampAssigner(Trade::timeMs))
            .filter("no-odd-lots", trade -> trade.quantity % 100 == 0)
            .waitStrategy(WaitStrategy.SLEEPING)                              // stage 1: this thread idles cheaply
            .stage("volume")                                                  // stage 2: its own thread and ring
            .keyBy(Trade::symbolId)
            .window(Windows.tumbling(1_000))
            .aggregate("volume", Aggregates.of(Aggregates.count(), Aggregates.sum(Trade::quantity)))
            .to((r, timestamp) -> out.printf("symbol %d [%d, %d) %s: %d trades, %d shares%n",
                r.key(), r.start(), r.end(), r.kind(), r.longValue(0), r.longValue(1)))
            .build()
            .start();

        long[][] trades = {{7, 100, 1_001, 250}, {7, 300, 1_002, 900}, {7, 42, 1_002, 950},
                           {9, 200, 2_000, 1_050}, {9, 100, 2_001, 1_300}};
        for (long[] trade : trades)
        {
            pipeline.ingress().publish(fromArray, trade, 1, TimeUnit.SECONDS);  // OK, BACK_PRESSURED or CLOSED
        }
        pipeline.drain();                                                     // end of input fires what is left
        pipeline.close();
        // pipeline:end
    }
}
