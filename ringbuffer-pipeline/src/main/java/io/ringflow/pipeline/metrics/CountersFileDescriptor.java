package io.ringflow.pipeline.metrics;

import org.agrona.concurrent.status.CountersReader;

/**
 * Layout of a counters file: a fixed header, then the Agrona counters metadata buffer, then the values
 * buffer. All fields are in native byte order (little-endian on x86 and ARM64), the order Agrona's
 * {@code UnsafeBuffer} uses, so a file is read on the machine that wrote it.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                     magic (written last)                      |  0
 *  +---------------------------------------------------------------+
 *  |                        layout version                         |  4
 *  +---------------------------------------------------------------+
 *  |                      pid of the writer                        |  8
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                  start time, epoch milliseconds               | 16
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                   metadata buffer length                      | 24
 *  +---------------------------------------------------------------+
 *  |                    values buffer length                       | 28
 *  +---------------------------------------------------------------+
 *  |                  padding to HEADER_LENGTH ...                 | 32
 *  +---------------------------------------------------------------+
 *  |     metadata buffer: METADATA_LENGTH bytes per counter ...    | 128
 *  +---------------------------------------------------------------+
 *  |      values buffer: COUNTER_LENGTH bytes per counter ...      | 128 + metadata length
 *  +---------------------------------------------------------------+
 * </pre>
 * The writer fills the header and then stores the magic with release semantics, so a reader that sees the
 * magic sees a complete header. Labels are UTF-8.
 * <p>
 * Threading: constants and pure functions only; safe from any thread.
 */
public final class CountersFileDescriptor
{
    /** "RFCT" read as a little-endian int: identifies a Ringflow counters file. */
    public static final int MAGIC = 0x54434652;

    /** Layout version; a reader refuses any other. Bump it on any change to this layout. */
    public static final int LAYOUT_VERSION = 1;

    /** Offset of {@link #MAGIC}. */
    public static final int MAGIC_OFFSET = 0;

    /** Offset of the layout version int. */
    public static final int LAYOUT_VERSION_OFFSET = 4;

    /** Offset of the writer's pid, a long. */
    public static final int PID_OFFSET = 8;

    /** Offset of the writer's start time in epoch milliseconds, a long. */
    public static final int START_TIME_MS_OFFSET = 16;

    /** Offset of the metadata buffer length int. */
    public static final int METADATA_LENGTH_OFFSET = 24;

    /** Offset of the values buffer length int. */
    public static final int VALUES_LENGTH_OFFSET = 28;

    /** Header length: two cache lines, so the metadata buffer does not share one with the header. */
    public static final int HEADER_LENGTH = 128;

    /** Largest number of counters one file may hold; keeps the file length within an int. */
    public static final int MAX_COUNTERS = (Integer.MAX_VALUE - HEADER_LENGTH) /
        (CountersReader.METADATA_LENGTH + CountersReader.COUNTER_LENGTH);

    private CountersFileDescriptor()
    {
    }

    /**
     * @param maxCounters counters the file must hold.
     * @return length in bytes of the metadata buffer.
     */
    public static int metadataLength(final int maxCounters)
    {
        return validate(maxCounters) * CountersReader.METADATA_LENGTH;
    }

    /**
     * @param maxCounters counters the file must hold.
     * @return length in bytes of the values buffer.
     */
    public static int valuesLength(final int maxCounters)
    {
        return validate(maxCounters) * CountersReader.COUNTER_LENGTH;
    }

    /**
     * @param maxCounters counters the file must hold.
     * @return length in bytes of the whole file.
     */
    public static int fileLength(final int maxCounters)
    {
        return HEADER_LENGTH + metadataLength(maxCounters) + valuesLength(maxCounters);
    }

    /**
     * @param metadataLength length of the metadata buffer.
     * @return offset of the values buffer.
     */
    public static int valuesOffset(final int metadataLength)
    {
        return HEADER_LENGTH + metadataLength;
    }

    private static int validate(final int maxCounters)
    {
        if (maxCounters < 1 || maxCounters > MAX_COUNTERS)
        {
            throw new IllegalArgumentException(
                "maxCounters must be in [1, " + MAX_COUNTERS + "], was " + maxCounters);
        }

        return maxCounters;
    }
}
