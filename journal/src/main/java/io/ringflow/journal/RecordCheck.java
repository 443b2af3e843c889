package io.ringflow.journal;

import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The checks a {@link FrameReader} makes on each record of an excerpt before anyone reads it — length,
 * magic, format version, payload length, CRC32C, and the stored sequence or position against the one its
 * excerpt's index and slot make — and the errors that name what failed and where: the journal's directory,
 * the entry, and for a journal of several entries an excerpt, the excerpt's index and the entry's slot.
 * <p>
 * Threading: the reader's thread.
 */
final class RecordCheck
{
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final Path directory;
    private final RecordFrame frame;
    private final EntryNumbering numbering;
    private final CRC32C crc = new CRC32C();

    RecordCheck(final Path directory, final RecordFrame frame, final EntryNumbering numbering)
    {
        this.directory = directory;
        this.frame = frame;
        this.numbering = numbering;
    }

    /**
     * The kind of journal a record belongs to, from its magic: how a reader that was not told learns it.
     *
     * @throws JournalException if the record is too short to hold a magic and header, or its magic is no
     *                          Ringflow journal's.
     */
    static RecordFrame frameOf(
        final Path directory, final UnsafeBuffer excerpt, final int excerptLength, final int start, final long excerptIndex)
    {
        final int remaining = excerptLength - start;
        if (remaining < RecordFrame.MIN_RECORD_LENGTH)
        {
            throw unknownKind(directory, excerptIndex, "truncated excerpt of " + remaining + " bytes; a journal " +
                "record has at least " + RecordFrame.MIN_RECORD_LENGTH);
        }
        final int magic = excerpt.getInt(start + RecordFrame.MAGIC_OFFSET, ORDER);
        final RecordFrame found = RecordFrame.ofMagic(magic);
        if (null == found)
        {
            throw unknownKind(directory, excerptIndex, String.format(
                "bad magic 0x%08x '%s': not a Ringflow input or output journal record", magic, RecordFrame.magicText(magic)));
        }
        return found;
    }

    /**
     * Check the record at {@code start} of an excerpt.
     *
     * @param excerpt       the excerpt's bytes from offset 0.
     * @param excerptLength how many.
     * @param start         where the record starts.
     * @param slot          its place in the excerpt, from 0.
     * @param excerptIndex  the excerpt's Chronicle index.
     * @return the record's length.
     * @throws JournalException naming the entry and what is wrong with it.
     */
    int check(final UnsafeBuffer excerpt, final int excerptLength, final int start, final int slot, final long excerptIndex)
    {
        final int remaining = excerptLength - start;
        if (remaining < frame.recordLength(0))
        {
            throw corrupt(excerptIndex, slot, (0 == start ? "truncated excerpt of " : "truncated record: ") + remaining +
                " bytes" + (0 == start ? "" : " left in the excerpt") + "; a " + frame.journalName + " record has at " +
                "least " + frame.recordLength(0));
        }
        final int magic = excerpt.getInt(start + RecordFrame.MAGIC_OFFSET, ORDER);
        if (magic != frame.magic)
        {
            throw wrongMagic(excerptIndex, slot, magic);
        }
        final int formatVersion = excerpt.getInt(start + RecordFrame.FORMAT_VERSION_OFFSET, ORDER);
        if (formatVersion < frame.minFormatVersion || formatVersion > frame.formatVersion)
        {
            throw corrupt(excerptIndex, slot, "record format version " + formatVersion + "; this build reads versions " +
                frame.minFormatVersion + ".." + frame.formatVersion + (formatVersion >= 1 && formatVersion < frame.minFormatVersion ?
                " (an older Ringflow wrote it: its " + frame.indexName + "s number excerpts, not records, so it is " +
                "refused rather than misnumbered; read it with the release that wrote it)" : ""));
        }
        final int payloadLength = excerpt.getInt(start + frame.payloadLengthOffset, ORDER);
        final long length = frame.plausibleRecordLength(payloadLength, remaining);
        final boolean lastSlot = slot == numbering.slotsPerExcerpt() - 1;
        if (length < 0 || (lastSlot && length != remaining))
        {
            throw corrupt(excerptIndex, slot, "truncated or overlong " + (0 == start ? "excerpt" : "record") +
                ": header declares a payload of " + payloadLength + " bytes (record of " +
                ((long)frame.recordLength(0) + payloadLength) + ") but the excerpt holds " + remaining + " bytes" +
                (0 == start ? "" : " from this record on") +
                (frame.slotBits > 0 && lastSlot && length >= 0 ? ", more than its last slot" : ""));
        }
        final int crcOffset = start + frame.crcOffset(payloadLength);
        crc.reset();
        crc.update(excerpt.byteArray(), start, crcOffset - start);
        final int computed = (int)crc.getValue();
        final int stored = excerpt.getInt(crcOffset, ORDER);
        if (computed != stored)
        {
            throw corrupt(excerptIndex, slot, String.format("checksum mismatch: stored CRC32C 0x%08x, computed 0x%08x",
                stored, computed));
        }
        final long storedIndex = excerpt.getLong(start + frame.indexOffset, ORDER);
        final long index = numbering.sequence(excerptIndex, slot);
        if (storedIndex != index)
        {
            throw corrupt(excerptIndex, slot, "record claims " + frame.indexName + " " + storedIndex +
                ": copied from another journal or position");
        }
        return (int)length;
    }

    /**
     * @param index an entry's sequence or position.
     * @param what  what is wrong with it.
     * @param cause what found it, or null.
     * @return the error, naming the journal and the entry.
     */
    JournalException corrupt(final long index, final String what, final Throwable cause)
    {
        return new JournalException("corrupt " + frame.journalName + " " + directory + " at " + frame.indexName + " " +
            index + " (0x" + Long.toHexString(index) + "): " + what, cause);
    }

    private JournalException wrongMagic(final long excerptAt, final int slot, final int magic)
    {
        final RecordFrame found = RecordFrame.ofMagic(magic);
        if (found != null)
        {
            return new JournalException("journal " + directory + " at index " + excerptAt + " (0x" +
                Long.toHexString(excerptAt) + ")" + (0 == slot ? "" : ", record " + slot + ",") + " holds an " +
                found.kind + " journal record (magic '" + RecordFrame.magicText(magic) + "'): this is an " + found.kind +
                " journal, not an " + frame.kind + " journal; read it with " + found.readerName);
        }
        return corrupt(excerptAt, slot, String.format(
            "bad magic 0x%08x '%s' (expected 0x%08x '%s'): not a Ringflow %s record",
            magic, RecordFrame.magicText(magic), frame.magic, RecordFrame.magicText(frame.magic), frame.journalName));
    }

    /** A corrupt record, found by the excerpt that holds it and its slot there. */
    private JournalException corrupt(final long excerptAt, final int slot, final String what)
    {
        return new JournalException("corrupt " + frame.journalName + " " + directory + " at " + where(excerptAt, slot) +
            ": " + what);
    }

    private String where(final long excerptAt, final int slot)
    {
        if (0 == frame.slotBits)
        {
            return frame.indexName + " " + excerptAt + " (0x" + Long.toHexString(excerptAt) + ")";
        }
        final long sequence = numbering.sequence(excerptAt, slot);
        return frame.indexName + " " + sequence + " (0x" + Long.toHexString(sequence) + "; record " + slot +
            " of the excerpt at index " + excerptAt + ")";
    }

    private static JournalException unknownKind(final Path directory, final long excerptAt, final String what)
    {
        return new JournalException("corrupt journal " + directory + " at index " + excerptAt + " (0x" +
            Long.toHexString(excerptAt) + "): " + what);
    }
}
