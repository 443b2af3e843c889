package io.ringflow.replay;

import io.ringflow.journal.InputJournal;
import io.ringflow.journal.JournalException;
import io.ringflow.journal.durable.DurablePipeline;
import io.ringflow.journal.durable.RecoveryReport;
import io.ringflow.operators.window.WindowAssigner;
import io.ringflow.operators.window.WindowResult;
import io.ringflow.operators.window.Windows;
import io.ringflow.pipeline.SequencedSink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Replay as a debugger uses it: the recorded output reproduced, a replay from the middle equal to the
 * straight run's tail, time travel equal to a straight run, breakpoints, stepping, pacing, and a
 * divergence found and explained.
 */
class ReplaySessionTest
{
    private static final int RECORDS = 12_000;
    private static final VelocityDefinition DEFINITION = new VelocityDefinition();

    @TempDir
    static Path dir;
    private static Path input;
    private static Path recorded;
    private static Path checkpoints;
    private static List<String> straight;
    private static List<Long> sequences;

    @BeforeAll
    static void recordARun()
    {
        input = dir.resolve("input");
        sequences = writeInput(input, new Random(5), RECORDS);
        recorded = dir.resolve("output");
        checkpoints = dir.resolve("checkpoints");
        final RecoveryReport report = DurablePipeline.builder(DEFINITION).input(input).output(recorded)
            .checkpoints(checkpoints, 100).checkpointEvery(1_000, 60_000).stepped(true).build().run();
        assertThat(report.checkpointsCommitted()).isEqualTo(RECORDS / 1_000);
        try (ReplaySession<Txn, WindowResult> session = ReplaySession.builder(DEFINITION, input)
            .outputs(collect(straight = new ArrayList<>())).open())
        {
            assertThat(session.runToEnd()).isEqualTo(StopReason.END_OF_STREAM);
        }
        assertThat(straight).hasSizeGreaterThan(5_000);
    }

    /**
     * Journal {@code records} transactions over 200 cards, a little out of order, then the end-of-stream.
     *
     * @return each record's sequence.
     */
    static List<Long> writeInput(final Path input, final Random random, final int records)
    {
        final List<Long> sequences = new ArrayList<>();
        try (InputJournal journal = new InputJournal(input))
        {
            final Txn txn = new Txn();
            for (int i = 0; i < records; i++)
            {
                txn.set(random.nextInt(200), i / 3 + random.nextInt(15), random.nextInt(1_000) - 10);
                sequences.add(journal.append(new Txn.Codec(), txn, txn.timeMs, i));
            }
            journal.appendEndOfStream(records);
        }
        return sequences;
    }

    private static SequencedSink<WindowResult> collect(final List<String> into)
    {
        return (result, timestamp, sequence, ordinal) -> into.add(sequence + "/" + ordinal + " " + result);
    }

    @Test
    void shouldReproduceTheRecordedOutputJournalExactly()
    {
        try (ReplaySession<Txn, WindowResult> session = ReplaySession.builder(DEFINITION, input)
            .verifyAgainst(recorded).open())
        {
            assertThat(session.runToEnd()).isEqualTo(StopReason.END_OF_STREAM);
            assertThat(session.divergence()).isEmpty();
            assertThat(session.outputsVerified()).isEqualTo(straight.size());
        }
    }

    @Test
    void shouldFindAndExplainTheFirstDivergentOutput()
    {
        final VelocityDefinition changed = new VelocityDefinition()
        {
            @Override
            protected WindowAssigner windows()
            {
                return Windows.sliding(100, 25);
            }
        };
        try (ReplaySession<Txn, WindowResult> session = ReplaySession.builder(changed, input).verifyAgainst(recorded).open())
        {
            assertThat(session.runToEnd()).isEqualTo(StopReason.DIVERGED);
            final Divergence divergence = session.divergence().orElseThrow();
            assertThat(divergence.position()).isNotNegative();
            assertThat(divergence.describe()).contains("first divergent output").contains("replayed:")
                .contains("recorded:").contains("state of its key");
            assertThat(divergence.keyState()).allMatch(line -> line.startsWith("windows: window 'velocity'"));
            assertThat(session.position()).as("stopped right after the diverging input")
                .isLessThan(sequences.get(RECORDS - 1));
        }
    }

    @Test
    void shouldDeliverFromTheMiddleExactlyTheStraightRunsTailWithOrWithoutACheckpoint()
    {
        final long from = sequences.get(7_345);
        final List<String> tail = straight.stream().filter(line -> Long.parseLong(line.split("/")[0]) >= from).toList();
        for (final boolean useCheckpoints : new boolean[]{true, false})
        {
            final List<String> delivered = new ArrayList<>();
            final ReplaySession.Builder<Txn, WindowResult> builder = ReplaySession.builder(DEFINITION, input)
                .fromSequence(from).outputs(collect(delivered));
            if (useCheckpoints)
            {
                builder.checkpoints(checkpoints);
            }
            try (ReplaySession<Txn, WindowResult> session = builder.open())
            {
                assertThat(session.restoredCheckpoint().isPresent()).isEqualTo(useCheckpoints);
                if (useCheckpoints)
                {
                    assertThat(session.restoredCheckpoint().get().inputSequence()).isEqualTo(sequences.get(6_999));
                    assertThat(session.position()).isEqualTo(sequences.get(6_999));
                }
                assertThat(session.runToEnd()).isEqualTo(StopReason.END_OF_STREAM);
                assertThat(delivered).as("checkpoints=%s", useCheckpoints).isEqualTo(tail);
            }
        }
    }

