package io.ringflow.replay.cli;

import io.ringflow.journal.durable.PipelineDefinition;

/**
 * The extension point through which {@code ringflow diff} names the state of the key involved in the first
 * divergent output: the operator state of that key just before the input sequence that produced the output.
 * Finding it takes time travel (restore the nearest checkpoint before the sequence, replay the input journal
 * up to it), which belongs to the replay API in {@code io.ringflow.replay} and is not built yet; until it is,
 * {@link #NOT_BUILT} says so and {@code diff --help} says so too. Plug an implementation in with
 * {@link RingflowCli#run(String[], java.io.PrintStream, java.io.PrintStream, KeyStateInspector)}.
 * <p>
 * Threading: called once per {@code diff}, on the thread that runs it.
 */
@FunctionalInterface
public interface KeyStateInspector
{
    /** Says that the state cannot be named yet, and why; names nothing it does not know. */
    KeyStateInspector NOT_BUILT = (pipeline, inputSequence, hasKey, key) ->
        "not available: naming it needs time travel (restore the checkpoint before input sequence " + inputSequence +
        " and replay up to it), which is not built yet (issue 5, io.ringflow.replay)";

    /**
     * @param pipeline      the pipeline given with {@code --pipeline}, or null if none was.
     * @param inputSequence the input sequence that produced the first divergent output.
     * @param hasKey        whether {@code key} is known (a pipeline with an {@code outputKey()} was given).
     * @param key           the output's key, when {@code hasKey}.
     * @return the state of the key before {@code inputSequence}, as text for a person; it may span lines.
     */
    String stateBefore(PipelineDefinition<?, ?> pipeline, long inputSequence, boolean hasKey, long key);
}
