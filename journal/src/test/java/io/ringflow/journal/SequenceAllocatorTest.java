package io.ringflow.journal;

import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sequences a {@link SequenceAllocator} hands out ahead of the appends are the ones the journal then
 * gives: within a roll cycle, across rolls, when the clock goes back, and after a reopen.
 */
class SequenceAllocatorTest
{
    private static final RollCycle SECONDLY = TestRollCycles.TEST_SECONDLY;
    private static final long T0 = 1_790_000_000_000L;   // epoch ms, 2026
    private static final Trade.Codec CODEC = new Trade.Codec(1);
    private static final Trade TRADE = new Trade().set(1, 2, 3);

    @TempDir
    Path dir;

    @Test
    void shouldPredictEverySequenceAcrossRollsAndAClockThatGoesBack()
    {
        final long[] timesMs = {T0, T0 + 1, T0 + 999, T0 + 1_000, T0 + 1_000, T0 + 3_500, T0 + 2_000, T0 + 3_600, T0 + 5_000};
        final long[] allocated = new long[timesMs.length];
        try (InputJournal journal = InputJournal.withAppendClock(dir, SECONDLY))
        {
            final SequenceAllocator allocator = journal.sequenceAllocator();
            for (int i = 0; i < timesMs.length; i++)
            {
                allocated[i] = allocator.next(timesMs[i]);
                final long appended = journal.appendTimeMs(allocator.appendTimeMs())
                    .appendProcessingTimeTick(i, timesMs[i] * 1_000_000);
                assertThat(appended).as("entry %d at %d ms", i, timesMs[i]).isEqualTo(allocated[i]);
            }
        }
        assertThat(SECONDLY.toCycle(allocated[0])).isEqualTo((int)(T0 / 1_000));
        assertThat(excerptNumber(allocated[2])).as("third in its second").isEqualTo(2);
        assertThat(excerptNumber(allocated[3])).as("a new second starts at 0").isZero();
        assertThat(SECONDLY.toCycle(allocated[6])).as("a clock that went back stays in the later cycle")
            .isEqualTo(SECONDLY.toCycle(allocated[5]));
        assertThat(excerptNumber(allocated[6])).isEqualTo(1);
        for (final long sequence : allocated)
        {
            assertThat(SECONDLY.toSequenceNumber(sequence) % JournalRecordDescriptor.SLOTS_PER_EXCERPT)
                .as("an excerpt of its own, in slot 0").isZero();
        }
        assertThat(allocated).isSorted();
    }

