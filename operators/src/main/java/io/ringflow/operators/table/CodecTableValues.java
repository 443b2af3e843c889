package io.ringflow.operators.table;

import io.ringflow.operators.KeySelector;
import io.ringflow.operators.record.RecordCodec;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * A changelog whose records are the table values, stored through their {@link RecordCodec}: each version
 * reserves {@code 4 + maxEncodedLength} bytes (the encoded length, then the encoding), and a lookup
 * decodes the whole record into one reused instance. Simple where a codec exists; a hand-written
 * {@link ChangelogReader} and flyweight {@link TableValueDecoder} store less and decode only what the join
 * reads.
 * <pre>{@code
 * CodecTableValues<Profile> profiles = new CodecTableValues<>(Profile::cardId, Profile::closed, PROFILE_CODEC);
 * TableJoinOperator.builder("profiles", Payment::cardId, profiles).build(profiles, Enrich::join, Enriched::new);
 * }</pre>
 * Threading: the operator's.
 *
 * @param <C> changelog record and table value type.
 */
public final class CodecTableValues<C> implements ChangelogReader<C>, TableValueDecoder<C>
{
    private final KeySelector<C> key;
    private final Predicate<C> isDelete;
    private final RecordCodec<C> codec;

    /**
     * @param key      the table key of a record.
     * @param isDelete whether a record deletes its key; must not allocate.
     * @param codec    encodes the records.
     */
    public CodecTableValues(final KeySelector<C> key, final Predicate<C> isDelete, final RecordCodec<C> codec)
    {
        this.key = Objects.requireNonNull(key, "key");
        this.isDelete = Objects.requireNonNull(isDelete, "isDelete");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    @Override
    public long key(final C record)
    {
        return key.key(record);
    }

    @Override
    public boolean isDelete(final C record)
    {
        return isDelete.test(record);
    }

    @Override
    public int valueBytes()
    {
        return Integer.BYTES + codec.maxEncodedLength();
    }

    @Override
    public void encodeValue(final C record, final MutableDirectBuffer buffer, final int offset)
    {
        buffer.putInt(offset, codec.encode(record, buffer, offset + Integer.BYTES));
    }

    @Override
    public C newInstance()
    {
        return codec.newInstance();
    }

    @Override
    public void decode(final DirectBuffer buffer, final int offset, final C into)
    {
        codec.decode(buffer, offset + Integer.BYTES, buffer.getInt(offset), into);
    }
}
