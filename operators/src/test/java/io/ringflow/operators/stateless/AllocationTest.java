package io.ringflow.operators.stateless;

import io.ringflow.operators.OneInputOperator;
import io.ringflow.operators.OperatorChain;
import io.ringflow.operators.Output;
import io.ringflow.operators.OutputTag;
import io.ringflow.operators.stateless.RecordingOutput.Box;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A chain of every stateless operator allocates nothing per record: measured with the JVM's
 * per-thread allocation counter, so one allocation per record would show as megabytes.
 */
class AllocationTest
{
    private static final int RECORDS = 100_000;
    private static final OutputTag<Box> ODD = new OutputTag<>("odd");

    @Test
    void shouldNotAllocatePerRecordInAChainOfStatelessOperators()
    {
        final java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "per-thread allocation counter unavailable");
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());

        final Box[] inputs = new Box[RECORDS];
        for (int i = 0; i < RECORDS; i++)
        {
            inputs[i] = new Box(i, "in");
        }
        final Box twin = new Box();
        final OneInputOperator<Box, Box> chain = OperatorChain
            .first(new FilterOperator<Box>("notTens", box -> box.value % 10 != 0))
            .then(new MapOperator<Box, Box>("double", (in, out) -> out.value = in.value * 2, Box::new))
            .then(new FlatMapOperator<Box, Box>("twice", (in, out) ->
            {
                out.collect(in);
                twin.value = in.value + 1;
                out.collect(twin);
            }))
            .then(new ProcessOperator<Box, Box>("route", (box, ctx) ->
            {
                if ((box.value & 1) == 1)
                {
                    ctx.output(ODD, box);
                }
                else
                {
                    ctx.emit(box);
                }
            }));
        final Counting sink = new Counting();
        chain.open(sink);
        run(chain, inputs);

        final long before = threads.getCurrentThreadAllocatedBytes();
        run(chain, inputs);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(sink.main).isPositive();
        assertThat(sink.side).isPositive();
        assertThat(allocated).as("bytes allocated for %d records", RECORDS).isLessThan(RECORDS / 10);
    }

    private static void run(final OneInputOperator<Box, Box> chain, final Box[] inputs)
    {
        for (int i = 0; i < inputs.length; i++)
        {
            chain.processRecord(inputs[i], i);
            if ((i & 255) == 0)
            {
                chain.processWatermark(i);
            }
        }
    }

    private static final class Counting implements Output<Box>
    {
        long main;
        long side;

        @Override
        public void emit(final Box record, final long timestamp)
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
