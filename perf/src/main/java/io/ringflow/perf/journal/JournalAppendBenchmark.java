package io.ringflow.perf.journal;

import io.ringflow.journal.InputJournal;
import io.ringflow.perf.TempDirectories;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@link InputJournal#append} and {@link InputJournal#appendToBatch}: what the journal stage of a durable pipeline pays per input record before
 * operators may see it, and proof that it allocates nothing (run with {@code -prof gc}: expect
 * {@code gc.alloc.rate.norm} ≈ 0 B/op).
 * <pre>
 *   JMH thread: payment.set(n, n, n) ─► InputJournal.append(codec, payment, n, n)
 *      encode 24-byte payload + header into a reused buffer ─► CRC32C ─► one Chronicle excerpt (~80 bytes)
 * </pre>
 * One record per operation, so the score is records per second; {@link #appendToBatch()} adds it to a
 * batch, appended as one excerpt of 64 records. The journal is a fresh Chronicle queue
 * (daily roll cycle) under {@code java.io.tmpdir}, pre-touched in set-up so that mapping the cycle's
 * first file stays out of the figures; it grows by about 80 bytes per operation (a few GB per run: the
 * page cache absorbs it, and the kernel writes it back behind the benchmark) and is deleted at
 * tear-down. Nothing is fsynced: that is Chronicle's model, durability against a process crash.
 * <p>
 * The state is per thread, so JMH opens the journal on the benchmark thread, which Chronicle binds the
 * appender to; each iteration checks that it is still that thread.
 * <p>
 * Run: {@code perf/bin/bench JournalAppend -prof gc}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class JournalAppendBenchmark
{
    /** Cards cycle through this many values (a power of two). */
    private static final long KEY_MASK = (1 << 14) - 1;

    /** Whether a {@code PageToucher} faults the journal's pages in ahead of the appends, on another thread. */
    @Param({"false", "true"})
    public boolean touchPagesAhead;

    private final Payment payment = new Payment();
    private Path directory;
    private InputJournal journal;
    private Thread owner;
    private long appended;

    @Setup(Level.Trial)
    public void setUp()
    {
        directory = TempDirectories.create("ringflow-journal-append-");
        journal = new InputJournal(directory);
        journal.pretouch();
        if (touchPagesAhead)
        {
            journal.touchPagesAhead();
        }
        owner = Thread.currentThread();
    }

    @Setup(Level.Iteration)
    public void checkThread()
    {
        JournalFixtures.requireOwner(owner);
    }

    @Benchmark
    public long append()
    {
        final long n = appended++;
        return journal.append(Payment.CODEC, payment.set(n & KEY_MASK, n, n), n, n);
    }

    /**
     * The same record added to a batch instead: one Chronicle excerpt per
     * {@code JournalRecordDescriptor.SLOTS_PER_EXCERPT} records, which is what a producer that always has
     * more to send pays per record.
     *
     * @return records batched and not yet appended.
     */
    @Benchmark
    public int appendToBatch()
    {
        final long n = appended++;
        journal.appendToBatch(Payment.CODEC, payment.set(n & KEY_MASK, n, n), n, n);
        return journal.batched();
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        try
        {
            System.out.printf("%n[workload] appended=%d lastSequence=0x%x dir=%s%n",
                appended, journal.lastSequence(), directory);
            journal.close();
        }
        finally
        {
            TempDirectories.deleteRecursively(directory);
        }
    }
}
