package io.ringflow.replay.cli;

import io.ringflow.journal.durable.PipelineDefinition;

/**
 * How {@code ringflow diff} names the state of the key involved in the first divergent output: the operator
 * state of that key just before the input sequence that produced the output. {@link TimeTravelInspector}
 * finds it when {@code diff} is given the input journal; without it, {@link #NOT_BUILT} says what to give.
 * <p>
 * Threading: called once per {@code diff}, on the thread that runs it.
 */
@FunctionalInterface
public interface KeyStateInspector
{
    /** Says that the state cannot be named without the input journal, and what to give. */
    KeyStateInspector NOT_BUILT = (pipeline, inputSequence, hasKey, key) ->
        "not available: give --input <journal> (and --checkpoints <dir>) with --pipeline to find it by time " +
        "travel to input sequence " + inputSequence;

    /**
     * @param pipeline      the pipeline given with {@code --pipeline}, or null if none was.
     * @param inputSequence the input sequence that produced the first divergent output.
     * @param hasKey        whether {@code key} is known (a pipeline with an {@code outputKey()} was given).
     * @param key           the output's key, when {@code hasKey}.
     * @return the state of the key before {@code inputSequence}, as text for a person; it may span lines.
     */
    String stateBefore(PipelineDefinition<?, ?> pipeline, long inputSequence, boolean hasKey, long key);
}