    /**
     * Batches as fast mode appends them: a batch committed early, one closed by an entry appended at once,
     * one filled to its last slot, one whose records cross into the next second (they stay in the first's
     * cycle), then single entries again.
     */
    @Test
    void shouldPredictTheSequencesOfBatchedEntriesWhereverTheBatchCloses()
    {
        final int slots = JournalRecordDescriptor.SLOTS_PER_EXCERPT;
        final List<Long> allocated = new ArrayList<>();
        final List<Long> appended = new ArrayList<>();
        try (InputJournal journal = InputJournal.withAppendClock(dir, SECONDLY))
        {
            final SequenceAllocator allocator = journal.sequenceAllocator();
            final Runnable commit = () ->
            {
                final long last = allocator.closeBatch();
                appended.add(journal.commitBatch());
                assertThat(last).as("the closed batch's last entry").isEqualTo(appended.get(appended.size() - 1));
            };
            batch(journal, allocator, T0, 3, allocated);                // committed early
            assertThat(allocator.batchOpen()).isTrue();
            commit.run();
            batch(journal, allocator, T0, 5, allocated);                // closed by a tick appended at once
            allocated.add(allocator.next(T0));
            appended.add(journal.appendTimeMs(allocator.appendTimeMs()).appendProcessingTimeTick(1, 0));
            batch(journal, allocator, T0, slots, allocated);            // full: closed by its last slot
            assertThat(allocator.batchOpen()).as("full").isFalse();
            appended.add(journal.commitBatch());
            batch(journal, allocator, T0 + 999, 2, allocated);          // opened in one second ...
            batch(journal, allocator, T0 + 1_200, 2, allocated);        // ... continued in the next
            commit.run();
            allocated.add(allocator.next(T0 + 1_300));
            appended.add(journal.appendTimeMs(allocator.appendTimeMs()).appendEndOfStream(0));
        }
        final int[] lastOfEachBatch = {2, 8, 8 + slots, 8 + slots + 4, 8 + slots + 5};
        for (int i = 0; i < lastOfEachBatch.length; i++)
        {
            assertThat(appended.get(i)).as("batch %d's last entry", i).isEqualTo(allocated.get(lastOfEachBatch[i]));
        }
        assertThat(allocated).isSorted().doesNotHaveDuplicates();
        assertThat(slot(allocated.get(8))).as("the tick closes its batch in the next slot").isEqualTo(5);
        assertThat(slot(allocated.get(8 + slots))).as("a full batch's last").isEqualTo(slots - 1);
        assertThat(SECONDLY.toCycle(allocated.get(8 + slots + 4))).as("a batch stays in its first record's cycle")
            .isEqualTo(SECONDLY.toCycle(allocated.get(8 + slots + 1)));
        assertThat(excerptNumber(allocated.get(8 + slots + 5))).as("then a new second starts at 0").isZero();
        try (JournalReader<Trade> reader = new JournalReader<>(dir, CODEC))
        {
            assertThat(reader.count()).isEqualTo(allocated.size());
            assertThat(reader.lastSequence()).isEqualTo(allocated.get(allocated.size() - 1));
        }
    }

    private static void batch(
        final InputJournal journal, final SequenceAllocator allocator, final long timeMs, final int n, final List<Long> allocated)
    {
        for (int i = 0; i < n; i++)
        {
            allocated.add(allocator.nextInBatch(timeMs));
            journal.appendTimeMs(allocator.appendTimeMs()).appendToBatch(CODEC, TRADE, timeMs, 0);
        }
    }

    private static int slot(final long sequence)
    {
        return (int)(SECONDLY.toSequenceNumber(sequence) & (JournalRecordDescriptor.SLOTS_PER_EXCERPT - 1));
    }

    @Test
    void shouldContinueFromTheLastEntryAfterAReopen()
    {
        try (InputJournal journal = InputJournal.withAppendClock(dir, SECONDLY))
        {
            final SequenceAllocator allocator = journal.sequenceAllocator();
            for (int i = 0; i < 3; i++)
            {
                assertThat(journal.appendTimeMs(T0 + 2_000).appendEndOfStream(0)).isEqualTo(allocator.next(T0 + 2_000));
            }
        }
        try (InputJournal journal = InputJournal.withAppendClock(dir, SECONDLY))
        {
            final SequenceAllocator allocator = journal.sequenceAllocator();
            final long sameSecond = allocator.next(T0 + 2_500);
            assertThat(excerptNumber(sameSecond)).isEqualTo(3);
            assertThat(journal.appendTimeMs(allocator.appendTimeMs()).appendEndOfStream(0)).isEqualTo(sameSecond);
            final long earlier = allocator.next(T0);   // before the journal's last cycle: appended in that cycle
            assertThat(journal.appendTimeMs(allocator.appendTimeMs()).appendEndOfStream(0)).isEqualTo(earlier);
            assertThat(SECONDLY.toCycle(earlier)).isEqualTo((int)((T0 + 2_000) / 1_000));
        }
    }

    @Test
    void shouldRefuseTheAppendTimeOnAWallClockJournal()
    {
        try (InputJournal journal = new InputJournal(dir))
        {
            assertThatThrownBy(() -> journal.appendTimeMs(T0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("withAppendClock");
        }
    }

    /** @return the number of the excerpt that holds this sequence within its roll cycle. */
    private static long excerptNumber(final long sequence)
    {
        return SECONDLY.toSequenceNumber(sequence) >>> JournalRecordDescriptor.SLOT_BITS;
    }
}
