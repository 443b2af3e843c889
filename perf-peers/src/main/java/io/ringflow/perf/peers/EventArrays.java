package io.ringflow.perf.peers;

/**
 * Where a Flink source finds its run's {@link EventArray}: the measuring JVM builds it before any timed run,
 * and the source, running in the same JVM (local execution), takes the same instance, so Flink's timed
 * section does not generate events any more than Ringflow's does. A source in another JVM (a remote task
 * manager) finds nothing here and builds its own from the {@link NexmarkInput}, which gives the same events,
 * only slower. One array is kept at a time: asking for another input replaces it.
 * <p>
 * Threading: thread-safe (the measuring thread and Flink's source thread both ask).
 */
final class EventArrays
{
    private static NexmarkInput heldInput;
    private static EventArray held;

    private EventArrays()
    {
    }

    /**
     * @param input the events.
     * @return the array of these events, built now if it is not the one held.
     */
    static synchronized EventArray of(final NexmarkInput input)
    {
        if (!input.equals(heldInput))
        {
            held = null;    // let the old one go before allocating the new one
            held = new EventArray(input);
            heldInput = input;
        }
        return held;
    }
}
