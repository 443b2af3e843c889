package io.ringflow.pipeline.metrics;

import org.agrona.IoUtil;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static io.ringflow.pipeline.metrics.CountersFileDescriptor.*;

/**
 * Reads a counters file written by a {@link CountersFile}, usually in another process while the writer runs.
 * The file is mapped read-only and validated once at {@link #open}; values are then read straight from the
 * mapping with acquire loads, so each read sees the writer's latest published value. Counters allocated
 * after opening are seen too (Agrona publishes a counter's metadata before marking it allocated).
 * <p>
 * A writer that replaces the file (a restarted pipeline) creates a new one; this reader keeps seeing the old
 * one until reopened. Compare {@link #pid()} and {@link #startTimeMs()}, or check {@link #isWriterAlive()}.
 * <p>
 * Threading: not thread-safe; use from one thread, typically a monitoring tool's. Never writes to the file.
 */
public final class CountersFileReader implements AutoCloseable
{
    /**
     * Receives one allocated counter.
     * <p>
     * Threading: called on the thread that called {@link #forEach}.
     */
    @FunctionalInterface
    public interface CounterVisitor
    {
        /**
         * @param counterId identifies the counter within the file.
         * @param typeId    its kind, e.g. {@link StageCounters#RECORDS_IN}.
         * @param label     its label.
         * @param value     its value, read with acquire semantics.
         */
        void accept(int counterId, int typeId, String label, long value);
    }

    private final Path path;
    private final MappedByteBuffer mappedBuffer;
    private final long pid;
    private final long startTimeMs;
    private final AtomicBuffer valuesBuffer;
    private final CountersReader countersReader;
    private boolean closed;

    private CountersFileReader(final Path path, final MappedByteBuffer mappedBuffer, final long fileLength)
    {
        this.path = path;
        this.mappedBuffer = mappedBuffer;

        final UnsafeBuffer header = new UnsafeBuffer(mappedBuffer, 0, HEADER_LENGTH);
        final int magic = header.getIntAcquire(MAGIC_OFFSET);
        if (MAGIC != magic)
        {
            throw invalid(path, "bad magic 0x" + Integer.toHexString(magic) + ", expected 0x" +
                Integer.toHexString(MAGIC) + " (not a Ringflow counters file, or its writer is still creating it)");
        }
        final int version = header.getInt(LAYOUT_VERSION_OFFSET);
        if (LAYOUT_VERSION != version)
        {
            throw invalid(path, "unsupported layout version " + version + ", this reader reads version " +
                LAYOUT_VERSION);
        }
        final int metadataLength = header.getInt(METADATA_LENGTH_OFFSET);
        final int valuesLength = header.getInt(VALUES_LENGTH_OFFSET);
        if (valuesLength <= 0 || valuesLength % CountersReader.COUNTER_LENGTH != 0 ||
            metadataLength != valuesLength / CountersReader.COUNTER_LENGTH * CountersReader.METADATA_LENGTH)
        {
            throw invalid(path, "corrupt header: metadata length " + metadataLength + ", values length " +
                valuesLength);
        }
        final long expectedLength = (long)HEADER_LENGTH + metadataLength + valuesLength;
        if (fileLength < expectedLength)
        {
            throw invalid(path, "too short: " + fileLength + " bytes, its header says " + expectedLength);
        }

        pid = header.getLong(PID_OFFSET);
        startTimeMs = header.getLong(START_TIME_MS_OFFSET);
        valuesBuffer = new UnsafeBuffer(mappedBuffer, valuesOffset(metadataLength), valuesLength);
        countersReader = new CountersReader(
            new UnsafeBuffer(mappedBuffer, HEADER_LENGTH, metadataLength), valuesBuffer, StandardCharsets.UTF_8);
    }

