package io.ringflow.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.ringflow.journal.JournalRecordDescriptor.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputJournalTest
{
    private static final Trade.Codec CODEC = new Trade.Codec(1);

    @TempDir
    Path dir;

    @Test
    void shouldReadBackAppendedRecordsWithTheirSequences()
    {
        final int n = 1_000;
        final long[] sequences = new long[n];
        try (InputJournal journal = new InputJournal(dir))
        {
            journal.pretouch();
            final Trade trade = new Trade();
            for (int i = 0; i < n; i++)
            {
                sequences[i] = journal.append(CODEC, trade.set(i, 100 + i, i % 7), 1_000L + i, 5_000L + i);
            }
            assertThat(journal.lastSequence()).isEqualTo(sequences[n - 1]);
        }
        assertThat(sequences).isSorted().doesNotHaveDuplicates();

        try (JournalReader<Trade> reader = new JournalReader<>(dir, CODEC))
        {
            assertThat(reader.count()).isEqualTo(n);
            assertThat(reader.firstSequence()).isEqualTo(sequences[0]);
            assertThat(reader.lastSequence()).isEqualTo(sequences[n - 1]);
            final JournalEntry<Trade> entry = reader.newEntry();
            for (int i = 0; i < n; i++)
            {
                assertThat(reader.next(entry)).isTrue();
                assertThat(entry.type()).isEqualTo(TYPE_RECORD);
                assertThat(entry.sequence()).isEqualTo(sequences[i]);
                assertThat(entry.timestamp()).isEqualTo(1_000L + i);
                assertThat(entry.ingestTimeNs()).isEqualTo(5_000L + i);
                assertThat(entry.record()).isEqualTo(new Trade().set(i, 100 + i, i % 7));
            }
            assertThat(reader.next(entry)).isFalse();
        }
    }

    @Test
    void shouldResumeReadingFromAMiddleSequence()
    {
        final long[] sequences = appendTrades(dir, 100);
        try (JournalReader<Trade> reader = new JournalReader<>(dir, CODEC))
        {
            reader.moveTo(sequences[60]);
            final JournalEntry<Trade> entry = reader.newEntry();
            final List<Long> ids = new ArrayList<>();
            while (reader.next(entry))
            {
                assertThat(entry.sequence()).isEqualTo(sequences[(int)entry.record().id]);
                ids.add(entry.record().id);
            }
            assertThat(ids).hasSize(40).first().isEqualTo(60L);

            reader.toStart();
            assertThat(reader.next(entry)).isTrue();
            assertThat(entry.record().id).isZero();
        }
    }

    @Test
    void shouldRoundTripControlRecords()
    {
        final long record;
        final long watermark;
        final long tick;
        final long end;
        try (InputJournal journal = new InputJournal(dir))
        {
            record = journal.append(CODEC, new Trade().set(1, 2, 3), 10, 11);
            watermark = journal.appendWatermark(9, 12);
            tick = journal.appendProcessingTimeTick(777, 13);
            end = journal.appendEndOfStream(14);
        }
        try (JournalReader<Trade> reader = new JournalReader<>(dir, CODEC))
        {
            final JournalEntry<Trade> entry = reader.newEntry();
            assertThat(reader.next(entry)).isTrue();
            assertEntry(entry, TYPE_RECORD, record, 11, 10);
            assertThat(reader.next(entry)).isTrue();
            assertEntry(entry, TYPE_WATERMARK, watermark, 12, 9);
            assertThat(entry.isRecord()).isFalse();
            assertThat(reader.next(entry)).isTrue();
            assertEntry(entry, TYPE_PROCESSING_TIME_TICK, tick, 13, 777);
            assertThat(reader.next(entry)).isTrue();
            assertEntry(entry, TYPE_END_OF_STREAM, end, 14, 0);
            assertThat(reader.next(entry)).isFalse();
        }
    }

    @Test
    void shouldContinueSequencesWhenReopened()
    {
        final long[] first = appendTrades(dir, 10);
        final long next;
        try (InputJournal journal = new InputJournal(dir))
        {
            assertThat(journal.lastSequence()).isEqualTo(first[9]);
            next = journal.append(CODEC, new Trade().set(10, 0, 0), 0, 0);
        }
        assertThat(next).isGreaterThan(first[9]);
        try (JournalReader<Trade> reader = new JournalReader<>(dir, CODEC))
        {
            assertThat(reader.count()).isEqualTo(11);
            reader.moveTo(next);
            final JournalEntry<Trade> entry = reader.newEntry();
            assertThat(reader.next(entry)).isTrue();
            assertThat(entry.record().id).isEqualTo(10);
        }
    }

    @Test
    void shouldReportAnEmptyJournal()
    {
        try (InputJournal journal = new InputJournal(dir))
        {
            journal.pretouch();
            assertThat(journal.lastSequence()).isEqualTo(JournalReader.NO_SEQUENCE);
        }
        try (JournalReader<Trade> reader = new JournalReader<>(dir, CODEC))
        {
            assertThat(reader.count()).isZero();
            assertThat(reader.firstSequence()).isEqualTo(JournalReader.NO_SEQUENCE);
            assertThat(reader.lastSequence()).isEqualTo(JournalReader.NO_SEQUENCE);
            assertThat(reader.next(reader.newEntry())).isFalse();
        }
    }

    @Test
    void shouldRejectAMissingDirectory()
    {
        final Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> new JournalReader<>(missing, CODEC))
            .isInstanceOf(JournalException.class)
            .hasMessageContaining(missing.toString());
    }

    private static void assertEntry(
        final JournalEntry<Trade> entry, final int type, final long sequence, final long ingestTimeNs, final long timestamp)
    {
        assertThat(entry.type()).as("type of %s", entry).isEqualTo(type);
        assertThat(entry.sequence()).isEqualTo(sequence);
        assertThat(entry.ingestTimeNs()).isEqualTo(ingestTimeNs);
        assertThat(entry.timestamp()).isEqualTo(timestamp);
    }

    static long[] appendTrades(final Path dir, final int n)
    {
        final long[] sequences = new long[n];
        try (InputJournal journal = new InputJournal(dir))
        {
            final Trade trade = new Trade();
            for (int i = 0; i < n; i++)
            {
                sequences[i] = journal.append(CODEC, trade.set(i, i * 10L, i), i, i);
            }
        }
        return sequences;
    }
}
