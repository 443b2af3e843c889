package io.ringflow.journal;

import net.openhft.chronicle.queue.RollCycle;

/**
 * Tells a producer the sequence its next entry will get in an input journal <em>before</em> the entry is
 * appended, so that the record can enter the pipeline at once while another thread journals it (the fast
 * mode of {@code DurablePipeline}).
 * <p>
 * A sequence is made from a Chronicle index ({@link EntryNumbering}): the roll cycle in the high bits, the
 * excerpt's number within the cycle below them, the entry's slot in its excerpt in the lowest bits. An
 * entry allocated by {@link #next} is appended at once: it closes an open batch as its last entry, or else
 * takes slot 0 of an excerpt of its own. Entries allocated by {@link #nextInBatch} fill the slots of one
 * excerpt in turn until it is full or closed ({@link #closeBatch}, or a {@link #next}), so the writer
 * appends them with {@code InputJournal.appendToBatch} and commits where the batch closed. A new excerpt's
 * number is one more than the previous excerpt's in the same cycle, and 0 in a new one; which cycle an
 * append lands in is decided by the queue's clock. So the prediction holds when (1) this
 * allocator's journal has exactly one writer, an {@link InputJournal#withAppendClock(java.nio.file.Path)
 * appending-clock journal}, (2) it appends the entries in the order they were allocated, each at the
 * {@link #appendTimeMs()} allocated with it (the same for every entry of a batch: its excerpt's), and commits
 * each batch where it closed. The writer checks every index it gets against the allocated one and fails on a
 * difference, so a broken assumption is an error, never a renumbered record.
 * <p>
 * The append times never go back: an entry whose time is before the journal's last cycle (a wall clock
 * that stepped back across a restart, a producer resending with old ingest times, a cycle file a pretouch
 * opened ahead of the entries) is appended at that cycle's start instead — Chronicle refuses appends to a
 * cycle once a later one exists.
 * <p>
 * Threading: one thread, the producer's; it allocates nothing.
 */
public final class SequenceAllocator
{
    private final RollCycle rollCycle;
    private final EntryNumbering numbering;
    private final long epochMs;
    private final long cycleLengthMs;
    private int cycle;
    private long number;
    private long appendTimeMs;
    /** The slot allocated last in the open batch's excerpt, or -1 when no batch is open. */
    private int openSlot = -1;

    /**
     * @param rollCycle the journal's roll cycle.
     * @param numbering how the journal numbers entries within excerpts.
     * @param epochMs   the journal's epoch (the queue's {@code epoch()}).
     * @param lastIndex the journal's last excerpt's index, or -1 when it is empty.
     * @param lastCycle the journal's last cycle file, which may hold no entry yet (a pretouch made it, and
     *                  closed the cycles before it to appends), or {@code Integer.MIN_VALUE} for none.
     */
    SequenceAllocator(
        final RollCycle rollCycle, final EntryNumbering numbering, final long epochMs, final long lastIndex, final int lastCycle)
    {
        this.rollCycle = rollCycle;
        this.numbering = numbering;
        this.epochMs = epochMs;
        this.cycleLengthMs = rollCycle.lengthInMillis();
        final int lastEntryCycle = lastIndex < 0 ? Integer.MIN_VALUE : rollCycle.toCycle(lastIndex);
        if (lastCycle > lastEntryCycle)
        {
            cycle = lastCycle;   // no entry there yet: the next is number 0 of it
            number = -1;
            appendTimeMs = cycleStartMs(cycle);
        }
        else if (lastIndex >= 0)
        {
            cycle = lastEntryCycle;
            number = rollCycle.toSequenceNumber(lastIndex);
            appendTimeMs = cycleStartMs(cycle);
        }
        else
        {
            cycle = Integer.MIN_VALUE;
            number = -1;
            appendTimeMs = Long.MIN_VALUE;
        }
    }

    /**
     * Allocate the sequence of an entry appended at once: the last of the open batch, if one is open (its
     * time then is the batch's), else slot 0 of an excerpt of its own.
     *
     * @param timeMs the entry's wall-clock time, epoch milliseconds: decides the roll cycle of a new excerpt.
     * @return its sequence.
     * @throws JournalException when the cycle is full (more excerpts than the roll cycle indexes).
     */
    public long next(final long timeMs)
    {
        if (openSlot >= 0)
        {
            final long sequence = inOpenExcerpt(openSlot + 1);
            openSlot = -1;
            return sequence;
        }
        return nextExcerpt(timeMs);
    }

    /**
     * Allocate the sequence of an entry appended in a batch: the next slot of the open batch's excerpt, or
     * slot 0 of a new one, which opens a batch. The batch closes when its excerpt's last slot is allocated:
     * see {@link #batchOpen()}.
     *
     * @param timeMs the entry's wall-clock time, epoch milliseconds: decides the roll cycle of a new excerpt.
     * @return its sequence.
     * @throws JournalException when the cycle is full (more excerpts than the roll cycle indexes).
     */
    public long nextInBatch(final long timeMs)
    {
        if (openSlot >= 0)
        {
            final int slot = openSlot + 1;
            openSlot = slot == numbering.slotsPerExcerpt() - 1 ? -1 : slot;
            return inOpenExcerpt(slot);
        }
        final long sequence = nextExcerpt(timeMs);
        openSlot = numbering.slotsPerExcerpt() > 1 ? 0 : -1;
        return sequence;
    }

    /** @return true while a batch is open: its entries wait for a commit, and the next entry joins it. */
    public boolean batchOpen()
    {
        return openSlot >= 0;
    }

    /**
     * Close the open batch, if any, where it is: the writer commits it after the entry allocated last.
     *
     * @return the sequence of that entry, the batch's last, or -1 when no batch was open.
     */
    public long closeBatch()
    {
        if (openSlot < 0)
        {
            return -1;
        }
        final long last = inOpenExcerpt(openSlot);
        openSlot = -1;
        return last;
    }

    private long inOpenExcerpt(final int slot)
    {
        return numbering.sequence(rollCycle.toIndex(cycle, number), slot);
    }

    private long nextExcerpt(final long timeMs)
    {
        final long at = Math.max(timeMs, appendTimeMs);
        final int atCycle = (int)Math.floorDiv(at - epochMs, cycleLengthMs);
        if (atCycle != cycle)
        {
            cycle = atCycle;
            number = 0;
        }
        else if (++number >= numbering.excerptsPerCycle())
        {
            throw new JournalException("input journal: more than " + numbering.excerptsPerCycle() +
                " excerpts in one roll cycle; use a shorter roll cycle for this rate");
        }
        appendTimeMs = at;
        return numbering.sequence(rollCycle.toIndex(cycle, number), 0);
    }

    /** @return the time the entry allocated last must be appended at, epoch milliseconds. */
    public long appendTimeMs()
    {
        return appendTimeMs;
    }

    private long cycleStartMs(final int cycle)
    {
        return epochMs + cycle * cycleLengthMs;
    }
}
