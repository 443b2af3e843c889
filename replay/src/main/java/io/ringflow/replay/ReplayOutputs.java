package io.ringflow.replay;

import io.ringflow.journal.OutputJournalEntry;
import io.ringflow.journal.OutputJournalReader;
import io.ringflow.operators.KeySelector;
import io.ringflow.operators.record.RecordCodec;
import io.ringflow.pipeline.SequencedSink;
import org.agrona.ExpandableArrayBuffer;

import java.util.List;

/**
 * Where a replay's outputs go: to the user's sink once the replay has passed its start (outputs of
 * inputs before it only rebuild state and are dropped), and, when a recorded output journal is being
 * verified, compared entry by entry with it. The first difference is kept, not thrown, so that the
 * session can stop between records and describe the state of the key involved.
 * <p>
 * Threading: the replaying thread (the pipeline runs stepped).
 *
 * @param <O> output record type.
 */
final class ReplayOutputs<O> implements SequencedSink<O>
{
    private final SequencedSink<O> user;
    private final long fromSequence;
    private final RecordCodec<O> codec;
    private final OutputJournalReader<O> recorded;
    private final OutputJournalEntry<O> entry;
    private final ExpandableArrayBuffer replayedBytes = new ExpandableArrayBuffer(256);
    private final ExpandableArrayBuffer recordedBytes = new ExpandableArrayBuffer(256);
    private final KeySelector<O> outputKey;
    private Divergence divergence;
    private long divergentKey;
    private long delivered;
    private long verified;

    /**
     * @param user         receives outputs from {@code fromSequence} on, or null.
     * @param fromSequence the first input sequence whose outputs are delivered.
     * @param codec        encodes outputs, to compare them with the recording.
     * @param recorded     the recorded output journal, positioned at the first output to compare, or null.
     * @param outputKey    the key of an output, to describe its state at a divergence; or null.
     */
    ReplayOutputs(
        final SequencedSink<O> user,
        final long fromSequence,
        final RecordCodec<O> codec,
        final OutputJournalReader<O> recorded,
        final KeySelector<O> outputKey)
    {
        this.outputKey = outputKey;
        this.user = user;
        this.fromSequence = fromSequence;
        this.codec = codec;
        this.recorded = recorded;
        this.entry = null == recorded ? null : recorded.newEntry();
    }

    @Override
    public void onRecord(final O record, final long timestamp, final long inputSequence, final int ordinal)
    {
        if (null != recorded && null == divergence)
        {
            verify(record, timestamp, inputSequence, ordinal);
        }
        if (inputSequence >= fromSequence && null != user)
        {
            delivered++;
            user.onRecord(record, timestamp, inputSequence, ordinal);
        }
    }

    private void verify(final O record, final long timestamp, final long inputSequence, final int ordinal)
    {
        if (!recorded.next(entry))
        {
            diverged(record, -1, timestamp, inputSequence, ordinal, "nothing: the recording ends before this output");
            return;
        }
        final int replayedLength = codec.encode(record, replayedBytes, 0);
        final int recordedLength = codec.encode(entry.record(), recordedBytes, 0);
        if (entry.inputSequence() != inputSequence || entry.ordinal() != ordinal || entry.timestamp() != timestamp ||
            replayedLength != recordedLength || !equalRange(replayedLength))
        {
            diverged(record, entry.position(), timestamp, inputSequence, ordinal, "input sequence " + entry.inputSequence() +
                ", ordinal " + entry.ordinal() + ", t=" + entry.timestamp() + ": " + entry.record());
            return;
        }
        verified++;
    }

    private boolean equalRange(final int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (replayedBytes.getByte(i) != recordedBytes.getByte(i))
            {
                return false;
            }
        }
        return true;
    }

    private void diverged(
        final O record, final long position, final long timestamp, final long inputSequence, final int ordinal,
        final String recordedText)
    {
        divergentKey = null == outputKey ? 0 : outputKey.key(record);
        divergence = new Divergence(position, inputSequence, ordinal, "t=" + timestamp + ": " + record, recordedText,
            List.of());
    }

    /**
     * After the replay's last output: a recording that holds more outputs diverges too.
     */
    void checkRecordingExhausted()
    {
        if (null != recorded && null == divergence && recorded.next(entry))
        {
            divergence = new Divergence(entry.position(), entry.inputSequence(), entry.ordinal(),
                "nothing: the replay ended", "t=" + entry.timestamp() + ": " + entry.record(), List.of());
        }
    }

    @Override
    public void onEndOfBatch()
    {
        if (null != user)
        {
            user.onEndOfBatch();
        }
    }

    @Override
    public void onEndOfStream()
    {
        if (null != user)
        {
            user.onEndOfStream();
        }
    }

    Divergence divergence()
    {
        return divergence;
    }

    /** @return whether the divergent output has a key to describe. */
    boolean hasDivergentKey()
    {
        return null != outputKey && null != divergence && !divergence.replayed().startsWith("nothing");
    }

    long divergentKey()
    {
        return divergentKey;
    }

    void divergence(final Divergence withState)
    {
        this.divergence = withState;
    }

    long delivered()
    {
        return delivered;
    }

    long verified()
    {
        return verified;
    }
}
