package io.ringflow.journal.durable;

import io.ringflow.journal.InputJournal;
import io.ringflow.journal.JournalException;
import io.ringflow.journal.JournalRetention;
import io.ringflow.journal.OutputJournalReader;
import io.ringflow.journal.checkpoint.CheckpointStore;
import io.ringflow.pipeline.Pipeline;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link DurablePipeline.Builder#trimInputJournal}: after each checkpoint the input journal loses the roll
 * cycles before the oldest retained checkpoint, a restart still recovers from a checkpoint and loses
 * nothing, and a recovery that would have to start from the deleted beginning is refused.
 */
class InputRetentionTest
{
    private static final String PIPELINE = "retention-test-v1";
    private static final long T0 = 1_790_000_000_000L;
    private static final int PER_CYCLE = 1_000;

    @TempDir
    Path dir;

    @Test
    void shouldDeleteCyclesBeforeTheOldestRetainedCheckpointAndStillRecover() throws IOException
    {
        final List<Long> sequences = new ArrayList<>();
        append(0, 6, sequences);
        final RecoveryReport first = stoppedRun();
        assertThat(first.recordsFed()).isEqualTo(6 * PER_CYCLE);
        assertThat(first.checkpointsCommitted()).as("one per cycle's worth of records").isEqualTo(6);
        assertThat(cycleFiles()).as("kept: the cycles of the two retained checkpoints").hasSize(2);
        final long oldestRetained = new CheckpointStore(dir.resolve("cp"), 2).oldestInputSequence().orElseThrow();
        assertThat(oldestRetained).isEqualTo(sequences.get(5 * PER_CYCLE - 1));
        assertThat(JournalRetention.firstRetainedSequence(dir.resolve("input"))).isEqualTo(sequences.get(4 * PER_CYCLE));

        append(6, 7, sequences);
        final RecoveryReport second = stoppedRun();
        assertThat(second.restoredInputSequence()).isEqualTo(sequences.get(6 * PER_CYCLE - 1));
        assertThat(second.recordsFed()).isEqualTo(PER_CYCLE);
        assertThat(outputs()).as("every record's output once, across the trim and the restart").isEqualTo(7 * PER_CYCLE);

        deleteTree(dir.resolve("cp"));
        deleteTree(dir.resolve("out"));
        assertThatThrownBy(this::stoppedRun).isInstanceOf(JournalException.class)
            .hasMessageContaining("trimmed by retention").hasMessageContaining(dir.resolve("input").toString());
    }

    private RecoveryReport stoppedRun()
    {
        final DurablePipeline<Payment, Payment> pipeline = DurablePipeline.<Payment, Payment>builder(PIPELINE)
            .input(dir.resolve("input"), Payment.CODEC, Payment.TYPE)
            .output(dir.resolve("out"), Payment.CODEC)
            .checkpoints(dir.resolve("cp"), 2)
            .checkpointEvery(PER_CYCLE, Long.MAX_VALUE)
            .trimInputJournal(true)
            .plan((source, sink) -> Pipeline.from(source).filter("all", p -> true).to(sink))
            .build();
        pipeline.stop();   // return once caught up
        return pipeline.run();
    }

    /** Cycles {@code from} to {@code to} (exclusive) of one-second roll cycles, {@link #PER_CYCLE} payments each. */
    private void append(final int from, final int to, final List<Long> sequences)
    {
        final Payment payment = new Payment();
        try (InputJournal journal = InputJournal.withAppendClock(dir.resolve("input"), TestRollCycles.TEST_SECONDLY))
        {
            for (int cycle = from; cycle < to; cycle++)
            {
                journal.appendTimeMs(T0 + cycle * 1_000L);
                for (int i = 0; i < PER_CYCLE; i++)
                {
                    sequences.add(journal.append(Payment.CODEC, payment.set(i % 10, i, i), i, i));
                }
            }
        }
    }

    private long outputs()
    {
        try (OutputJournalReader<Payment> reader = new OutputJournalReader<>(dir.resolve("out"), Payment.CODEC))
        {
            return reader.count();
        }
    }

    private List<Path> cycleFiles() throws IOException
    {
        try (Stream<Path> files = Files.list(dir.resolve("input")))
        {
            return files.filter(file -> file.getFileName().toString().endsWith(".cq4")).toList();
        }
    }

    private static void deleteTree(final Path root) throws IOException
    {
        try (Stream<Path> paths = Files.walk(root))
        {
            for (final Path path : (Iterable<Path>)paths.sorted(Comparator.reverseOrder())::iterator)
            {
                Files.delete(path);
            }
        }
    }
}
