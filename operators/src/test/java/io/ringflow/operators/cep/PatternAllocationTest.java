package io.ringflow.operators.cep;

import io.ringflow.operators.Output;
import io.ringflow.operators.OutputTag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Random;

import static io.ringflow.operators.cep.Txn.is;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Once its off-heap stores and timer arrays have grown, the operator allocates nothing per record, match or
 * timeout: measured with the JVM's per-thread allocation counter over a second pass of a workload whose
 * first pass warmed it up, so one allocation per record (16 bytes or more) would show as megabytes.
 */
class PatternAllocationTest
{
    private static final int KEYS = 1_000;
    private static final int RECORDS = 200_000;

    @Test
    void shouldNotAllocatePerRecordOrResultInSteadyState()
    {
        final com.sun.management.ThreadMXBean threads = threadBean();
        final Txn[] txns = new Txn[RECORDS];
        final long[] times = new long[RECORDS];
        final Random random = new Random(7);
        final char[] types = {'a', 'b', 'c', 'z'};
        for (int i = 0; i < RECORDS; i++)
        {
            txns[i] = new Txn(random.nextInt(KEYS), i, types[random.nextInt(types.length)]);
            times[i] = i / 100 - random.nextInt(4);
        }
        final Pattern<Txn> pattern = Patterns.<Txn>begin("a", is('a')).followedBy("b", is('b')).notFollowedBy("c", is('c'))
            .within(30);
        final Sink sink = new Sink();
        try (PatternOperator<Txn> operator = Cep.operator(pattern, KEYS))
        {
            operator.open(sink);
            run(operator, txns, times, 0);
            final long resultsBefore = sink.results;

            final long before = threads.getCurrentThreadAllocatedBytes();
            run(operator, txns, times, RECORDS);
            final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

            assertThat(sink.results - resultsBefore).as("timeouts in the measured pass").isGreaterThan(1_000);
            assertThat(operator.expiredPartialMatches()).isPositive();
            assertThat(operator.cancelledPartialMatches()).isPositive();
            assertThat(allocated).as("bytes allocated for %d records", RECORDS).isLessThan(RECORDS / 10);
        }
    }

    private static void run(final PatternOperator<Txn> operator, final Txn[] txns, final long[] times, final long shift)
    {
        long watermark = operator.watermark();
        for (int i = 0; i < txns.length; i++)
        {
            final long time = times[i] + shift;
            operator.processRecord(txns[i], time);
            if (time - 5 > watermark)
            {
                watermark = time - 5;
                operator.processWatermark(watermark);
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

    private static final class Sink implements Output<PatternMatch>
    {
        long results;
        long checksum;

        @Override
        public void emit(final PatternMatch record, final long timestamp)
        {
            results++;
            checksum += record.id(0) + timestamp;
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
            throw new AssertionError("nothing is late in this workload: " + record);
        }
    }
}
