package io.ringflow.journal;

import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link JournalRetention}: whole roll cycles before the one holding a sequence are deleted, the rest reads
 * on as before, and the journal is marked so that reading it from its start is refused, naming the first
 * sequence kept.
 */
class JournalRetentionTest
{
    private static final RollCycle SECONDLY = TestRollCycles.TEST_SECONDLY;
    private static final long T0 = 1_790_000_000_000L;
    private static final Trade.Codec CODEC = new Trade.Codec(1);

    @TempDir
    Path dir;

    @Test
    void shouldDeleteTheCyclesBeforeTheOneThatHoldsTheSequenceAndReadOnFromIt() throws IOException
    {
        final List<Long> sequences = writeCycles(4, 3);
        assertThat(cycleFiles()).hasSize(4);

        final long kept = sequences.get(7);   // the second entry of the third cycle
        final JournalRetention.Trim trim = JournalRetention.deleteCyclesBefore(dir, kept);
        assertThat(trim.deleted()).isEqualTo(2);
        assertThat(trim.trimAgainFrom()).as("the fourth cycle's first sequence").isEqualTo(sequences.get(9));

        assertThat(cycleFiles()).hasSize(2);
        assertThat(JournalRetention.firstRetainedSequence(dir)).isEqualTo(sequences.get(6));
        try (JournalReader<Trade> reader = new JournalReader<>(dir, CODEC))
        {
            assertThat(reader.firstSequence()).isEqualTo(sequences.get(6));
            reader.moveAfter(kept);
            final List<Long> rest = new ArrayList<>();
            final JournalEntry<Trade> entry = reader.newEntry();
            while (reader.next(entry))
            {
                rest.add(entry.sequence());
            }
            assertThat(rest).isEqualTo(sequences.subList(8, 12));
            assertThatThrownBy(() -> reader.moveAfter(JournalReader.NO_SEQUENCE)).isInstanceOf(JournalException.class)
                .hasMessageContaining("trimmed by retention").hasMessageContaining(dir.toString())
                .hasMessageContaining("before sequence " + sequences.get(6));
        }
    }

    @Test
    void shouldLeaveAJournalWhoseFirstCycleIsNeededAloneAndUnmarked() throws IOException
    {
        final List<Long> sequences = writeCycles(2, 3);
        assertThat(JournalRetention.deleteCyclesBefore(dir, sequences.get(2)).deleted()).isZero();
        assertThat(cycleFiles()).hasSize(2);
        assertThat(JournalRetention.firstRetainedSequence(dir)).isEqualTo(-1);
        try (JournalReader<Trade> reader = new JournalReader<>(dir, CODEC))
        {
            reader.moveAfter(JournalReader.NO_SEQUENCE);
            assertThat(reader.next(reader.newEntry())).isTrue();
        }
    }

    @Test
    void shouldRefuseAMarkerItCannotRead() throws IOException
    {
        Files.writeString(dir.resolve(JournalRetention.MARKER), "nonsense");
        assertThatThrownBy(() -> JournalRetention.firstRetainedSequence(dir)).isInstanceOf(JournalException.class)
            .hasMessageContaining(JournalRetention.MARKER).hasMessageContaining("nonsense");
    }

    /** {@code cycles} one-second roll cycles of {@code perCycle} payments each. */
    private List<Long> writeCycles(final int cycles, final int perCycle)
    {
        final List<Long> sequences = new ArrayList<>();
        final Trade trade = new Trade();
        try (InputJournal journal = InputJournal.withAppendClock(dir, SECONDLY))
        {
            for (int cycle = 0; cycle < cycles; cycle++)
            {
                for (int i = 0; i < perCycle; i++)
                {
                    journal.appendTimeMs(T0 + cycle * 1_000L + i);
                    sequences.add(journal.append(CODEC, trade.set(i, i, i), i, i));
                }
            }
        }
        return sequences;
    }

    private List<Path> cycleFiles() throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            return files.filter(file -> file.getFileName().toString().endsWith(".cq4")).toList();
        }
    }
}
