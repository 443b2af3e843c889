package io.ringflow.journal.durable;

import io.ringflow.journal.JournalException;
import io.ringflow.journal.checkpoint.CheckpointException;
import io.ringflow.journal.checkpoint.CheckpointStore;
import io.ringflow.operators.aggregate.Aggregates;
import io.ringflow.operators.window.WindowResult;
import io.ringflow.operators.window.WindowResultCodec;
import io.ringflow.operators.window.Windows;
import io.ringflow.pipeline.Pipeline;
import io.ringflow.pipeline.PipelineException;
import org.junit.jupiter.api.BeforeAll;
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
 * Recovery's decisions and its errors, in-process and stepped: resuming from the newest checkpoint,
 * falling back past a damaged one, refusing another pipeline's checkpoints or a checkpoint beyond the
 * input journal, and noticing a replay that diverges from the output journal.
 */
class DurablePipelineTest
{
    private static final int RECORDS = 20_000;

    @TempDir
    static Path shared;
    private static Path input;
    private static List<String> expected;

    @BeforeAll
    static void writeInput()
    {
        input = shared.resolve("input");
        CrashTestPipeline.writeInput(input, 7, RECORDS);
        final Path output = shared.resolve("reference");
        CrashTestPipeline.run(input, output, shared.resolve("reference-cp"), CheckpointStore.Hooks.NONE, true);
        expected = CrashRecoveryTest.readOutput(output);
    }

    @Test
    void shouldVerifyEveryJournaledOutputAndAppendNothingWhenRunAgainAfterTheEnd(@TempDir final Path dir)
    {
        CrashTestPipeline.run(input, dir.resolve("out"), dir.resolve("cp"), CheckpointStore.Hooks.NONE, true);
        final RecoveryReport again = CrashTestPipeline.run(input, dir.resolve("out"), dir.resolve("cp"),
            CheckpointStore.Hooks.NONE, true);

        assertThat(again.restoredCheckpointId()).isEqualTo(RECORDS / CrashTestPipeline.CHECKPOINT_EVERY_RECORDS);
        assertThat(again.outputsAppended()).isZero();
        assertThat(again.outputsVerified()).isPositive();
        assertThat(CrashRecoveryTest.readOutput(dir.resolve("out"))).isEqualTo(expected);
    }

    @Test
    void shouldFallBackLoudlyPastADamagedCheckpointAndStillWriteTheExactOutput(@TempDir final Path dir) throws IOException
    {
        final Path checkpoints = dir.resolve("cp");
        CrashTestPipeline.run(input, dir.resolve("out"), checkpoints, CheckpointStore.Hooks.NONE, true);
        final Path newest = newestSnapshot(checkpoints);
        final byte[] bytes = Files.readAllBytes(newest);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(newest, bytes);

        final List<String> warnings = new ArrayList<>();
        final RecoveryReport report = durable(dir.resolve("out"), checkpoints, "crash-test-v1", warnings).run();

        assertThat(warnings).singleElement().asString().contains("checksum mismatch").contains("falling back to checkpoint");
        assertThat(report.restoredCheckpointId()).isEqualTo(RECORDS / CrashTestPipeline.CHECKPOINT_EVERY_RECORDS - 1);
        assertThat(CrashRecoveryTest.readOutput(dir.resolve("out"))).isEqualTo(expected);
    }

    @Test
    void shouldRefuseTheCheckpointsOfAnotherPipeline(@TempDir final Path dir)
    {
        CrashTestPipeline.run(input, dir.resolve("out"), dir.resolve("cp"), CheckpointStore.Hooks.NONE, true);

        assertThatThrownBy(() -> durable(dir.resolve("out2"), dir.resolve("cp"), "another-pipeline", new ArrayList<>()).run())
            .isInstanceOf(CheckpointException.class)
            .hasMessageContaining("another-pipeline").hasMessageContaining("crash-test-v1");
    }

    @Test
    void shouldRefuseACheckpointBeyondTheEndOfTheInputJournal(@TempDir final Path dir)
    {
        CrashTestPipeline.run(input, dir.resolve("out"), dir.resolve("cp"), CheckpointStore.Hooks.NONE, true);
        final Path shortInput = dir.resolve("short-input");
        CrashTestPipeline.writeInput(shortInput, 7, 1_000);

        assertThatThrownBy(() -> DurablePipeline.<Payment, WindowResult>builder("crash-test-v1")
            .input(shortInput, Payment.CODEC, Payment.TYPE)
            .output(dir.resolve("out"), CrashTestPipeline.OUTPUT_CODEC)
            .checkpoints(dir.resolve("cp"), 2)
            .stepped(true)
            .plan(DurablePipelineTest::countPlan)
            .build().run())
            .isInstanceOf(JournalException.class)
            .hasMessageContaining("points at input sequence")
            .hasMessageContaining("does not hold");
    }

