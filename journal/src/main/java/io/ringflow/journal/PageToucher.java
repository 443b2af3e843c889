package io.ringflow.journal;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.File;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Faults in, on a background thread, the pages of a memory-mapped journal file that the next appends will
 * write, so that the appending thread does not wait for them. The first write to a page of a file-backed
 * mapping costs the kernel a page fault and a block allocation, and on ext4 that allocation waits now and
 * then for the file system's own journal: measured on this project's VM, an append to a fresh page stalled
 * ~18 ms once every 8 MiB written (10 MB/s of 100-byte records through a plain {@code MappedByteBuffer}),
 * and the same loop with this toucher running 4 MiB ahead had no stall over 1 ms.
 * <p>
 * Each page ahead of the writer gets an atomic compare-and-set of its first int from 0 to 0: a write access
 * that the kernel must back with a writable page, and that cannot change data, because a compare-and-set
 * that finds a value other than 0 writes nothing, whoever wrote it and whenever. Pages are touched through
 * a mapping of the toucher's own, only within the file's current length (it never grows the file) and
 * never at or before the page the writer is on.
 * <p>
 * Threading: {@link #writtenUpTo} from the writer's thread after each append (an ordered store, no
 * allocation); the toucher's own daemon thread does the rest; {@link #close()} from the writer's thread.
 */
final class PageToucher implements AutoCloseable
{
    /** How far ahead of the writer pages are touched. */
    static final long AHEAD_BYTES = 4L << 20;
    /** Touch in batches at least this big: a mapping per batch, so few mappings (and little garbage). */
    static final long BATCH_BYTES = 1L << 20;
    static final int PAGE_BYTES = 4096;
    /**
     * Below this much usable space (plus the batch) on the journal's file system no page is touched: a write
     * fault on a page the file system cannot back raises SIGBUS, and in code the JIT has not compiled yet the
     * JVM aborts on it instead of throwing. The writer's own append then meets the full disk, guarded, and
     * fails with a {@link JournalException} as it does without a toucher.
     */
    static final long MIN_FREE_BYTES = 64L << 20;
    private static final long IDLE_NS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Thread thread;
    private final AtomicLong position = new AtomicLong();
    private volatile File file;
    private volatile boolean running = true;
    private volatile Throwable failure;
    private File touchedFile;
    private long touchedUpTo;
    private volatile long pagesTouched;
    private volatile long lowSpaceWaits;

    /**
     * @param name names the thread ({@code journal-pages-<name>}).
     */
    PageToucher(final String name)
    {
        thread = new Thread(this::run, "journal-pages-" + name);
        thread.setDaemon(true);   // never keeps a JVM alive: it only ever saves the writer time
        thread.start();
    }

    /**
     * The writer moved to another file (a roll cycle); call before {@link #writtenUpTo} for it.
     *
     * @param file the file the writer now appends to.
     */
    void file(final File file)
    {
        // position first: a toucher that sees the new file then sees 0 or the new position, never the old
        // file's (which would make it skip the new file's first megabytes)
        this.position.set(0);
        this.file = file;
    }

    /**
     * @param position the writer's position in its file: everything before it is written.
     */
    void writtenUpTo(final long position)
    {
        this.position.lazySet(position);
    }

    /** @return pages touched so far (for tests and counters). */
    long pagesTouched()
    {
        return pagesTouched;
    }

    /** @return batches not touched because the file system was nearly full. */
    long lowSpaceWaits()
    {
        return lowSpaceWaits;
    }

    /** @return what stopped the toucher, or null while it runs (appends go on without it either way). */
    Throwable failure()
    {
        return failure;
    }

    private void run()
    {
        try
        {
            while (running)
            {
                final File current = file;
                final long writerPosition = position.get();
                if (null == current || current != file || 0 == touchAhead(current, writerPosition))
                {
                    LockSupport.parkNanos(IDLE_NS);
                }
            }
        }
        catch (final RuntimeException | Error ex)
        {
            failure = ex;   // the writer only loses the head start; the failure is kept for whoever asks
        }
    }

    /**
     * Touch the pages from the last one touched (or the page after the writer's) up to
     * {@link #AHEAD_BYTES} past the writer, once there is at least {@link #BATCH_BYTES} of them.
     *
     * @return pages touched by this call.
     */
    int touchAhead(final File current, final long writerPosition)
    {
        if (!current.equals(touchedFile))
        {
            touchedFile = current;
            touchedUpTo = 0;
        }
        final long from = Math.max(touchedUpTo, (writerPosition / PAGE_BYTES + 1) * PAGE_BYTES);
        final long to = Math.min(current.length(), writerPosition + AHEAD_BYTES) / PAGE_BYTES * PAGE_BYTES;
        if (to - from < BATCH_BYTES)
        {
            return 0;   // the touched pages still reach 3 MiB ahead, or the file ends: wait for the writer
        }
        if (current.getUsableSpace() < MIN_FREE_BYTES + (to - from))
        {
            lowSpaceWaits++;
            return 0;
        }
        final MappedByteBuffer mapping = IoUtil.mapExistingFile(current, FileChannel.MapMode.READ_WRITE,
            "journal page toucher", from, to - from);
        int pages = 0;
        try
        {
            final UnsafeBuffer pagesAhead = new UnsafeBuffer(mapping);
            for (long page = 0; page < to - from; page += PAGE_BYTES)
            {
                pagesAhead.compareAndSetInt((int)page, 0, 0);
                pages++;
            }
        }
        finally
        {
            IoUtil.unmap(mapping);
        }
        touchedUpTo = to;
        pagesTouched += pages;
        return pages;
    }

    /** Stop the thread and wait for it. */
    @Override
    public void close()
    {
        running = false;
        LockSupport.unpark(thread);
        try
        {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
