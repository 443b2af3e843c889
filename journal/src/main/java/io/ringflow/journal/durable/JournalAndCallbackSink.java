package io.ringflow.journal.durable;

import io.ringflow.journal.OutputJournalSink;
import io.ringflow.pipeline.SequencedSink;

/**
 * The output journal first, then the user's callback: the callback sees every output with its
 * idempotency key once the journal has it in its batch (appended at the end of the stage's batch, see
 * {@link OutputJournalSink}), and after a recovery it sees again the outputs regenerated since the
 * checkpoint (at-least-once), which include any batch a crash kept from the journal. A callback that remembers the highest key it applied turns that into exactly-once
 * effects; the key grows in (input sequence, ordinal) order.
 * <p>
 * Threading: the last stage's thread.
 *
 * @param <T> output record type.
 */
final class JournalAndCallbackSink<T> implements SequencedSink<T>
{
    private final OutputJournalSink<T> journal;
    private final SequencedSink<T> callback;

    JournalAndCallbackSink(final OutputJournalSink<T> journal, final SequencedSink<T> callback)
    {
        this.journal = journal;
        this.callback = callback;
    }

    @Override
    public void onRecord(final T record, final long timestamp, final long inputSequence, final int ordinal)
    {
        journal.onRecord(record, timestamp, inputSequence, ordinal);
        callback.onRecord(record, timestamp, inputSequence, ordinal);
    }

    @Override
    public void onEndOfBatch()
    {
        journal.onEndOfBatch();
        callback.onEndOfBatch();
    }

    @Override
    public void onEndOfStream()
    {
        journal.onEndOfStream();
        callback.onEndOfStream();
    }
}