    @Test
    void shouldStopADivergingReplayNamingTheOutputWhereItDiverged(@TempDir final Path dir)
    {
        CrashTestPipeline.run(input, dir.resolve("out"), dir.resolve("cp"), CheckpointStore.Hooks.NONE, true);
        deleteCheckpoints(dir.resolve("cp"));

        // same id, different code: counts per 500 ms windows instead of the sliding windows journaled
        assertThatThrownBy(() -> DurablePipeline.<Payment, WindowResult>builder("crash-test-v1")
            .input(input, Payment.CODEC, Payment.TYPE)
            .output(dir.resolve("out"), CrashTestPipeline.OUTPUT_CODEC)
            .checkpoints(dir.resolve("cp"), 2)
            .stepped(true)
            .plan(DurablePipelineTest::countPlan)
            .build().run())
            .isInstanceOf(PipelineException.class)
            .rootCause().isInstanceOf(JournalException.class).hasMessageContaining("diverge");
    }

    @Test
    void shouldHandTheCallbackEveryOutputWithItsKeyAndAfterARecoveryTheRegeneratedOnesAgain(@TempDir final Path dir)
    {
        final List<String> first = new ArrayList<>();
        final RecoveryReport straight = withCallback(dir, first).run();
        assertThat(first).isEqualTo(expected);

        final List<String> second = new ArrayList<>();
        final RecoveryReport again = withCallback(dir, second).run();

        assertThat(second).hasSize((int)again.outputsVerified()).isNotEmpty();
        assertThat(second).as("at-least-once: the outputs since the checkpoint, in order, with the same keys")
            .isEqualTo(expected.subList(expected.size() - second.size(), expected.size()));
        assertThat(straight.outputsAppended()).isEqualTo(expected.size());
    }

    private static DurablePipeline<Payment, WindowResult> withCallback(final Path dir, final List<String> seen)
    {
        return DurablePipeline.<Payment, WindowResult>builder("crash-test-v1")
            .input(input, Payment.CODEC, Payment.TYPE)
            .output(dir.resolve("out"), CrashTestPipeline.OUTPUT_CODEC)
            .checkpoints(dir.resolve("cp"), 2)
            .checkpointEvery(CrashTestPipeline.CHECKPOINT_EVERY_RECORDS, 10_000)
            .stepped(true)
            .callback((result, timestamp, sequence, ordinal) ->
                seen.add(sequence + "/" + ordinal + " t=" + timestamp + " " + result))
            .plan((source, sink) -> CrashTestPipeline.plan(Pipeline.from(source), sink))
            .build();
    }

    @Test
    void shouldNameWhatABuilderLacks()
    {
        assertThatThrownBy(() -> DurablePipeline.<Payment, WindowResult>builder("x").build())
            .hasMessageContaining("input(…)").hasMessageContaining("output(…)")
            .hasMessageContaining("checkpoints(…)").hasMessageContaining("plan(…)");
    }

    private static Pipeline<Payment> countPlan(
        final io.ringflow.pipeline.Source<Payment> source, final io.ringflow.pipeline.SequencedSink<WindowResult> sink)
    {
        return Pipeline.from(source)
            .assignTimestamps("event-time", io.ringflow.operators.time.WatermarkStrategy
                .<Payment>forBoundedOutOfOrderness(50).withTimestampAssigner(Payment::timeMs))
            .keyBy(Payment::card)
            .window(Windows.tumbling(500))
            .aggregate("count", Aggregates.of(Aggregates.count(), Aggregates.count()))
            .to(sink);
    }

    private static DurablePipeline<Payment, WindowResult> durable(
        final Path output, final Path checkpoints, final String id, final List<String> warnings)
    {
        return DurablePipeline.<Payment, WindowResult>builder(id)
            .input(input, Payment.CODEC, Payment.TYPE)
            .output(output, new WindowResultCodec(CrashTestPipeline.SLOTS))
            .checkpoints(checkpoints, 2)
            .checkpointEvery(CrashTestPipeline.CHECKPOINT_EVERY_RECORDS, 10_000)
            .stepped(true)
            .warnings(warnings::add)
            .plan((source, sink) -> CrashTestPipeline.plan(Pipeline.from(source), sink))
            .build();
    }

    private static Path newestSnapshot(final Path checkpoints) throws IOException
    {
        try (Stream<Path> files = Files.walk(checkpoints))
        {
            return files.filter(p -> p.toString().endsWith("windows.snap")).max(Path::compareTo).orElseThrow();
        }
    }

    private static void deleteCheckpoints(final Path checkpoints)
    {
        try (Stream<Path> files = Files.walk(checkpoints))
        {
            files.sorted((a, b) -> b.compareTo(a)).filter(p -> !p.equals(checkpoints)).forEach(p -> p.toFile().delete());
        }
        catch (final IOException ex)
        {
            throw new AssertionError(ex);
        }
    }
}
