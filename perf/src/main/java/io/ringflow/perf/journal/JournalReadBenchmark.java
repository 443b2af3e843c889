package io.ringflow.perf.journal;

import io.ringflow.journal.JournalEntry;
import io.ringflow.journal.JournalReader;
import io.ringflow.perf.TempDirectories;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@link JournalReader#next}: what a replay or a journal-fed pipeline pays per input record to read it
 * back — copy the excerpt out of Chronicle, check length, magic, version, CRC32C and stored sequence,
 * check the schema, decode — and proof that it allocates nothing (run with {@code -prof gc}: expect
 * {@code gc.alloc.rate.norm} ≈ 0 B/op).
 * <pre>
 *   set-up: 1,000,000 payments (10,000 cards) ─► InputJournal (fresh directory under java.io.tmpdir)
 *   JMH thread: reader.next(entry) ─► entry.record().amount()      at the end: reader.toStart()
 * </pre>
 * One entry per operation, so the score is records per second. The journal is written in set-up, so it
 * sits in the page cache: this is reading from memory, not from disk. When the reader reaches the end
 * it rewinds with {@code toStart()}, once per million operations, inside the measurement.
 * <p>
 * The state is per thread, so JMH opens the reader on the benchmark thread, which Chronicle binds the
 * tailer to; each iteration checks that it is still that thread.
 * <p>
 * Run: {@code perf/bin/bench JournalRead -prof gc}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class JournalReadBenchmark
{
    /** Entries in the journal. */
    static final int RECORDS = 1_000_000;
    private static final int KEYS = 10_000;

    private Path directory;
    private JournalReader<Payment> reader;
    private JournalEntry<Payment> entry;
    private Thread owner;
    private long rewinds;

    @Setup(Level.Trial)
    public void setUp()
    {
        directory = TempDirectories.create("ringflow-journal-read-");
        JournalFixtures.writeInput(directory, new PaymentWorkload(KEYS, 42), RECORDS, false);
        reader = new JournalReader<>(directory, Payment.CODEC);
        entry = reader.newEntry();
        owner = Thread.currentThread();
    }

    @Setup(Level.Iteration)
    public void checkThread()
    {
        JournalFixtures.requireOwner(owner);
    }

    @Benchmark
    public long next()
    {
        if (!reader.next(entry))
        {
            rewind();
        }
        return entry.record().amount();
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        try
        {
            System.out.printf("%n[workload] entries=%d rewinds=%d lastSequenceRead=0x%x%n",
                reader.count(), rewinds, entry.sequence());
            reader.close();
        }
        finally
        {
            TempDirectories.deleteRecursively(directory);
        }
    }

    private void rewind()
    {
        reader.toStart();
        rewinds++;
        if (!reader.next(entry) || !entry.isRecord())
        {
            throw new IllegalStateException("the journal is empty or does not start with a record: " + entry);
        }
    }
}
