package io.ringflow.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import static io.ringflow.journal.OutputJournalReader.NO_POSITION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sink allocates nothing per output, verifying or appending: measured with the JVM's per-thread
 * allocation counter over the second half of each phase, so one allocation per output would show as
 * megabytes.
 */
class OutputJournalSinkAllocationTest
{
    private static final Trade.Codec CODEC = new Trade.Codec(1);
    private static final int OUTPUTS = 100_000;

    @TempDir
    Path dir;

    @Test
    void shouldNotAllocatePerOutputWhileVerifyingOrAppending()
    {
        final java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "per-thread allocation counter unavailable");
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());

        final Trade trade = new Trade();
        try (OutputJournalSink<Trade> sink = new OutputJournalSink<>(dir, CODEC, NO_POSITION))
        {
            emit(sink, trade, 0, OUTPUTS);
            sink.onEndOfBatch();
        }
        try (OutputJournalSink<Trade> sink = new OutputJournalSink<>(dir, CODEC, NO_POSITION))
        {
            emit(sink, trade, 0, OUTPUTS / 2);
            final long beforeVerifying = threads.getCurrentThreadAllocatedBytes();
            emit(sink, trade, OUTPUTS / 2, OUTPUTS);
            final long verifying = threads.getCurrentThreadAllocatedBytes() - beforeVerifying;

            emit(sink, trade, OUTPUTS, OUTPUTS + OUTPUTS / 2);
            final long beforeAppending = threads.getCurrentThreadAllocatedBytes();
            emit(sink, trade, OUTPUTS + OUTPUTS / 2, 2 * OUTPUTS);
            final long appending = threads.getCurrentThreadAllocatedBytes() - beforeAppending;

            assertThat(sink.skippedCount()).isEqualTo(OUTPUTS);
            assertThat(sink.appendedCount()).isEqualTo(OUTPUTS);
            assertThat(verifying).as("bytes allocated verifying %d outputs", OUTPUTS / 2).isLessThan(OUTPUTS / 20);
            assertThat(appending).as("bytes allocated appending %d outputs", OUTPUTS / 2).isLessThan(OUTPUTS / 20);
        }
    }

    /** Output k has key (k / 2, k % 2): two outputs per input. */
    private static void emit(final OutputJournalSink<Trade> sink, final Trade trade, final int from, final int to)
    {
        for (int k = from; k < to; k++)
        {
            sink.onRecord(trade.set(k, 10L * k, k % 5), k, k / 2, k % 2);
        }
    }
}
