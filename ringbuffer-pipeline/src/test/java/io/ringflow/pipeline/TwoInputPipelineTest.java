package io.ringflow.pipeline;

import io.ringflow.operators.Output;
import io.ringflow.operators.Sides;
import io.ringflow.operators.TwoInputOperator;
import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import io.ringflow.operators.time.WatermarkStrategy;
import io.ringflow.pipeline.runtime.PipelineRuntime;
import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two inputs through the runtime: trades and quotes travel as one union stream, each side stamped by its
 * own strategy, and a two-input operator sees them in ingress order with the combined watermark; a quiet
 * side stops holding event time back once idle.
 */
class TwoInputPipelineTest
{
    /** A trade (left) or a quote (right), reused in ring slots. */
    static final class Market
    {
        static final RecordType<Market> TYPE = RecordType.of("Market", Market::new, (from, to) -> to.set(from));
        static final RecordTranslator<Market, long[]> FROM = (slot, m) -> slot.set(m[0] == 1, m[1], m[2], m[3]);

        boolean trade;
        long symbol;
        long timeMs;
        long price;

        Market set(final boolean trade, final long symbol, final long timeMs, final long price)
        {
            this.trade = trade;
            this.symbol = symbol;
            this.timeMs = timeMs;
            this.price = price;
            return this;
        }

        Market set(final Market other)
        {
            return set(other.trade, other.symbol, other.timeMs, other.price);
        }
    }

    /** One line of output. */
    static final class Line
    {
        static final RecordType<Line> TYPE = RecordType.of("Line", Line::new, (from, to) -> to.text = from.text);
        String text = "";
    }

    static final Sides<Market, Market, Market> SIDES = new Sides<>()
    {
        @Override
        public boolean isLeft(final Market union)
        {
            return union.trade;
        }

        @Override
        public Market left(final Market union)
        {
            return union;
        }

        @Override
        public Market right(final Market union)
        {
            return union;
        }
    };

    private static Stream<Market, Line> plan(final Stream<Market, Market> source)
    {
        return source
            .assignTimestamps("event-time", SIDES,
                WatermarkStrategy.<Market>forBoundedOutOfOrderness(0).withTimestampAssigner(m -> m.timeMs),
                WatermarkStrategy.<Market>forBoundedOutOfOrderness(0).withTimestampAssigner(m -> m.timeMs).withIdleness(50))
            .stage("enrich")
            .connect("last-quote", SIDES, LastQuote::new, Line.TYPE);
    }

    @Test
    void shouldSeeBothSidesInIngressOrderWithTheCombinedWatermarkOnThreadsAndStepped()
    {
        // {1 = trade | 0 = quote, symbol, time, price}; each side's watermark is its time - 1
        final long[][] input = {{0, 1, 10, 100}, {1, 1, 12, 0}, {0, 2, 13, 200}, {1, 2, 15, 0}, {0, 1, 20, 101}, {1, 1, 30, 0}};
        for (final boolean stepped : new boolean[]{true, false})
        {
            final List<String> lines = new ArrayList<>();
            final Pipeline<Market> pipeline = plan(Pipeline.from(Source.of("market", Market.TYPE)))
                .to((line, timestamp) -> lines.add(line.text));
            if (stepped)
            {
                pipeline.stepped(new CachedEpochClock());
            }
            final PipelineRuntime<Market> runtime = pipeline.build().start();
            for (final long[] m : input)
            {
                assertThat(runtime.ingress().publish(Market.FROM, m, 5, TimeUnit.SECONDS)).isEqualTo(PublishResult.OK);
            }
            runtime.drain();
            runtime.close();
            assertThat(lines).as("stepped=%s", stepped).containsExactly(
                "trade 1@12 with quote 100",
                "watermark 9",
                "watermark 11",
                "trade 2@15 with quote 200",
                "watermark 12",
                "watermark 14",
                "trade 1@30 with quote 101",
                "watermark 19",
                "watermark " + Long.MAX_VALUE);
        }
    }

    @Test
    void shouldLetTradesDriveEventTimeOnceQuotesAreIdle()
    {
        final List<String> lines = new ArrayList<>();
        final CachedEpochClock clock = new CachedEpochClock();
        final PipelineRuntime<Market> runtime = plan(Pipeline.from(Source.of("market", Market.TYPE)))
            .to((line, timestamp) -> lines.add(line.text))
            .stepped(clock)
            .build().start();
        runtime.ingress().publish(Market.FROM, new long[]{0, 1, 10, 100}, 1, TimeUnit.SECONDS);
        runtime.ingress().publish(Market.FROM, new long[]{1, 1, 12, 0}, 1, TimeUnit.SECONDS);
        runtime.ingress().publish(Market.FROM, new long[]{1, 1, 500, 0}, 1, TimeUnit.SECONDS);
        runtime.stepUntilIdle();
        assertThat(watermarks(lines)).last().isEqualTo("watermark 9");

        clock.update(1);
        runtime.stepUntilIdle();
        clock.update(100);
        runtime.stepUntilIdle();
        assertThat(watermarks(lines)).as("quotes idle: trades alone").last().isEqualTo("watermark 499");
        runtime.drain();
        runtime.close();
    }

    private static List<String> watermarks(final List<String> lines)
    {
        return lines.stream().filter(line -> line.startsWith("watermark")).toList();
    }

    @Test
    void shouldRefuseAJoinWithoutEventTime()
    {
        assertThatThrownBy(() -> Pipeline.from(Source.of("market", Market.TYPE))
            .connect("last-quote", SIDES, LastQuote::new, Line.TYPE)
            .to((line, timestamp) -> { })
            .build())
            .isInstanceOf(PipelineException.class)
            .hasMessageContaining("two-input operator 'last-quote'").hasMessageContaining("needs event time");
    }

    /** Enriches each trade with the symbol's last quote; writes a line per watermark too. */
    static final class LastQuote implements TwoInputOperator<Market, Market, Line>
    {
        private final Map<Long, Long> quotes = new HashMap<>();
        private final Line line = new Line();
        private Output<Line> output;

        @Override
        public void open(final Output<Line> output)
        {
            this.output = output;
        }

        @Override
        public void processLeft(final Market trade, final long timestamp)
        {
            line.text = "trade " + trade.symbol + "@" + timestamp + " with quote " + quotes.get(trade.symbol);
            output.emit(line, timestamp);
        }

        @Override
        public void processRight(final Market quote, final long timestamp)
        {
            quotes.put(quote.symbol, quote.price);
        }

        @Override
        public void processWatermark(final long watermark)
        {
            line.text = "watermark " + watermark;
            output.emit(line, watermark);
            output.emitWatermark(watermark);
        }

        @Override
        public void processIdle()
        {
            output.emitIdle();
        }

        @Override
        public String snapshotType()
        {
            return "last-quote";
        }

        @Override
        public int snapshotVersion()
        {
            return 1;
        }

        @Override
        public void snapshotState(final SnapshotWriter out)
        {
        }

        @Override
        public void restoreState(final SnapshotReader in, final int version)
        {
        }
    }
}
