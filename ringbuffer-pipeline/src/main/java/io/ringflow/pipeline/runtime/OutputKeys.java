package io.ringflow.pipeline.runtime;

/**
 * Numbers the outputs of each input at one sink: the ordinal half of a {@code SequencedSink} key.
 * Outputs of one input reach a sink of a chain contiguously, so a counter reset whenever the input
 * sequence changes is enough; no state survives a checkpoint, since a barrier never falls between two
 * outputs of one input.
 * <p>
 * Threading: the sink's stage thread.
 */
final class OutputKeys
{
    private long sequence = Long.MIN_VALUE;
    private int ordinal;

    /**
     * @param inputSequence the sequence of the input the next output descends from.
     * @return that output's ordinal.
     */
    int next(final long inputSequence)
    {
        if (inputSequence != sequence)
        {
            sequence = inputSequence;
            ordinal = 0;
            return 0;
        }
        return ++ordinal;
    }
}
