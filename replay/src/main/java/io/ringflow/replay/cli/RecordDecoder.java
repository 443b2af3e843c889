package io.ringflow.replay.cli;

import io.ringflow.journal.JournalKind;
import io.ringflow.journal.RawJournalEntry;
import io.ringflow.journal.RawJournalReader;
import io.ringflow.journal.durable.PipelineDefinition;
import io.ringflow.operators.KeySelector;
import io.ringflow.operators.record.RecordCodec;

/**
 * Decodes the records of one kind of journal with a pipeline's codec, into one reused instance, and
 * extracts their key with the pipeline's key selector for that side: {@code inputCodec()} and
 * {@code inputKey()} for an input journal, {@code outputCodec()} and {@code outputKey()} for an output one.
 * <p>
 * Threading: confined to one command's thread.
 *
 * @param <T> record type.
 */
final class RecordDecoder<T>
{
    private final RecordCodec<T> codec;
    private final KeySelector<T> keySelector;
    private final T record;

    private RecordDecoder(final RecordCodec<T> codec, final KeySelector<T> keySelector)
    {
        this.codec = codec;
        this.keySelector = keySelector;
        this.record = codec.newInstance();
    }

    /**
     * @param pipeline the pipeline.
     * @param kind     the kind of journal to decode.
     * @return a decoder with the pipeline's codec and key for that kind.
     */
    static RecordDecoder<?> of(final PipelineDefinition<?, ?> pipeline, final JournalKind kind)
    {
        return JournalKind.INPUT == kind ? input(pipeline) : output(pipeline);
    }

    private static <I> RecordDecoder<I> input(final PipelineDefinition<I, ?> pipeline)
    {
        return new RecordDecoder<>(pipeline.inputCodec(), pipeline.inputKey());
    }

    private static <O> RecordDecoder<O> output(final PipelineDefinition<?, O> pipeline)
    {
        return new RecordDecoder<>(pipeline.outputCodec(), pipeline.outputKey());
    }

    /**
     * Decode the record the reader read last; the schema is checked against the codec's.
     *
     * @param reader positioned just after a record.
     * @return the decoded record, reused by the next call.
     * @throws io.ringflow.journal.JournalException if the record is of another schema or does not decode.
     */
    T decode(final RawJournalReader reader)
    {
        reader.decode(codec, record);
        return record;
    }

    /** @return whether the pipeline defines a key for this side. */
    boolean hasKey()
    {
        return null != keySelector;
    }

    /** @return the key of the record decoded last; only if {@link #hasKey()}. */
    long key()
    {
        return keySelector.key(record);
    }

    /**
     * @param entry an entry read.
     * @return true if its schema is the one the codec reads.
     */
    boolean readsSchemaOf(final RawJournalEntry entry)
    {
        return entry.schemaId() == codec.schemaId() && entry.schemaVersion() == codec.schemaVersion();
    }

    /** @return "schema id N version V", the codec's, for messages. */
    String schema()
    {
        return "schema id " + codec.schemaId() + " version " + codec.schemaVersion();
    }
}
