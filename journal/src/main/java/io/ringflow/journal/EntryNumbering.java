package io.ringflow.journal;

import net.openhft.chronicle.queue.RollCycle;

/**
 * How a journal entry's sequence (an input journal) or position (an output journal) is made from the
 * Chronicle index of the excerpt that holds it and its slot there, so that one excerpt can carry several
 * entries: in the roll cycle's per-cycle number, the low {@code slotBits} bits are the slot and the bits
 * above them the excerpt's own number.
 * <pre>
 *   Chronicle index of the excerpt:  cycle | excerpt number
 *   entry's sequence:                cycle | excerpt number | slot (slotBits bits)
 * </pre>
 * So sequences grow with every entry, the roll cycle's {@code toCycle} reads the cycle of either, and an
 * entry is found with one index look-up and a walk over at most {@code 2^slotBits - 1} entries before it in
 * its excerpt. The price: a cycle indexes {@code 2^slotBits} times fewer excerpts, and sequences are not dense
 * (an excerpt that holds fewer entries than it could leaves numbers unused), as they were not across rolls.
 * With {@code slotBits} 0 a sequence is the excerpt's index, one entry per excerpt.
 * <p>
 * Threading: immutable.
 */
final class EntryNumbering
{
    private final RollCycle rollCycle;
    private final int slotBits;

    EntryNumbering(final RollCycle rollCycle, final int slotBits)
    {
        this.rollCycle = rollCycle;
        this.slotBits = slotBits;
    }

    /** @return the most entries one excerpt holds. */
    int slotsPerExcerpt()
    {
        return 1 << slotBits;
    }

    /**
     * @return the most excerpts one roll cycle holds whose entries can be numbered: the roll cycle's
     *         entries per cycle over the slots per excerpt (rounded down, one short of the representable
     *         maximum when the cycle's count is one short of a power of two: on the safe side).
     */
    long excerptsPerCycle()
    {
        return rollCycle.maxMessagesPerCycle() >>> slotBits;
    }

    /**
     * @param excerptIndex a Chronicle index.
     * @return the excerpt's number within its roll cycle: {@link #sequence} is exact below
     *         {@link #excerptsPerCycle()}, and wraps above.
     */
    long excerptNumber(final long excerptIndex)
    {
        return rollCycle.toSequenceNumber(excerptIndex);
    }

    /**
     * @param index a Chronicle index, or a sequence.
     * @return its roll cycle.
     */
    int cycle(final long index)
    {
        return rollCycle.toCycle(index);
    }

    /**
     * @param excerptIndex a Chronicle index, its excerpt number below {@link #excerptsPerCycle()}.
     * @param slot         the entry's place in that excerpt, from 0.
     * @return the entry's sequence.
     */
    long sequence(final long excerptIndex, final int slot)
    {
        return rollCycle.toIndex(rollCycle.toCycle(excerptIndex), (rollCycle.toSequenceNumber(excerptIndex) << slotBits) | slot);
    }

    /**
     * @param sequence an entry's sequence.
     * @return the Chronicle index of the excerpt that holds it.
     */
    long excerptIndex(final long sequence)
    {
        return rollCycle.toIndex(rollCycle.toCycle(sequence), rollCycle.toSequenceNumber(sequence) >>> slotBits);
    }

    /**
     * @param sequence an entry's sequence.
     * @return its slot in its excerpt.
     */
    int slot(final long sequence)
    {
        return (int)(rollCycle.toSequenceNumber(sequence) & ((1L << slotBits) - 1));
    }
}
