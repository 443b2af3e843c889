package io.ringflow.journal.durable;

import io.ringflow.pipeline.SequencedSink;
import io.ringflow.pipeline.runtime.CheckpointListener;
import org.agrona.DirectBuffer;

/**
 * The fast mode's gates: an output goes to the sink, and a checkpoint is committed, only once the input
 * it derives from is in the input journal. Otherwise a crash could leave an output (or a checkpoint) of a
 * record that recovery never sees.
 * <p>
 * Threading: as the sink and listener they wrap.
 */
final class JournaledOutputs
{
    private JournaledOutputs()
    {
    }

    static <O> SequencedSink<O> sink(final SequencedSink<O> sink, final JournalProgress progress)
    {
        return new SequencedSink<>()
        {
            @Override
            public void onRecord(final O record, final long timestamp, final long inputSequence, final int ordinal)
            {
                progress.await(inputSequence);
                sink.onRecord(record, timestamp, inputSequence, ordinal);
            }

            @Override
            public void onEndOfBatch()
            {
                sink.onEndOfBatch();
            }

            @Override
            public void onEndOfStream()
            {
                sink.onEndOfStream();
            }
        };
    }

    static CheckpointListener checkpoints(final CheckpointListener listener, final JournalProgress progress)
    {
        return new CheckpointListener()
        {
            @Override
            public void onStageSnapshot(final long checkpointId, final String stageName, final DirectBuffer state, final int length)
            {
                listener.onStageSnapshot(checkpointId, stageName, state, length);
            }

            @Override
            public void onBarrierAtSink(final long checkpointId, final long inputSequence)
            {
                progress.await(inputSequence);
                listener.onBarrierAtSink(checkpointId, inputSequence);
            }
        };
    }
}
