package io.ringflow.journal;

import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

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
