package io.ringflow.replay.cli;

import io.ringflow.journal.durable.PipelineDefinition;
import io.ringflow.replay.ReplaySession;

import java.nio.file.Path;
import java.util.List;

/**
 * Names the state of a diverging key by time travel: restore the newest checkpoint before the input that
 * produced the divergent output, replay up to just before that input, and describe the key in every stage.
 * <p>
 * Threading: the command's thread.
 */
final class TimeTravelInspector implements KeyStateInspector
{
    private final Path input;
    private final Path checkpoints;

    TimeTravelInspector(final Path input, final Path checkpoints)
    {
        this.input = input;
        this.checkpoints = checkpoints;
    }

    @Override
    public String stateBefore(
        final PipelineDefinition<?, ?> pipeline, final long inputSequence, final boolean hasKey, final long key)
    {
        if (null == pipeline || !hasKey)
        {
            return "not available: give --pipeline with a pipeline whose outputKey() names the key";
        }
        final List<String> lines = describe(pipeline, inputSequence, key);
        return lines.isEmpty() ? "no state in any stage" : String.join(System.lineSeparator() + "    ", lines);
    }

    private <I, O> List<String> describe(final PipelineDefinition<I, O> pipeline, final long inputSequence, final long key)
    {
        final ReplaySession.Builder<I, O> builder = ReplaySession.builder(pipeline, input).fromSequence(inputSequence);
        if (null != checkpoints)
        {
            builder.checkpoints(checkpoints);
        }
        try (ReplaySession<I, O> session = builder.open())
        {
            session.runUntil((record, sequence, timestamp) -> sequence >= inputSequence);
            return session.describeKey(key);
        }
    }
}