    @Test
    void shouldTravelToAnySequenceWithTheStateAStraightRunHasThere()
    {
        final long at = sequences.get(4_321);
        final Map<String, byte[]> expected;
        final List<String> expectedKey;
        try (ReplaySession<Txn, WindowResult> session = ReplaySession.builder(DEFINITION, input).open())
        {
            assertThat(session.runTo(at)).isEqualTo(StopReason.REACHED_SEQUENCE);
            expected = session.snapshot();
            expectedKey = session.describeKey(17);
        }
        try (ReplaySession<Txn, WindowResult> session = ReplaySession.builder(DEFINITION, input)
            .checkpoints(checkpoints).fromSequence(at + 1).open())
        {
            assertThat(session.restoredCheckpoint()).isPresent();
            assertThat(session.runTo(at)).isEqualTo(StopReason.REACHED_SEQUENCE);
            final Map<String, byte[]> actual = session.snapshot();
            assertThat(actual.keySet()).containsExactly("velocity-v1", "windows");
            actual.forEach((stage, bytes) -> assertThat(bytes).as(stage).isEqualTo(expected.get(stage)));
            assertThat(session.describeKey(17)).isEqualTo(expectedKey).isNotEmpty();
            assertThat(session.stages()).extracting(StageView::stage).containsExactly("velocity-v1", "windows");
        }
    }

    @Test
    void shouldStopBeforeTheFirstRecordMatchingABreakpointAndStepIt()
    {
        try (ReplaySession<Txn, WindowResult> session = ReplaySession.builder(DEFINITION, input).open())
        {
            final StopReason reason = session.runUntil((txn, sequence, timestamp) -> txn.amount >= 985 && txn.card < 20);
            assertThat(reason).isEqualTo(StopReason.BREAKPOINT);
            final long matched = session.peek().orElseThrow().sequence();
            assertThat(session.position()).isLessThan(matched);
            assertThat(session.peek().orElseThrow().record().card).isLessThan(20);
            final long watermarkBefore = session.stages().get(0).watermark();

            assertThat(session.step()).isTrue();
            assertThat(session.position()).isEqualTo(matched);
            assertThat(session.stages().get(0).watermark()).isGreaterThanOrEqualTo(watermarkBefore);
        }
    }

    @Test
    void shouldMakeTheSameOutputsOneStepAtATime()
    {
        final List<String> stepped = new ArrayList<>();
        try (ReplaySession<Txn, WindowResult> session = ReplaySession.builder(DEFINITION, input)
            .outputs(collect(stepped)).open())
        {
            int steps = 0;
            while (session.step())
            {
                steps++;
            }
            assertThat(steps).isEqualTo(RECORDS + 1);
            assertThat(session.isEnded()).isTrue();
        }
        assertThat(stepped).isEqualTo(straight);
    }

    @Test
    void shouldPaceRecordsByEventTimeAtTheChosenSpeed()
    {
        final FakeClock clock = new FakeClock();
        try (ReplaySession<Txn, WindowResult> session = ReplaySession.builder(DEFINITION, input)
            .paced(10, clock).open())
        {
            session.runTo(sequences.get(299));
        }
        assertThat(clock.waits).isNotEmpty();
        long previous = Long.MIN_VALUE;
        for (final long deadline : clock.waits)
        {
            assertThat(deadline).as("deadlines never go back").isGreaterThanOrEqualTo(previous);
            previous = deadline;
        }
        // records 0..299 span about 100 ms of event time: at 10x, about 10 ms of wall time, never more than
        // the event-time span allows (the fake clock only moves when waited on)
        assertThat(clock.now).isBetween(8_000_000L, 11_500_000L);
    }

    @Test
    void shouldNameWhatIsWrongWithItsInput(@TempDir final Path empty)
    {
        assertThatThrownBy(() -> ReplaySession.builder(DEFINITION, empty.resolve("nothing")).open())
            .isInstanceOf(JournalException.class).hasMessageContaining("no journal at");
        assertThatThrownBy(() -> ReplaySession.builder(DEFINITION, input).fromEventTime(Long.MAX_VALUE / 2).open())
            .isInstanceOf(JournalException.class).hasMessageContaining("no record at or after event time");
        assertThatThrownBy(() -> ReplaySession.builder(DEFINITION, input).paced(-1, PacingClock.SYSTEM))
            .hasMessageContaining("replay speed");
    }

    /** Moves only when waited on, and remembers every deadline. */
    static final class FakeClock implements PacingClock
    {
        final List<Long> waits = new ArrayList<>();
        long now;

        @Override
        public long nanoTime()
        {
            return now;
        }

        @Override
        public void waitUntil(final long deadlineNs)
        {
            waits.add(deadlineNs);
            now = Math.max(now, deadlineNs);
        }
    }
}
