package io.ringflow.journal;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;

/**
 * One entry of either kind of journal as {@link RawJournalReader} read it: its header fields and its payload
 * bytes, undecoded. A mutable holder, overwritten by every {@link RawJournalReader#next(RawJournalEntry)};
 * the payload is a view of the reader's buffer, so it too is only valid until the reader's next call.
 * <p>
 * Which fields mean something depends on {@link #kind()}: an input journal entry has a type, an ingest time
 * and no idempotency key ({@link #inputSequence()} and {@link #ordinal()} read -1); an output journal entry
 * is always a record, has an idempotency key and no ingest time ({@link #ingestTimeNs()} reads 0).
 * <p>
 * Threading: confined to the reader's thread.
 */
public final class RawJournalEntry
{
    private JournalKind kind;
    private long index;
    private int formatVersion;
    private int type;
    private int schemaId;
    private int schemaVersion;
    private long ingestTimeNs;
    private long timestamp;
    private long inputSequence;
    private int ordinal;
    private UnsafeBuffer buffer;
    private int payloadOffset;
    private int payloadLength;

    /** @return the kind of journal the entry was read from. */
    public JournalKind kind()
    {
        return kind;
    }

    /** @return the entry's Chronicle index: its sequence in an input journal, its position in an output one. */
    public long index()
    {
        return index;
    }

    /** @return the record format version the entry was written in. */
    public int formatVersion()
    {
        return formatVersion;
    }

    /**
     * @return one of the {@code JournalRecordDescriptor.TYPE_*} constants; always {@code TYPE_RECORD} in an
     * output journal. Not checked: an unknown type is returned as it is.
     */
    public int type()
    {
        return type;
    }

    /** @return true if the entry is a user record rather than a control record. */
    public boolean isRecord()
    {
        return JournalRecordDescriptor.TYPE_RECORD == type;
    }

    /** @return the schema id the payload was encoded with; 0 for control records. */
    public int schemaId()
    {
        return schemaId;
    }

    /** @return the schema version the payload was encoded with; 0 for control records. */
    public int schemaVersion()
    {
        return schemaVersion;
    }

    /** @return input journal: when the ingress accepted the entry, epoch nanoseconds; output journal: 0. */
    public long ingestTimeNs()
    {
        return ingestTimeNs;
    }

    /**
     * @return the event time of a record; the watermark, the processing time or 0 of an input journal's
     * control records (see {@link JournalEntry#timestamp()}).
     */
    public long timestamp()
    {
        return timestamp;
    }

    /** @return output journal: the input sequence that caused the output; input journal: -1. */
    public long inputSequence()
    {
        return inputSequence;
    }

    /** @return output journal: the output's place among its input's outputs; input journal: -1. */
    public int ordinal()
    {
        return ordinal;
    }

    /** @return the buffer the payload lies in, from {@link #payloadOffset()}; the reader's, reused. */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    /** @return where the payload starts in {@link #buffer()}. */
    public int payloadOffset()
    {
        return payloadOffset;
    }

    /** @return the payload's length in bytes; 0 for control records. */
    public int payloadLength()
    {
        return payloadLength;
    }

    /**
     * @param other an entry read by another reader.
     * @return true if both payloads are the same bytes.
     */
    public boolean payloadEquals(final RawJournalEntry other)
    {
        // the buffers are views of the readers' excerpt buffers: their arrays start at an adjustment
        final int from = buffer.wrapAdjustment() + payloadOffset;
        final int otherFrom = other.buffer.wrapAdjustment() + other.payloadOffset;
        return payloadLength == other.payloadLength && Arrays.equals(
            buffer.byteArray(), from, from + payloadLength, other.buffer.byteArray(), otherFrom, otherFrom + payloadLength);
    }

    void setInput(
        final long index,
        final int formatVersion,
        final int type,
        final int schemaId,
        final int schemaVersion,
        final long ingestTimeNs,
        final long timestamp)
    {
        this.kind = JournalKind.INPUT;
        this.index = index;
        this.formatVersion = formatVersion;
        this.type = type;
        this.schemaId = schemaId;
        this.schemaVersion = schemaVersion;
        this.ingestTimeNs = ingestTimeNs;
        this.timestamp = timestamp;
        this.inputSequence = -1;
        this.ordinal = -1;
    }

    void setOutput(
        final long index,
        final int formatVersion,
        final int schemaId,
        final int schemaVersion,
        final long timestamp,
        final long inputSequence,
        final int ordinal)
    {
        this.kind = JournalKind.OUTPUT;
        this.index = index;
        this.formatVersion = formatVersion;
        this.type = JournalRecordDescriptor.TYPE_RECORD;
        this.schemaId = schemaId;
        this.schemaVersion = schemaVersion;
        this.ingestTimeNs = 0;
        this.timestamp = timestamp;
        this.inputSequence = inputSequence;
        this.ordinal = ordinal;
    }

    void payload(final UnsafeBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.payloadOffset = offset;
        this.payloadLength = length;
    }

    @Override
    public String toString()
    {
        return "RawJournalEntry{" + kind + ' ' + index + ", " + JournalRecordDescriptor.typeName(type) +
            ", schema " + schemaId + " v" + schemaVersion + ", timestamp " + timestamp + ", payload " +
            payloadLength + " bytes}";
    }
}
