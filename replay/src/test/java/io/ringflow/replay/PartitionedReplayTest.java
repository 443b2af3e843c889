package io.ringflow.replay;

import io.ringflow.journal.durable.DurablePipeline;
import io.ringflow.journal.durable.RecoveryReport;
import io.ringflow.operators.aggregate.Aggregates;
import io.ringflow.operators.time.WatermarkStrategy;
import io.ringflow.operators.window.WindowResult;
import io.ringflow.pipeline.Pipeline;
import io.ringflow.pipeline.SequencedSink;
import io.ringflow.pipeline.Source;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replay of a pipeline whose windows run in three key partitions, recorded on threads: the stepped
 * replay reproduces the recorded output journal entry for entry, and time travel from a checkpoint
 * reaches every partition's state byte for byte — because a sequenced pipeline merges partitions in
 * router order, not in the order the threads happened to deliver.
 */
class PartitionedReplayTest
{
    private static final int RECORDS = 12_000;
    private static final VelocityDefinition PARTITIONED = new VelocityDefinition()
    {
        @Override
        public String id()
        {
            return "velocity-partitioned-v1";
        }

        @Override
        public Pipeline<Txn> plan(final Source<Txn> source, final SequencedSink<WindowResult> sink)
        {
            return Pipeline.from(source)
                .assignTimestamps("event-time",
                    WatermarkStrategy.<Txn>forBoundedOutOfOrderness(20).withTimestampAssigner(Txn::timeMs))
                .filter("positive", txn -> txn.amount > 0)
                .keyBy(Txn::card).parallelism("windows", 3)
                .window(windows())
                .aggregate("velocity", Aggregates.of(Aggregates.count(), Aggregates.sum(Txn::amount)))
                .to(sink);
        }
    };

    @TempDir
    static Path dir;
    private static Path input;
    private static Path recorded;
    private static Path checkpoints;
    private static List<Long> sequences;

    @BeforeAll
    static void recordARunOnThreads()
    {
        input = dir.resolve("input");
        sequences = ReplaySessionTest.writeInput(input, new Random(11), RECORDS);
        recorded = dir.resolve("output");
        checkpoints = dir.resolve("checkpoints");
        final RecoveryReport report = DurablePipeline.builder(PARTITIONED).input(input).output(recorded)
            .checkpoints(checkpoints, 100).checkpointEvery(1_000, 60_000).stepped(false).build().run();
        assertThat(report.checkpointsCommitted()).isEqualTo(RECORDS / 1_000);
        assertThat(report.outputsAppended()).isGreaterThan(5_000);
    }

    @Test
    void shouldReproduceTheThreadedRunsOutputJournalExactly()
    {
        try (ReplaySession<Txn, WindowResult> session = ReplaySession.builder(PARTITIONED, input)
            .verifyAgainst(recorded).open())
        {
            assertThat(session.runToEnd()).isEqualTo(StopReason.END_OF_STREAM);
            assertThat(session.divergence()).isEmpty();
            assertThat(session.outputsVerified()).isGreaterThan(5_000);
        }
    }

    @Test
    void shouldTravelToASequenceWithEveryPartitionsStateAsAStraightRunHasIt()
    {
        final long at = sequences.get(5_432);
        final Map<String, byte[]> expected;
        try (ReplaySession<Txn, WindowResult> session = ReplaySession.builder(PARTITIONED, input).open())
        {
            assertThat(session.runTo(at)).isEqualTo(StopReason.REACHED_SEQUENCE);
            expected = session.snapshot();
        }
        try (ReplaySession<Txn, WindowResult> session = ReplaySession.builder(PARTITIONED, input)
            .checkpoints(checkpoints).fromSequence(at + 1).open())
        {
            assertThat(session.restoredCheckpoint()).isPresent();
            assertThat(session.runTo(at)).isEqualTo(StopReason.REACHED_SEQUENCE);
            final Map<String, byte[]> actual = session.snapshot();
            assertThat(actual.keySet()).contains("windows[0]", "windows[1]", "windows[2]").hasSize(5);
            actual.forEach((stage, bytes) -> assertThat(bytes).as(stage).isEqualTo(expected.get(stage)));
        }
    }
}
