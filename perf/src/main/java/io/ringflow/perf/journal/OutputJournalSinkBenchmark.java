package io.ringflow.perf.journal;

import io.ringflow.journal.OutputJournal;
import io.ringflow.journal.OutputJournalReader;
import io.ringflow.journal.OutputJournalSink;
import io.ringflow.perf.TempDirectories;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@link OutputJournalSink#onRecord}, the exactly-once sink, in its two modes, and proof that neither
 * allocates (run with {@code -prof gc}: expect {@code gc.alloc.rate.norm} ≈ 0 B/op):
 * <pre>
 *   append:  JMH thread ─► sink.onRecord(output k) ─► OutputJournal.appendToBatch (encode; every 64th
 *            output: CRC32Cs, one excerpt) — the end of batch is never called, so batches are full
 *   verify:  JMH thread ─► sink.onRecord(output k) ─► encode into scratch, compare key, timestamp and bytes
 *                           with pending entry k ─► read and check entry k + 1 (copy, CRC32C, decode)
 * </pre>
 * {@code append} is a sink on a fresh, empty journal: what a running pipeline pays per output.
 * {@code verify} is what a recovery pays per output that the crashed run had already journaled: the sink
 * is opened with resume position -1 over a journal of {@value Verifying#OUTPUTS} outputs written in
 * set-up, so every call compares instead of appending; when all have been matched, the sink is reopened
 * in an invocation-level set-up, outside the measurement. Output {@code k} is payment
 * {@code (k mod 10,000, k, 3k)} with timestamp {@code k} and key (input sequence {@code k / 2}, ordinal
 * {@code k mod 2}): two outputs per input.
 * <p>
 * {@value #BATCH} outputs per invocation ({@code @OperationsPerInvocation}), so scores are outputs per
 * second. Journals live in fresh directories under {@code java.io.tmpdir}, deleted at tear-down; the
 * appending one grows by about 80 bytes per operation. Both states are per thread, so the sinks are
 * opened on the benchmark thread (the sink also hands its appender and tailer to whichever thread calls
 * it first).
 * <p>
 * Run: {@code perf/bin/bench OutputJournalSink -prof gc}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class OutputJournalSinkBenchmark
{
    /** Outputs per invocation. */
    static final int BATCH = 1024;
    private static final int KEYS = 10_000;

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void append(final Appending state)
    {
        final OutputJournalSink<Payment> sink = state.sink;
        final Payment payment = state.payment;
        final long first = state.outputs;
        for (long k = first, end = first + BATCH; k < end; k++)
        {
            emit(sink, payment, k);
        }
        state.outputs = first + BATCH;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void verify(final Verifying state)
    {
        final OutputJournalSink<Payment> sink = state.sink;
        final Payment payment = state.payment;
        final long first = state.next;
        for (long k = first, end = first + BATCH; k < end; k++)
        {
            emit(sink, payment, k);
        }
        state.next = first + BATCH;
        state.verified += BATCH;
    }

    /** Output {@code k}: the same on every call, which is what lets the verifying sink match it. */
    static void emit(final OutputJournalSink<Payment> sink, final Payment payment, final long k)
    {
        sink.onRecord(payment.set(k % KEYS, k, 3 * k), k, k >> 1, (int)(k & 1));
    }

    /** A sink appending to a fresh journal. */
    @State(Scope.Thread)
    public static class Appending
    {
        final Payment payment = new Payment();
        Path directory;
        OutputJournalSink<Payment> sink;
        long outputs;

        @Setup(Level.Trial)
        public void setUp()
        {
            directory = TempDirectories.create("ringflow-output-append-");
            sink = new OutputJournalSink<>(directory, Payment.CODEC, OutputJournalReader.NO_POSITION);
        }

        @TearDown(Level.Trial)
        public void tearDown()
        {
            try
            {
                sink.onEndOfBatch();   // appends the last outputs and sets the position
                System.out.printf("%n[workload] appended=%d skipped=%d position=0x%x%n",
                    sink.appendedCount(), sink.skippedCount(), sink.position());
                sink.close();
                if (sink.appendedCount() != outputs || sink.skippedCount() != 0)
                {
                    throw new IllegalStateException("the sink verified or lost outputs instead of appending them");
                }
            }
            finally
            {
                TempDirectories.deleteRecursively(directory);
            }
        }
    }

    /** A sink over a journal that already holds every output it is given: it only compares. */
    @State(Scope.Thread)
    public static class Verifying
    {
        /** Outputs in the pre-written journal, a multiple of {@link #BATCH}. */
        static final int OUTPUTS = 1 << 20;

        final Payment payment = new Payment();
        Path directory;
        OutputJournalSink<Payment> sink;
        long next;
        long verified;
        long reopens;

        @Setup(Level.Trial)
        public void setUp()
        {
            directory = TempDirectories.create("ringflow-output-verify-");
            try (OutputJournal journal = new OutputJournal(directory))
            {
                journal.pretouch();
                for (long k = 0; k < OUTPUTS; k++)
                {
                    journal.append(Payment.CODEC, payment.set(k % KEYS, k, 3 * k), k, k >> 1, (int)(k & 1));
                }
            }
            open();
        }

        /** Once every journaled output has been matched, start over: outside the measured time. */
        @Setup(Level.Invocation)
        public void reopenWhenAllMatched()
        {
            if (next == OUTPUTS)
            {
                if (sink.isVerifying() || sink.appendedCount() != 0)
                {
                    throw new IllegalStateException("the sink matched " + sink.skippedCount() + " of " + OUTPUTS +
                        " outputs and appended " + sink.appendedCount());
                }
                sink.close();
                open();
                reopens++;
            }
        }

        @TearDown(Level.Trial)
        public void tearDown()
        {
            try
            {
                System.out.printf("%n[workload] journaled=%d verified=%d reopens=%d appended=%d%n",
                    OUTPUTS, verified, reopens, sink.appendedCount());
                sink.close();
                if (sink.appendedCount() != 0)
                {
                    throw new IllegalStateException("the verifying sink appended");
                }
            }
            finally
            {
                TempDirectories.deleteRecursively(directory);
            }
        }

        private void open()
        {
            sink = new OutputJournalSink<>(directory, Payment.CODEC, OutputJournalReader.NO_POSITION);
            next = 0;
            if (!sink.isVerifying())
            {
                throw new IllegalStateException("nothing to verify in " + directory);
            }
        }
    }
}
