package io.ringflow.operators.join;

import io.ringflow.operators.Output;
import io.ringflow.operators.OutputTag;
import io.ringflow.operators.TwoInputOperator;
import io.ringflow.operators.window.Windows;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Joins allocate nothing per record once their state has reached its size: measured with the JVM's
 * per-thread allocation counter over many records, so one allocation per record (16 bytes or more) would
 * show as megabytes. Late records are among them, so the rejection path is covered too.
 */
class JoinAllocationTest
{
    private static final int RECORDS = 200_000;

    @Test
    void shouldNotAllocatePerRecordInTheIntervalJoin()
    {
        assertSteadyStateAllocatesNothing(IntervalJoinOperatorTest.build(IntervalJoinOperatorTest.interval(-5, 5)
            .expectedKeys(1024)));
    }

    @Test
    void shouldNotAllocatePerRecordInTheWindowJoin()
    {
        assertSteadyStateAllocatesNothing(WindowJoinOperator.<Item, Item>keyed("w", Item::key, Item::key)
            .window(Windows.sliding(20, 10)).allowedLateness(5).expectedKeys(1024)
            .join(Item.CODEC, Item.CODEC, Pair::new, Pair::join));
    }

    @Test
    void shouldNotAllocatePerRecordInASessionWindowCoGroup()
    {
        final Pair sizes = new Pair();
        assertSteadyStateAllocatesNothing(WindowJoinOperator.<Item, Item>keyed("w", Item::key, Item::key)
            .window(Windows.session(4)).expectedKeys(1024)
            .coGroup(Item.CODEC, Item.CODEC, (key, window, kind, left, right, out) ->
            {
                sizes.left = left.size();
                sizes.right = right.size();
                out.collect(sizes);
            }));
    }

    private static void assertSteadyStateAllocatesNothing(final TwoInputOperator<Item, Item, ?> operator)
    {
        final com.sun.management.ThreadMXBean threads = threadBean();
        final Counting<Object> output = new Counting<>();
        @SuppressWarnings("unchecked")
        final TwoInputOperator<Item, Item, Object> join = (TwoInputOperator<Item, Item, Object>)operator;
        join.open(output);
        final Item item = new Item();
        run(join, item, 0);
        final long before = threads.getCurrentThreadAllocatedBytes();
        run(join, item, RECORDS);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        join.close();

        assertThat(output.records).isPositive();
        assertThat(output.side).isPositive();
        assertThat(allocated).as("bytes allocated for %d records", RECORDS).isLessThan(RECORDS / 10);
    }

    /** 64 keys, both sides, time moving on one tick per 16 records, every 50th record late. */
    private static void run(final TwoInputOperator<Item, Item, Object> join, final Item item, final int offset)
    {
        for (int i = offset; i < offset + RECORDS; i++)
        {
            final long time = i / 16;
            final long timestamp = i % 50 == 0 ? time - 30 : time - (i % 3);
            item.set((i >> 1) % 64, i);
            if ((i & 1) == 0)
            {
                join.processLeft(item, timestamp);
            }
            else
            {
                join.processRight(item, timestamp);
            }
            if ((i & 15) == 15)
            {
                join.processWatermark(time - 4);
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

    private static final class Counting<T> implements Output<T>
    {
        long records;
        long side;

        @Override
        public void emit(final T record, final long timestamp)
        {
            records++;
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
