package io.ringflow.pipeline.metrics;

import org.agrona.IoUtil;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.ringflow.pipeline.metrics.CountersFileDescriptor.*;

/**
 * A memory-mapped counters file with an Agrona {@link CountersManager} over it, so that another process
 * reads a running pipeline's counters with a {@link CountersFileReader}. Layout:
 * {@link CountersFileDescriptor}.
 * <p>
 * {@link #create} replaces any file at the path by deleting it first: a reader that still maps the old file
 * keeps reading its last values rather than crashing on a truncated mapping, and sees a new pid or start
 * time once it reopens. Put the file on tmpfs ({@code /dev/shm}) so that counter updates never cause disk
 * write-back.
 * <p>
 * Threading: create, allocate counters and close on one thread, while the pipeline is built and after it
 * has stopped; the counters themselves are then written by the threads that own them. Closing unmaps the
 * memory, so no counter may be written after {@link #close()}.
 */
public final class CountersFile implements AutoCloseable
{
    private final Path path;
    private final long pid;
    private final long startTimeMs;
    private final boolean deleteOnClose;
    private final MappedByteBuffer mappedBuffer;
    private final CountersManager countersManager;
    private boolean closed;

    private CountersFile(
        final Path path, final int maxCounters, final long pid, final long startTimeMs, final boolean deleteOnClose)
    {
        this.path = path;
        this.pid = pid;
        this.startTimeMs = startTimeMs;
        this.deleteOnClose = deleteOnClose;

        final int metadataLength = metadataLength(maxCounters);
        final int valuesLength = valuesLength(maxCounters);
        try
        {
            Files.deleteIfExists(path);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("counters file " + path + ": cannot replace the existing file", ex);
        }
        mappedBuffer = IoUtil.mapNewFile(path.toFile(), fileLength(maxCounters));

        final UnsafeBuffer header = new UnsafeBuffer(mappedBuffer, 0, HEADER_LENGTH);
        header.putInt(LAYOUT_VERSION_OFFSET, LAYOUT_VERSION);
        header.putLong(PID_OFFSET, pid);
        header.putLong(START_TIME_MS_OFFSET, startTimeMs);
        header.putInt(METADATA_LENGTH_OFFSET, metadataLength);
        header.putInt(VALUES_LENGTH_OFFSET, valuesLength);
        header.putIntRelease(MAGIC_OFFSET, MAGIC);

        final AtomicBuffer metadataBuffer = new UnsafeBuffer(mappedBuffer, HEADER_LENGTH, metadataLength);
        final AtomicBuffer valuesBuffer = new UnsafeBuffer(mappedBuffer, valuesOffset(metadataLength), valuesLength);
        countersManager = new CountersManager(metadataBuffer, valuesBuffer, StandardCharsets.UTF_8);
    }

    /**
     * Create the file, replacing any existing one, for this process and the current time.
     *
     * @param path          where to create it; missing parent directories are created.
     * @param maxCounters   how many counters it holds; see {@link #countersNeeded}.
     * @param deleteOnClose whether {@link #close()} deletes the file (false leaves the last values for a
     *                      post-mortem).
     * @return the mapped file.
     */
    public static CountersFile create(final Path path, final int maxCounters, final boolean deleteOnClose)
    {
        return new CountersFile(
            path, maxCounters, ProcessHandle.current().pid(), System.currentTimeMillis(), deleteOnClose);
    }

    /**
     * @param stages number of stages.
     * @return counters needed for that many {@link StageCounters} and one {@link PipelineCounters}.
     */
    public static int countersNeeded(final int stages)
    {
        return stages * StageCounters.COUNTERS_PER_STAGE + PipelineCounters.COUNTERS_PER_PIPELINE;
    }

    /**
     * Allocate a counter; call while the pipeline is built, not while it runs.
     *
     * @param label  how readers show the counter, at most {@code CountersReader.MAX_LABEL_LENGTH} bytes.
     * @param typeId what kind of counter it is, e.g. {@link StageCounters#RECORDS_IN}.
     * @return the counter, valued 0.
     * @throws IllegalStateException when the file is full or closed.
     */
    public AtomicCounter newCounter(final String label, final int typeId)
    {
        if (closed)
        {
            throw new IllegalStateException("counters file " + path + ": closed");
        }
        if (countersManager.available() < 1)
        {
            throw new IllegalStateException("counters file " + path + ": full (" + countersManager.capacity() +
                " counters), cannot allocate '" + label + "'; create it with a larger maxCounters");
        }

        return countersManager.newCounter(label, typeId);
    }

    /** @return the manager over the mapped buffers, for readers in this process. */
    public CountersManager countersManager()
    {
        return countersManager;
    }

    /** @return where the file is. */
    public Path path()
    {
        return path;
    }

    /** @return the pid written in the header. */
    public long pid()
    {
        return pid;
    }

    /** @return the start time written in the header, epoch milliseconds. */
    public long startTimeMs()
    {
        return startTimeMs;
    }

    /**
     * Unmap the file, and delete it if asked at creation. Every stage must have stopped: a counter written
     * after this touches unmapped memory and crashes the JVM. Idempotent.
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        IoUtil.unmap(mappedBuffer);
        if (deleteOnClose)
        {
            IoUtil.deleteIfExists(path.toFile());
        }
    }

    /** {@inheritDoc} */
    @Override
    public String toString()
    {
        return "CountersFile{path=" + path + ", pid=" + pid + ", closed=" + closed + '}';
    }
}
