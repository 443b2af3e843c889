package io.ringflow.replay.join;

import io.ringflow.journal.InputJournal;
import io.ringflow.journal.OutputJournalEntry;
import io.ringflow.journal.OutputJournalReader;
import io.ringflow.journal.durable.DurablePipeline;
import io.ringflow.operators.testing.OperatorTestHarness;
import io.ringflow.replay.ReplaySession;
import io.ringflow.replay.StopReason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A two-input operator (an interval join of orders and fills) unchanged in the test harness, in a durable
 * pipeline on threads and stepped, and in a replay: the same outputs everywhere, the replay verifies the
 * recorded output journal, and time travel finds the straight run's state.
 */
class JoinReplayTest
{
    private static final int RECORDS = 8_000;

    @TempDir
    static Path dir;
    private static Path input;
    private static final List<Exec> EXECS = new ArrayList<>();
    private static final List<Long> SEQUENCES = new ArrayList<>();

    @BeforeAll
    static void writeInput()
    {
        input = dir.resolve("input");
        final Random random = new Random(17);
        try (InputJournal journal = new InputJournal(input))
        {
            for (int i = 0; i < RECORDS; i++)
            {
                final Exec exec = new Exec().set(random.nextInt(4) != 0, random.nextInt(100), i / 2 + random.nextInt(10),
                    random.nextInt(500));
                EXECS.add(exec);
                SEQUENCES.add(journal.append(Exec.CODEC, exec, exec.timeMs, i));
            }
            journal.appendEndOfStream(RECORDS);
        }
    }

    @Test
    void shouldJoinTheSameInTheHarnessOnThreadsSteppedAndInAReplay()
    {
        final List<String> harness = new ArrayList<>();
        try (OperatorTestHarness<Exec, Fill> h = OperatorTestHarness.open(OrderFillDefinition.asChain(),
            fill -> new Fill().set(fill)))
        {
            EXECS.forEach(exec -> h.processElement(exec, 0));
            h.processWatermark(Long.MAX_VALUE);
            h.output().forEach(emitted -> harness.add(emitted.timestamp() + " " + emitted.record()));
        }
        assertThat(harness).hasSizeGreaterThan(1_000);

        for (final boolean stepped : new boolean[]{true, false})
        {
            final Path output = dir.resolve("out-" + stepped);
            DurablePipeline.builder(new OrderFillDefinition()).input(input).output(output)
                .checkpoints(dir.resolve("cp-" + stepped), 50).checkpointEvery(500, 60_000).stepped(stepped).build().run();
            assertThat(outputs(output)).as("stepped=%s", stepped).isEqualTo(harness);
        }

        try (ReplaySession<Exec, Fill> session = ReplaySession.builder(new OrderFillDefinition(), input)
            .verifyAgainst(dir.resolve("out-false")).open())
        {
            assertThat(session.runToEnd()).isEqualTo(StopReason.END_OF_STREAM);
            assertThat(session.divergence()).isEmpty();
            assertThat(session.outputsVerified()).isEqualTo(harness.size());
        }
    }

    @Test
    void shouldTravelToTheStraightRunsStateThroughACheckpoint()
    {
        final Path checkpoints = dir.resolve("travel-cp");
        DurablePipeline.builder(new OrderFillDefinition()).input(input).output(dir.resolve("travel-out"))
            .checkpoints(checkpoints, 50).checkpointEvery(500, 60_000).stepped(true).build().run();
        final long at = SEQUENCES.get(5_678);
        final Map<String, byte[]> straight;
        try (ReplaySession<Exec, Fill> session = ReplaySession.builder(new OrderFillDefinition(), input).open())
        {
            session.runTo(at);
            straight = session.snapshot();
        }
        try (ReplaySession<Exec, Fill> session = ReplaySession.builder(new OrderFillDefinition(), input)
            .checkpoints(checkpoints).fromSequence(at + 1).open())
        {
            assertThat(session.restoredCheckpoint()).isPresent();
            session.runTo(at);
            final Map<String, byte[]> travelled = session.snapshot();
            assertThat(travelled.keySet()).containsExactlyElementsOf(straight.keySet());
            travelled.forEach((stage, bytes) -> assertThat(bytes).as(stage).isEqualTo(straight.get(stage)));
            assertThat(session.describeKey(EXECS.get(5_678).account)).isNotEmpty();
        }
    }

    private static List<String> outputs(final Path output)
    {
        final List<String> lines = new ArrayList<>();
        try (OutputJournalReader<Fill> reader = new OutputJournalReader<>(output, Fill.CODEC))
        {
            final OutputJournalEntry<Fill> entry = reader.newEntry();
            while (reader.next(entry))
            {
                lines.add(entry.timestamp() + " " + entry.record());
            }
        }
        return lines;
    }
}
