package io.ringflow.operators.record;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Encodes a user's record to and decodes it from an Agrona buffer: what the journal writes, what a
 * window buffering whole records stores off-heap, and what snapshots of buffered records hold.
 * <p>
 * Ringflow carries records as pre-allocated mutable objects (see docs/ARCHITECTURE.md); a codec turns
 * them into bytes only where bytes are needed. The schema id and version go into every journal
 * record header so that a journal outlives a change of the record class: a reader given a version it
 * does not know rejects it instead of misreading it.
 * <p>
 * Threading: implementations are stateless or confined to one thread; {@link #decode} must fill every
 * field of {@code into}, because {@code into} is reused.
 *
 * @param <T> record type.
 */
public interface RecordCodec<T>
{
    /** @return identifies the record type in journals; stable across releases. */
    int schemaId();

    /** @return the encoding's version; bump it whenever the byte layout changes. */
    int schemaVersion();

    /** @return an upper bound of {@link #encode}'s length, used to size buffers up front. */
    int maxEncodedLength();

    /** @return a fresh, empty record: called at set-up to pre-allocate, never per record. */
    T newInstance();

    /**
     * @param record the record.
     * @param buffer destination with at least {@link #maxEncodedLength()} bytes from {@code offset}.
     * @param offset where to write.
     * @return bytes written.
     */
    int encode(T record, MutableDirectBuffer buffer, int offset);

    /**
     * @param buffer source.
     * @param offset first byte.
     * @param length what {@link #encode} returned.
     * @param into   the record to overwrite.
     * @throws IllegalArgumentException if the bytes are not a valid encoding; the message says why.
     */
    void decode(DirectBuffer buffer, int offset, int length, T into);
}
