package io.ringflow.operators.table;

import io.ringflow.operators.Output;
import io.ringflow.operators.OutputTag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A temporal join in steady state — records held and released at every watermark, changelog updates
 * evicting and pruning versions, misses rejected — allocates nothing per record.
 */
class TableJoinAllocationTest
{
    private static final int RECORDS = 200_000;
    private static final int KEYS = 1_000;

    /** A mutable output, filled in place. */
    static final class Enriched
    {
        long id;
        long rate;
    }

    @Test
    void shouldNotAllocatePerRecord()
    {
        final java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "per-thread allocation counter unavailable");
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());

        final TableJoinOperator<Order, Rate, Enriched> operator = TableJoinOperator.builder("alloc", Order::key, Rate.READER)
            .temporal(2, 0).streamCodec(Order.CODEC).expectedKeys(KEYS).expectedHeld(4096)
            .build(Rate.DECODER, (order, rate, out) ->
            {
                out.id = order.id;
                out.rate = rate.value();
                return out;
            }, Enriched::new);
        final Counting sink = new Counting();
        operator.open(sink);
        final Order order = new Order();
        final Rate rate = new Rate();
        run(operator, order, rate, 0);

        final long before = threads.getCurrentThreadAllocatedBytes();
        run(operator, order, rate, RECORDS);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        operator.close();

        assertThat(sink.main).isPositive();
        assertThat(sink.side).as("some keys have no version yet").isPositive();
        assertThat(operator.evictedVersions()).isPositive();
        assertThat(allocated).as("bytes allocated for %d records", RECORDS).isLessThan(RECORDS / 10);
    }

    /**
     * 10 records per tick, watermark {@code tick - 3} each tick; a changelog record per 4 stream records, on
     * 16 hot keys (so that versions are evicted) and some keys the stream never asks for, deletes among them.
     */
    private static void run(final TableJoinOperator<Order, Rate, Enriched> operator, final Order order, final Rate rate, final int from)
    {
        for (int i = from; i < from + RECORDS; i++)
        {
            final long tick = i / 10;
            final long key = (i * 7919L) % KEYS;
            if ((i & 3) == 0)
            {
                operator.processRight(rate.set(i % 16 + (i % 5 == 0 ? KEYS : 0), i, (i % 9) == 0), tick + (i % 3));
            }
            operator.processLeft(order.set(key, i), tick + (i % 2));
            if (i % 10 == 9)
            {
                operator.processWatermark(tick - 3);
            }
        }
    }

    private static final class Counting implements Output<Enriched>
    {
        long main;
        long side;

        @Override
        public void emit(final Enriched record, final long timestamp)
        {
            main++;
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
            side++;
        }
    }
}
