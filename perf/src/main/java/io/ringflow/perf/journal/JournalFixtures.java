package io.ringflow.perf.journal;

import io.ringflow.journal.InputJournal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What the journal benchmarks share outside the measured code: temporary directories, pre-written input
 * journals, and the check that Chronicle's thread binding holds.
 */
final class JournalFixtures
{
    private JournalFixtures()
    {
    }

    /**
     * @param prefix names the benchmark in the directory's name.
     * @return a new, empty directory under {@code java.io.tmpdir}.
     */
    static Path createTempDirectory(final String prefix)
    {
        try
        {
            return Files.createTempDirectory(prefix);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create a directory under " + System.getProperty("java.io.tmpdir"), ex);
        }
    }

    /**
     * Delete a directory and everything under it; close the journals in it first.
     *
     * @param directory a directory, or null (nothing to do).
     */
    static void deleteRecursively(final Path directory)
    {
        if (null == directory || !Files.exists(directory))
        {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory))
        {
            for (final Path path : (Iterable<Path>)paths.sorted(Comparator.reverseOrder())::iterator)
            {
                Files.delete(path);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot delete " + directory, ex);
        }
    }

    /**
     * Write {@code records} payments of {@code workload} to a new input journal, each with its event time
     * and its number as ingest time, and an end-of-stream entry if asked.
     *
     * @param directory   the journal's directory; created.
     * @param workload    the payments.
     * @param records     how many.
     * @param endOfStream append an end-of-stream entry after them.
     */
    static void writeInput(final Path directory, final PaymentWorkload workload, final int records, final boolean endOfStream)
    {
        final Payment payment = new Payment();
        try (InputJournal journal = new InputJournal(directory))
        {
            journal.pretouch();
            for (int i = 0; i < records; i++)
            {
                workload.next(payment);
                journal.append(Payment.CODEC, payment, payment.timeMs(), i);
            }
            if (endOfStream)
            {
                journal.appendEndOfStream(records);
            }
        }
    }

    /**
     * Fail unless the caller is the thread that set a benchmark's journal up. Chronicle would throw on the
     * next append or read anyway, while that thread lives; this says why, and also catches a set-up thread
     * that has died (Chronicle then silently hands the appender to the next thread).
     *
     * @param owner the thread that opened the journal.
     */
    static void requireOwner(final Thread owner)
    {
        if (Thread.currentThread() != owner)
        {
            throw new IllegalStateException("JMH moved the benchmark from thread '" + owner.getName() + "' to '" +
                Thread.currentThread().getName() + "': Chronicle binds a journal's appender and tailer to the " +
                "thread that first uses them, so open the journal on the benchmark thread (a Scope.Thread state)");
        }
    }
}
