package io.ringflow.perf.peers;

import io.ringflow.perf.nexmark.NexmarkGenerator;
import io.ringflow.perf.nexmark.NexmarkStream;

import java.io.Serializable;

/**
 * Which events a run reads: the first {@link #events()} of a {@link NexmarkStream} over one pre-generated
 * cycle of {@link NexmarkGenerator} output with the given seed and rate (4 s out of order, Nexmark's usual
 * bound). Both engines read the same events from it, in the same order (through an {@link EventArray}, or a
 * stream of their own). Serializable because the Flink source carries it into the job; a record, so that
 * {@link EventArrays} can tell two inputs apart.
 * <p>
 * Threading: immutable.
 *
 * @param seed              the generator's seed.
 * @param interEventDelayUs event-time distance between events, us (100: 10,000 events/s, the benchmarks' rate).
 * @param events            events to read.
 */
public record NexmarkInput(long seed, long interEventDelayUs, long events) implements Serializable
{
    /** The cycle the perf module's NexmarkBenchmark pre-generates: ids and times move on when it wraps. */
    public static final int MAX_CYCLE_EVENTS = 250_000;
    private static final long serialVersionUID = 1L;

    /**
     * @param seed              the generator's seed.
     * @param interEventDelayUs event-time distance between events, us; the cycle must span whole milliseconds.
     * @param events            events to read, at least 1.
     */
    public NexmarkInput
    {
        if (events < 1 || interEventDelayUs < 1 || cycleEvents(events) * interEventDelayUs % 1000 != 0)
        {
            throw new IllegalArgumentException("need at least one event and a cycle of whole milliseconds, got " +
                events + " events of " + interEventDelayUs + " us");
        }
    }

    /**
     * @param seed   the generator's seed.
     * @param events events to read.
     * @return the benchmarks' input: 10,000 events per second of event time.
     */
    public static NexmarkInput standard(final long seed, final long events)
    {
        return new NexmarkInput(seed, NexmarkGenerator.DEFAULT_INTER_EVENT_DELAY_US, events);
    }

    /** @return a fresh stream over these events (generates the cycle first: tens of milliseconds, not to be timed). */
    public NexmarkStream newStream()
    {
        return new NexmarkStream(new NexmarkGenerator(seed, interEventDelayUs, NexmarkGenerator.DEFAULT_MAX_OUT_OF_ORDER_MS,
            NexmarkGenerator.DEFAULT_FIRST_EVENT_TIME_MS), cycleEvents(events));
    }

    // A short input gets a cycle just long enough (whole proportion cycles); a long one wraps a 250k cycle.
    private static int cycleEvents(final long events)
    {
        final long denominator = NexmarkGenerator.PROPORTION_DENOMINATOR;
        return (int)Math.min(MAX_CYCLE_EVENTS, (events + denominator - 1) / denominator * denominator);
    }
}
