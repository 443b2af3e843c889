package io.ringflow.replay.cli;

import io.ringflow.journal.RawJournalEntry;
import io.ringflow.operators.Timestamps;
import org.agrona.DirectBuffer;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Small renderings every command shares, so that a value reads the same wherever it appears.
 * <p>
 * Threading: stateless.
 */
final class Formats
{
    private static final DateTimeFormatter NANOS_UTC =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Formats()
    {
    }

    /**
     * @param epochNs epoch nanoseconds.
     * @return ISO-8601 in UTC with all nine fraction digits, e.g. {@code 2024-01-02T03:04:05.000000006Z}.
     */
    static String instant(final long epochNs)
    {
        return NANOS_UTC.format(Instant.ofEpochSecond(Math.floorDiv(epochNs, 1_000_000_000L),
            Math.floorMod(epochNs, 1_000_000_000L)));
    }

    /**
     * @param timestamp an event timestamp.
     * @return it in decimal, "none" for {@link Timestamps#NO_TIMESTAMP}, "end" for the end-of-stream
     *         watermark {@link Timestamps#END_OF_STREAM}.
     */
    static String timestamp(final long timestamp)
    {
        if (Timestamps.NO_TIMESTAMP == timestamp)
        {
            return "none";
        }
        return Timestamps.END_OF_STREAM == timestamp ? "end" : Long.toString(timestamp);
    }

    /**
     * @param entry an entry.
     * @return its payload as lower-case hex, two digits a byte, no separators.
     */
    static String payloadHex(final RawJournalEntry entry)
    {
        final DirectBuffer buffer = entry.buffer();
        final int offset = entry.payloadOffset();
        final char[] text = new char[entry.payloadLength() * 2];
        for (int i = 0; i < entry.payloadLength(); i++)
        {
            final int b = buffer.getByte(offset + i) & 0xFF;
            text[2 * i] = HEX[b >>> 4];
            text[2 * i + 1] = HEX[b & 0xF];
        }
        return new String(text);
    }

    /**
     * @param entry an entry.
     * @return "schema id N version V".
     */
    static String schema(final RawJournalEntry entry)
    {
        return "schema id " + entry.schemaId() + " version " + entry.schemaVersion();
    }

    /**
     * @param text  a cell.
     * @param width the column's width.
     * @return the cell padded with spaces to the width, plus one space; never cut.
     */
    static String cell(final String text, final int width)
    {
        final StringBuilder cell = new StringBuilder(Math.max(width, text.length()) + 1).append(text);
        while (cell.length() < width)
        {
            cell.append(' ');
        }
        return cell.append(' ').toString();
    }
}
