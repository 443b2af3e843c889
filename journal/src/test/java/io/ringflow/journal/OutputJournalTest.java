package io.ringflow.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutputJournalTest
{
    private static final Trade.Codec CODEC = new Trade.Codec(1);

    @TempDir
    Path dir;

    @Test
    void shouldReadBackAppendedOutputsWithTheirKeys()
    {
        final int n = 1_000;
        final long[] positions = new long[n];
        try (OutputJournal journal = new OutputJournal(dir))
        {
            journal.pretouch();
            final Trade trade = new Trade();
            for (int i = 0; i < n; i++)
            {
                positions[i] = journal.append(CODEC, trade.set(i, 100 + i, i % 7), 1_000L + i, 5_000L + i / 3, i % 3);
            }
            assertThat(journal.lastPosition()).isEqualTo(positions[n - 1]);
        }
        assertThat(positions).isSorted().doesNotHaveDuplicates();

        try (OutputJournalReader<Trade> reader = new OutputJournalReader<>(dir, CODEC))
        {
            assertThat(reader.count()).isEqualTo(n);
            assertThat(reader.firstPosition()).isEqualTo(positions[0]);
            assertThat(reader.lastPosition()).isEqualTo(positions[n - 1]);
            final OutputJournalEntry<Trade> entry = reader.newEntry();
            for (int i = 0; i < n; i++)
            {
                assertThat(reader.next(entry)).isTrue();
                assertThat(entry.position()).isEqualTo(positions[i]);
                assertThat(entry.inputSequence()).isEqualTo(5_000L + i / 3);
                assertThat(entry.ordinal()).isEqualTo(i % 3);
                assertThat(entry.timestamp()).isEqualTo(1_000L + i);
                assertThat(entry.record()).isEqualTo(new Trade().set(i, 100 + i, i % 7));
            }
            assertThat(reader.next(entry)).isFalse();
        }
    }

    @Test
    void shouldContinuePositionsWhenReopened()
    {
        final long[] first = appendOutputs(dir, 10);
        final long next;
        try (OutputJournal journal = new OutputJournal(dir))
        {
            assertThat(journal.lastPosition()).isEqualTo(first[9]);
            next = journal.append(CODEC, new Trade().set(10, 0, 0), 0, 10, 0);
        }
        assertThat(next).isGreaterThan(first[9]);
        try (OutputJournalReader<Trade> reader = new OutputJournalReader<>(dir, CODEC))
        {
            assertThat(reader.count()).isEqualTo(11);
            reader.moveTo(next);
            final OutputJournalEntry<Trade> entry = reader.newEntry();
            assertThat(reader.next(entry)).isTrue();
            assertThat(entry.record().id).isEqualTo(10);
            assertThat(entry.position()).isEqualTo(next);
        }
    }

    @Test
    void shouldMoveToAndAfterAPosition()
    {
        final long[] positions = appendOutputs(dir, 10);
        try (OutputJournalReader<Trade> reader = new OutputJournalReader<>(dir, CODEC))
        {
            final OutputJournalEntry<Trade> entry = reader.newEntry();
            reader.moveTo(positions[4]);
            assertThat(reader.next(entry)).isTrue();
            assertThat(entry.position()).isEqualTo(positions[4]);

            reader.moveAfter(positions[4]);
            assertThat(reader.next(entry)).isTrue();
            assertThat(entry.position()).isEqualTo(positions[5]);

            reader.moveAfter(positions[9]);
            assertThat(reader.next(entry)).isFalse();

            reader.moveAfter(OutputJournalReader.NO_POSITION);
            assertThat(reader.next(entry)).isTrue();
            assertThat(entry.position()).isEqualTo(positions[0]);

            assertThatThrownBy(() -> reader.moveAfter(positions[9] + 1))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("output journal " + dir)
                .hasMessageContaining("no entry at position " + (positions[9] + 1))
                .hasMessageContaining("10 entries from " + positions[0] + " to " + positions[9]);
        }
    }

    @Test
    void shouldReportAnEmptyJournal()
    {
        try (OutputJournal journal = new OutputJournal(dir))
        {
            journal.pretouch();
            assertThat(journal.lastPosition()).isEqualTo(OutputJournalReader.NO_POSITION);
        }
        try (OutputJournalReader<Trade> reader = new OutputJournalReader<>(dir, CODEC))
        {
            assertThat(reader.count()).isZero();
            assertThat(reader.firstPosition()).isEqualTo(OutputJournalReader.NO_POSITION);
            assertThat(reader.lastPosition()).isEqualTo(OutputJournalReader.NO_POSITION);
            assertThat(reader.next(reader.newEntry())).isFalse();
        }
    }

    /** Output i has key (input sequence i, ordinal 0), timestamp i and record (i, 10 i, i). */
    static long[] appendOutputs(final Path dir, final int n)
    {
        final long[] positions = new long[n];
        try (OutputJournal journal = new OutputJournal(dir))
        {
            final Trade trade = new Trade();
            for (int i = 0; i < n; i++)
            {
                positions[i] = journal.append(CODEC, trade.set(i, i * 10L, i), i, i, 0);
            }
        }
        return positions;
    }
}
