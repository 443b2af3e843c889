package io.ringflow.journal;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Refuses journal appends while the file system is all but full, before one of them can fault.
 * <p>
 * A journal writes through a memory mapping of a sparse file, so the disk filling up shows as a fault on
 * a store to a page the file system cannot back — and the JVM reports such a fault late, at a later
 * safepoint: the append that faulted may already have returned, an entry acknowledged with its bytes
 * lost. So the writer asks the file system for its free space and refuses appends once fewer than
 * {@link #RESERVE_BYTES} are left: everything acknowledged before stays intact, and the refusal is a clean
 * error, not a fault. It asks again after writing half of what was free above the reserve (at most
 * {@link #MAX_CHECK_EVERY_BYTES}, at least {@link #CHECK_EVERY_BYTES}): the JDK's free-space query allocates
 * (~80 bytes), so on a roomy disk it runs once per 64 MiB, and only a nearly full one is asked every 16 KiB.
 * The reserve covers what can be written between two checks, Chronicle's index pages included; another
 * process filling the disk between two checks is not covered (the mapped write's own fault handling is).
 * <p>
 * Threading: the writer's thread.
 */
final class DiskSpaceGuard
{
    /** The fewest bytes written between two free-space checks (a {@code statvfs} call: about a microsecond). */
    static final long CHECK_EVERY_BYTES = 16 * 1024;
    /** The most bytes written between two checks. */
    static final long MAX_CHECK_EVERY_BYTES = 64L * 1024 * 1024;
    /** The free space under which appends are refused. */
    static final long RESERVE_BYTES = 128 * 1024;

    private final Path directory;
    private final FileStore store;
    private long written;
    private long nextCheck;

    DiskSpaceGuard(final Path directory)
    {
        this.directory = directory;
        this.store = fileStore(directory);
    }

    /**
     * @param bytes about to be appended.
     * @param entries the entries in them, for the message.
     * @param lastWritten the sequence of the last entry appended, for the message.
     * @throws JournalException if the file system has less than {@link #RESERVE_BYTES} free.
     */
    void beforeWriting(final int bytes, final int entries, final long lastWritten)
    {
        written += bytes;
        if (written < nextCheck || null == store)
        {
            return;
        }
        final long usable = usableSpace();
        nextCheck = written + Math.max(CHECK_EVERY_BYTES, Math.min(MAX_CHECK_EVERY_BYTES, (usable - RESERVE_BYTES) / 2));
        if (usable >= 0 && usable < RESERVE_BYTES)
        {
            nextCheck = written;   // and again next time: space may have been freed
            throw new JournalException("journal " + directory + ": the disk is full: " + usable + " bytes free, " +
                "less than the " + RESERVE_BYTES + " a journal keeps in reserve so that no append faults half " +
                "way; " + notAppended(entries) + ", entries up to sequence " + lastWritten + " (the last this " +
                "writer appended, -1 if none) are intact; free space and append again");
        }
    }

    /**
     * @param entries the entries of a failed append.
     * @return what the error says about them: a batch is dropped whole.
     */
    static String notAppended(final int entries)
    {
        return entries <= 1 ? "this entry was not appended" :
            "the batch of " + entries + " entries this append was writing was not appended (dropped whole)";
    }

    private long usableSpace()
    {
        try
        {
            return store.getUsableSpace();
        }
        catch (final IOException ex)
        {
            return -1;   // unknown: the mapped write's own fault handling still applies
        }
    }

    private static FileStore fileStore(final Path directory)
    {
        try
        {
            return Files.getFileStore(directory);
        }
        catch (final IOException ex)
        {
            return null;
        }
    }
}
