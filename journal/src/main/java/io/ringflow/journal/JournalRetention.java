package io.ringflow.journal;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueStore;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Input-journal retention: deletes the roll-cycle files that no recovery can need any more, and marks the
 * journal as trimmed so that nothing later reads it from the start as if it were whole.
 * <p>
 * A journal is trimmed in whole roll cycles (Chronicle's files): every cycle before the one that holds a
 * given sequence goes. The first sequence kept is written to {@value #MARKER} in the journal's directory
 * <em>before</em> any file is deleted (temporary file, fsync, rename, directory fsync), so a crash or power
 * loss half way leaves a marker that is true or too cautious, never a journal trimmed without one. {@link JournalReader#moveAfter} refuses
 * to read a trimmed journal from its start, naming the first sequence kept; reading on from a sequence it
 * still holds (a checkpoint's) works as before.
 * <p>
 * Writers and readers may have the journal open: on Linux a deleted file stays readable through the mappings
 * already made. A reader positioned in a deleted cycle reads on through its mapping; one that moves to it
 * later finds it gone. So trim only below what every reader has passed — the pipeline trims below its oldest
 * retained checkpoint, which recovery never goes before.
 * <p>
 * Threading: any thread; one trimming at a time per journal.
 */
public final class JournalRetention
{
    /** The marker file: {@code first-retained-sequence=<decimal>}. */
    public static final String MARKER = "ringflow-trimmed.properties";

    private static final String KEY = "first-retained-sequence=";

    private JournalRetention()
    {
    }

    /**
     * Delete every roll-cycle file of the journal wholly before the cycle that holds {@code sequence}.
     *
     * @param directory the journal.
     * @param sequence  a sequence the journal must keep, with everything after it.
     * @return the number of cycle files deleted (0 when the sequence is in the journal's first cycle), and the
     *         first sequence of the next cycle: nothing more can be trimmed until the sequence to keep reaches it.
     * @throws JournalException if the marker cannot be written or a file cannot be deleted, naming it; the
     *                          files before it are deleted, the rest kept.
     */
    public static Trim deleteCyclesBefore(final Path directory, final long sequence)
    {
        if (sequence < 0)
        {
            throw new IllegalArgumentException("journal " + directory + ": cannot keep from sequence " + sequence +
                ", which no entry has");
        }
        // writable, so that refreshing the directory listing updates the cycle range the queue's metadata
        // caches for every reader (a read-only queue would keep listing deleted cycles)
        try (SingleChronicleQueue queue = ChronicleQueue.singleBuilder(directory).build())
        {
            queue.refreshDirectoryListing();
            final RollCycle rollCycle = queue.rollCycle();
            final int keepFrom = rollCycle.toCycle(sequence);
            final long trimAgainFrom = rollCycle.toIndex(keepFrom + 1, 0);
            final int first = queue.firstCycle();
            if (first == Integer.MAX_VALUE || first >= keepFrom)
            {
                return new Trim(0, trimAgainFrom);
            }
            writeMarker(directory, rollCycle.toIndex(keepFrom, 0));
            int deleted = 0;
            for (final long cycle : queue.listCyclesBetween(first, keepFrom - 1))
            {
                final File file = fileOf(queue, (int)cycle);
                if (null != file)
                {
                    delete(file);
                    deleted++;
                }
            }
            queue.refreshDirectoryListing();
            return new Trim(deleted, trimAgainFrom);
        }
    }

    /**
     * What {@link #deleteCyclesBefore} did.
     *
     * @param deleted       cycle files deleted.
     * @param trimAgainFrom the first sequence of the cycle after the one kept from: a later trim below it
     *                      would find nothing to delete.
     */
    public record Trim(int deleted, long trimAgainFrom)
    {
    }

    /**
     * @param directory a journal.
     * @return the first sequence the journal kept when it was last trimmed, or -1 if it never was.
     * @throws JournalException if the marker is unreadable.
     */
    public static long firstRetainedSequence(final Path directory)
    {
        final Path marker = directory.resolve(MARKER);
        try
        {
            final String text = Files.readString(marker, StandardCharsets.UTF_8).trim();
            if (!text.startsWith(KEY))
            {
                throw new JournalException("journal " + directory + ": " + MARKER + " reads '" + text + "', not '" +
                    KEY + "<sequence>'");
            }
            return Long.parseLong(text.substring(KEY.length()));
        }
        catch (final NoSuchFileException ex)
        {
            return -1;
        }
        catch (final IOException | NumberFormatException ex)
        {
            throw new JournalException("journal " + directory + ": cannot read " + MARKER + ": " + ex, ex);
        }
    }

    /** @return the cycle's file, or null if it has none (deleted by an earlier trim). */
    private static File fileOf(final SingleChronicleQueue queue, final int cycle)
    {
        final SingleChronicleQueueStore store = queue.storeForCycle(cycle, queue.epoch(), false, null);
        if (null == store)
        {
            return null;
        }
        try
        {
            return store.file();
        }
        finally
        {
            store.close();
        }
    }

    private static void delete(final File file)
    {
        try
        {
            Files.deleteIfExists(file.toPath());
        }
        catch (final IOException ex)
        {
            throw new JournalException("cannot delete journal file " + file + ": " + ex, ex);
        }
    }

    private static void writeMarker(final Path directory, final long firstRetained)
    {
        final Path marker = directory.resolve(MARKER);
        final Path temporary = directory.resolve(MARKER + ".tmp");
        try
        {
            // durable before any deletion: after a power loss the marker must be there if a deletion is
            try (FileChannel file = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING))
            {
                file.write(ByteBuffer.wrap((KEY + firstRetained + "\n").getBytes(StandardCharsets.UTF_8)));
                file.force(true);
            }
            Files.move(temporary, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel parent = FileChannel.open(directory, StandardOpenOption.READ))
            {
                parent.force(true);
            }
        }
        catch (final IOException ex)
        {
            throw new JournalException("cannot write " + marker + ": " + ex + "; no journal file was deleted", ex);
        }
    }
}
