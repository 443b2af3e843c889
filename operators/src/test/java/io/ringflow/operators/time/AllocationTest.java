package io.ringflow.operators.time;

import io.ringflow.operators.Output;
import io.ringflow.operators.OutputTag;
import io.ringflow.operators.Timestamps;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The per-record paths allocate nothing: measured with the JVM's per-thread allocation counter over
 * many records, so one allocation per record (16 bytes or more) would show as megabytes.
 */
class AllocationTest
{
    private static final int RECORDS = 100_000;

    record Trade(long timeMs)
    {
    }

    @Test
    void shouldNotAllocatePerRecordWhenStampingAndCombining()
    {
        final com.sun.management.ThreadMXBean threads = threadBean();
        final Trade[] trades = new Trade[RECORDS];
        for (int i = 0; i < RECORDS; i++)
        {
            trades[i] = new Trade(i % 7 == 0 ? Long.MIN_VALUE : i - (i % 13));
        }
        final TimestampsAndWatermarksOperator<Trade> operator = new TimestampsAndWatermarksOperator<>("stamp",
            WatermarkStrategy.<Trade>forBoundedOutOfOrderness(5).withTimestampAssigner(Trade::timeMs).withIdleness(3));
        final WatermarkCombiner combiner = new WatermarkCombiner(4);
        final Sink sink = new Sink(combiner);
        operator.open(sink);
        run(operator, trades, combiner);

        final long before = threads.getCurrentThreadAllocatedBytes();
        run(operator, trades, combiner);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(sink.records).isPositive();
        assertThat(allocated).as("bytes allocated for %d records", RECORDS).isLessThan(RECORDS / 10);
    }

    private static void run(
        final TimestampsAndWatermarksOperator<Trade> operator, final Trade[] trades, final WatermarkCombiner combiner)
    {
        for (int i = 0; i < trades.length; i++)
        {
            operator.processRecord(trades[i], Timestamps.NO_TIMESTAMP);
            if ((i & 15) == 0)
            {
                operator.onProcessingTime(i);
                combiner.markIdle(i & 3);
                combiner.markActive(i & 3);
            }
        }
    }

    static com.sun.management.ThreadMXBean threadBean()
    {
        final java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "per-thread allocation counter unavailable");
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        return threads;
    }

    private static final class Sink implements Output<Trade>
    {
        private final WatermarkCombiner combiner;
        long records;
        int nextInput;

        Sink(final WatermarkCombiner combiner)
        {
            this.combiner = combiner;
        }

        @Override
        public void emit(final Trade record, final long timestamp)
        {
            records++;
        }

        @Override
        public void emitWatermark(final long watermark)
        {
            combiner.onWatermark(nextInput++ & 3, watermark);
        }

        @Override
        public void emitIdle()
        {
        }

        @Override
        public <S> void emitSide(final OutputTag<S> tag, final S record, final long timestamp)
        {
        }
    }
}
