package io.ringflow.operators.table;

import org.agrona.MutableDirectBuffer;

/**
 * How a {@link TableJoinOperator} reads its changelog: which key a record upserts or deletes, and how
 * the table value it carries is written into the table's fixed-width off-heap slot.
 * <p>
 * <b>Why a fixed width.</b> A key's versions sit side by side in one hash-table slot, so a lookup is one
 * probe and a scan of a cache line or two, and evicting the oldest version is a move within the slot;
 * the join function reads the value from there through a {@link TableValueDecoder}, typically a flyweight
 * that decodes only the fields it is asked for. Variable-length values would need a block chain per
 * version, one more cache miss per lookup, and a full decode. A value with a {@link
 * io.ringflow.operators.record.RecordCodec} fits through {@link CodecTableValues}, at the cost of
 * reserving its {@code maxEncodedLength} per version.
 * <p>
 * Threading: called on the operator's thread; must be deterministic and allocation-free.
 *
 * @param <C> changelog record type.
 */
public interface ChangelogReader<C>
{
    /**
     * @param record a changelog record.
     * @return the table key it upserts or deletes (see {@link io.ringflow.operators.KeySelector} for keys).
     */
    long key(C record);

    /**
     * @param record a changelog record.
     * @return true if it deletes its key, false if it upserts it.
     */
    boolean isDelete(C record);

    /** @return the width of a stored value in bytes; fixed for the operator's lifetime and its snapshots. */
    int valueBytes();

    /**
     * Write the table value an upsert carries. Not called for deletes.
     *
     * @param record an upsert.
     * @param buffer destination; {@link #valueBytes()} zero-filled bytes from {@code offset} are the value's.
     * @param offset where to write.
     */
    void encodeValue(C record, MutableDirectBuffer buffer, int offset);
}
