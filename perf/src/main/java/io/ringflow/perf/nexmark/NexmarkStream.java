package io.ringflow.perf.nexmark;

/**
 * A pre-generated cycle of Nexmark events replayed without end, so that a benchmark measures the query,
 * not the generator. The cycle is stored column by column ({@link NexmarkColumns}); {@link #next} fills the
 * one reused {@link NexmarkEvent} from it. After the last event the cursor wraps and every id and time moves
 * on by what one cycle covers:
 * <pre>
 *   cycle c: person ids + c * peoplePerCycle, auction ids + c * auctionsPerCycle,
 *            dateTime and expires + c * cycleSpanMs
 * </pre>
 * which is exactly what the generator would have produced next apart from the random choices, so ids stay
 * fresh, the hot auction keeps moving, and events stay within the generator's out-of-orderness bound across
 * the wrap (the cycle is a whole number of proportion cycles and of milliseconds).
 * <p>
 * Threading: not thread-safe; one thread calls {@link #next}. Allocates nothing per event.
 */
public final class NexmarkStream implements EventSource
{
    private final NexmarkColumns cycle;
    private final long peoplePerCycle;
    private final long auctionsPerCycle;
    private final long cycleSpanMs;
    private int cursor;
    private long personOffset;
    private long auctionOffset;
    private long timeOffset;

    /**
     * Generate one cycle.
     *
     * @param generator a fresh generator (no event taken yet).
     * @param events    events per cycle: a multiple of {@value NexmarkGenerator#PROPORTION_DENOMINATOR} whose
     *                  nominal span is a whole number of milliseconds.
     */
    public NexmarkStream(final NexmarkGenerator generator, final int events)
    {
        final long spanUs = events * generator.interEventDelayUs();
        if (generator.events() != 0 || events <= 0 || events % NexmarkGenerator.PROPORTION_DENOMINATOR != 0 ||
            spanUs % 1000 != 0)
        {
            throw new IllegalArgumentException("need a fresh generator and a cycle of a multiple of " +
                NexmarkGenerator.PROPORTION_DENOMINATOR + " events spanning whole milliseconds, got " + events +
                " events of " + generator.interEventDelayUs() + " us");
        }
        cycle = new NexmarkColumns(generator, events);
        peoplePerCycle = events / NexmarkGenerator.PROPORTION_DENOMINATOR;
        auctionsPerCycle = peoplePerCycle * NexmarkGenerator.AUCTION_PROPORTION;
        cycleSpanMs = spanUs / 1000;
    }

    @Override
    public long next(final NexmarkEvent event)
    {
        final long dateTime = cycle.fill(cursor, event, personOffset, auctionOffset, timeOffset);
        if (++cursor == cycle.size())
        {
            cursor = 0;
            personOffset += peoplePerCycle;
            auctionOffset += auctionsPerCycle;
            timeOffset += cycleSpanMs;
        }
        return dateTime;
    }

    /** @return events per cycle. */
    public int cycleLength()
    {
        return cycle.size();
    }

    /** @return the nominal event time one cycle covers, ms. */
    public long cycleSpanMs()
    {
        return cycleSpanMs;
    }
}