    /**
     * Map and validate a counters file.
     *
     * @param path the file a {@link CountersFile} created.
     * @return the reader; close it to unmap the file.
     * @throws IllegalStateException naming the file and the problem when it is missing, too short, has a bad
     *                               magic or an unsupported layout version.
     */
    public static CountersFileReader open(final Path path)
    {
        if (!Files.isRegularFile(path))
        {
            throw invalid(path, "missing (no such regular file)");
        }

        final MappedByteBuffer mappedBuffer;
        final long fileLength;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ))
        {
            fileLength = channel.size();
            if (fileLength < HEADER_LENGTH)
            {
                throw invalid(path, "too short: " + fileLength + " bytes, the header alone is " + HEADER_LENGTH);
            }
            if (fileLength > Integer.MAX_VALUE)
            {
                throw invalid(path, "too long: " + fileLength + " bytes");
            }
            mappedBuffer = channel.map(FileChannel.MapMode.READ_ONLY, 0, fileLength);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("counters file " + path + ": cannot map it", ex);
        }

        try
        {
            return new CountersFileReader(path, mappedBuffer, fileLength);
        }
        catch (final RuntimeException ex)
        {
            IoUtil.unmap(mappedBuffer);
            throw ex;
        }
    }

    /** @return the file read. */
    public Path path()
    {
        return path;
    }

    /** @return the writer's pid. */
    public long pid()
    {
        return pid;
    }

    /** @return when the writer created the file, epoch milliseconds. */
    public long startTimeMs()
    {
        return startTimeMs;
    }

    /** @return whether a process with the writer's pid is running (it could be a recycled pid). */
    public boolean isWriterAlive()
    {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** @return how many counters the file can hold. */
    public int maxCounters()
    {
        return countersReader.maxCounterId() + 1;
    }

    /**
     * Visit every allocated counter, in id order.
     *
     * @param visitor receives each counter.
     */
    public void forEach(final CounterVisitor visitor)
    {
        countersReader.forEach(
            (counterId, typeId, keyBuffer, label) -> visitor.accept(counterId, typeId, label, value(counterId)));
    }

    /**
     * @param label a counter's full label.
     * @return the id of the first allocated counter with that label, or
     * {@link CountersReader#NULL_COUNTER_ID}.
     */
    public int findCounterId(final String label)
    {
        final int maxCounterId = countersReader.maxCounterId();
        for (int counterId = 0; counterId <= maxCounterId; counterId++)
        {
            final int state = countersReader.getCounterState(counterId);
            if (CountersReader.RECORD_UNUSED == state)
            {
                break;
            }
            if (CountersReader.RECORD_ALLOCATED == state && label.equals(countersReader.getCounterLabel(counterId)))
            {
                return counterId;
            }
        }

        return CountersReader.NULL_COUNTER_ID;
    }

    /**
     * @param counterId a counter's id.
     * @return its value, read with acquire semantics.
     */
    public long value(final int counterId)
    {
        if (counterId < 0 || counterId > countersReader.maxCounterId())
        {
            throw new IllegalArgumentException("counters file " + path + ": no counter id " + counterId);
        }

        return valuesBuffer.getLongAcquire(CountersReader.counterOffset(counterId));
    }

    /**
     * Look a counter up by label and read it; a linear scan, for tests and tools rather than polling loops.
     *
     * @param label a counter's full label, e.g. {@code "parse: records in"}.
     * @return its value.
     * @throws IllegalArgumentException when no allocated counter has that label.
     */
    public long value(final String label)
    {
        final int counterId = findCounterId(label);
        if (CountersReader.NULL_COUNTER_ID == counterId)
        {
            throw new IllegalArgumentException("counters file " + path + ": no counter labelled '" + label + "'");
        }

        return value(counterId);
    }

    /** Unmap the file. Idempotent. */
    @Override
    public void close()
    {
        if (!closed)
        {
            closed = true;
            IoUtil.unmap(mappedBuffer);
        }
    }

    private static IllegalStateException invalid(final Path path, final String problem)
    {
        return new IllegalStateException("counters file " + path + ": " + problem);
    }
}
