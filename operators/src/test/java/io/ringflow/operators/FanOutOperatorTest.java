package io.ringflow.operators;

import io.ringflow.operators.aggregate.Aggregates;
import io.ringflow.operators.snapshot.SnapshotException;
import io.ringflow.operators.stateless.FlatMapOperator;
import io.ringflow.operators.stateless.ProcessOperator;
import io.ringflow.operators.stateless.StatelessOperator;
import io.ringflow.operators.testing.Emitted;
import io.ringflow.operators.testing.OperatorTestHarness;
import io.ringflow.operators.time.TimestampsAndWatermarksOperator;
import io.ringflow.operators.time.WatermarkStrategy;
import io.ringflow.operators.window.WindowOperator;
import io.ringflow.operators.window.WindowResult;
import io.ringflow.operators.window.Windows;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A fan-out of window, stateless and hand-written branches, driven through {@link OperatorTestHarness}:
 * branch order per input, the output watermark as the slowest branch's, idleness, side outputs, and
 * snapshot and restore.
 */
class FanOutOperatorTest
{
    private static final OutputTag<String> BIG = new OutputTag<>("big");

    /** A payment: the fan-out's input. */
    record Payment(long card, long amount)
    {
    }

    /** Counts per card in tumbling windows of {@code size}, as lines "name card k [start, end) count". */
    private static OperatorChain<Payment, String> counts(final String name, final long size, final long lateness)
    {
        return OperatorChain.<Payment, WindowResult>first(WindowOperator.<Payment>keyed(name, Payment::card)
                .window(Windows.tumbling(size))
                .allowedLateness(lateness)
                .expectedKeys(2)
                .aggregate(Aggregates.count()))
            .then(new FlatMapOperator<WindowResult, String>(name + "-text", (result, out) -> out.collect(
                name + " card " + result.key() + " [" + result.start() + ", " + result.end() + ") " + result.longValue(0))));
    }

    /** Echoes each payment, stateless, passing watermarks and idleness on unchanged. */
    private static FlatMapOperator<Payment, String> echo(final String name)
    {
        return new FlatMapOperator<>(name, (payment, out) -> out.collect(name + " " + payment.amount()));
    }

    private static OperatorTestHarness<Payment, String> harness(final OneInputOperator<Payment, String> operator)
    {
        return OperatorTestHarness.open(operator, payment -> payment, line -> line);
    }

    /** The fan-out followed by a {@link Timeline}, so that records and watermarks show in the order emitted. */
    private static OperatorTestHarness<Payment, String> timeline(final FanOutOperator<Payment, String> fanOut)
    {
        return harness(OperatorChain.first(fanOut).then(new Timeline()));
    }

    @Test
    void shouldEmitBranchZerosOutputsForARecordBeforeBranchOnes()
    {
        final FlatMapOperator<Payment, String> twice = new FlatMapOperator<>("twice", (payment, out) ->
        {
            out.collect("twice " + payment.amount() + " a");
            out.collect("twice " + payment.amount() + " b");
        });
        try (OperatorTestHarness<Payment, String> h = harness(new FanOutOperator<>("rules", List.of(twice, echo("echo")))))
        {
            h.processElement(new Payment(1, 10), 100);
            h.processElement(new Payment(2, 20), 90);

            assertThat(h.output()).containsExactly(
                new Emitted<>("twice 10 a", 100), new Emitted<>("twice 10 b", 100), new Emitted<>("echo 10", 100),
                new Emitted<>("twice 20 a", 90), new Emitted<>("twice 20 b", 90), new Emitted<>("echo 20", 90));
        }
    }

    @Test
    void shouldForwardAWatermarkOnlyOnceTheSlowestWindowBranchHasFiredForIt()
    {
        try (OperatorTestHarness<Payment, String> h = timeline(new FanOutOperator<>("rules",
            List.of(counts("ten", 10, 0), counts("thirty", 30, 0)))))
        {
            h.processElement(new Payment(1, 1), 3);
            h.processElement(new Payment(1, 1), 12);
            h.processElement(new Payment(2, 1), 25);
            h.processWatermark(9);
            h.processWatermark(29);

            assertThat(h.outputRecords()).containsExactly(
                "ten card 1 [0, 10) 1",
                "watermark 9",
                "ten card 1 [10, 20) 1",
                "ten card 2 [20, 30) 1",
                "thirty card 1 [0, 30) 2",
                "thirty card 2 [0, 30) 1",
                "watermark 29");
        }
    }

    @Test
    void shouldNeverEmitARecordAtOrBelowAWatermarkItAlreadyForwarded()
    {
        for (long seed = 0; seed < 20; seed++)
        {
            try (OperatorTestHarness<Payment, String> h = timeline(new FanOutOperator<>("rules",
                List.of(counts("seven", 7, 0), counts("twenty", 20, 0), counts("five", 5, 0)))))
            {
                run(h, stream(seed, 300));

                long forwarded = Long.MIN_VALUE;
                int records = 0;
                for (final Emitted<String> emitted : h.output())
                {
                    if (emitted.record().startsWith("watermark "))
                    {
                        forwarded = emitted.timestamp();
                    }
                    else
                    {
                        records++;
                        assertThat(emitted.timestamp()).as("seed %d: %s", seed, emitted).isGreaterThan(forwarded);
                    }
                }
                assertThat(records).as("seed %d", seed).isGreaterThan(20);
                assertThat(forwarded).isEqualTo(Timestamps.END_OF_STREAM);
            }
        }
    }

    @Test
    void shouldForwardTheMinimumOfTheBranchWatermarksAndOnlyWhenItRises()
    {
        try (OperatorTestHarness<Payment, String> h = harness(new FanOutOperator<>("rules",
            List.of(echo("echo"), new Lagging(5)))))
        {
            h.processWatermark(20);
            h.processWatermark(20);
            h.processWatermark(22);
            h.processWatermark(22);
            h.processWatermark(30);

            assertThat(h.watermarks()).containsExactly(15L, 17L, 25L);
        }
    }

    @Test
    void shouldForwardNoWatermarkWhileABranchHasEmittedNone()
    {
        try (OperatorTestHarness<Payment, String> h = harness(new FanOutOperator<>("rules",
            List.of(echo("echo"), Lagging.silent()))))
        {
            h.processWatermark(20);
            h.processWatermark(Timestamps.END_OF_STREAM);

            assertThat(h.watermarks()).isEmpty();
        }
    }

    @Test
    void shouldForwardIdlenessOnlyWhenEveryBranchForwardsIt()
    {
        try (OperatorTestHarness<Payment, String> allIdle = harness(new FanOutOperator<>("rules",
            List.of(echo("a"), counts("ten", 10, 0))));
            OperatorTestHarness<Payment, String> oneHolds = harness(new FanOutOperator<>("rules",
                List.of(echo("a"), new Lagging(0), echo("b")))))
        {
            allIdle.processIdle();
            allIdle.processIdle();
            oneHolds.processIdle();

            assertThat(allIdle.idleSignals()).isEqualTo(2);
            assertThat(oneHolds.idleSignals()).isZero();
        }
    }

    @Test
    void shouldPassEveryBranchsRejectionsAndSideOutputsThrough()
    {
        final ProcessOperator<Payment, String> bigOnes = new ProcessOperator<>("big-ones", (payment, ctx) ->
        {
            if (payment.amount() >= 100)
            {
                ctx.output(BIG, "big " + payment.amount());
            }
        });
        try (OperatorTestHarness<Payment, String> h = harness(new FanOutOperator<>("rules",
            List.of(counts("ten", 10, 0), bigOnes))))
        {
            h.processElement(new Payment(1, 5), 3);
            h.processWatermark(9);
            h.processElement(new Payment(1, 500), 4);

            assertThat(h.outputRecords()).containsExactly("ten card 1 [0, 10) 1");
            assertThat(h.rejected()).singleElement().satisfies(rejected ->
            {
                assertThat(rejected.operatorName()).isEqualTo("ten");
                assertThat(rejected.reason()).isEqualTo(RejectReason.LATE);
                assertThat(rejected.record()).isEqualTo(new Payment(1, 500));
                assertThat(rejected.timestamp()).isEqualTo(4);
            });
            assertThat(h.sideOutput(BIG)).containsExactly(new Emitted<>("big 500", 4));
        }
    }

    @Test
    void shouldContinueAfterARestoreExactlyAsTheUninterruptedRun()
    {
        final List<Step> steps = List.of(
            Step.payment(1, 1, 3), Step.payment(2, 1, 8), Step.watermark(5), Step.payment(1, 1, 12),
            Step.watermark(9), Step.payment(1, 1, 2), Step.payment(2, 1, 25), Step.watermark(9),
            Step.watermark(29), Step.payment(1, 1, 31), Step.watermark(Timestamps.END_OF_STREAM));
        for (int cut = 0; cut <= steps.size(); cut++)
        {
            assertRestoreEquivalent(FanOutOperatorTest::statefulRules, steps, cut);
        }
    }

    @Test
    void shouldRestoreEveryBranchsLastWatermark()
    {
        // ten's watermark comes from the input's, own-time's from the records': 20 is forwarded once both
        // have passed it, and after the cut ten alone moving to 30 is enough, own-time's 46 being restored
        final List<Step> steps = List.of(Step.watermark(20), Step.payment(1, 1, 50), Step.watermark(30));
        final Supplier<FanOutOperator<Payment, String>> factory =
            () -> new FanOutOperator<>("rules", List.of(counts("ten", 10, 0), ownTime()));
        try (OperatorTestHarness<Payment, String> h = harness(factory.get()))
        {
            run(h, steps);
            assertThat(h.watermarks()).containsExactly(20L, 30L);
        }
        assertRestoreEquivalent(factory, steps, 2);
    }

    @Property(tries = 40)
    void shouldRestoreARandomStreamCutAnywhereExactly(
        @ForAll final long seed, @ForAll @IntRange(min = 0, max = 100) final int cutPercent)
    {
        final List<Step> steps = stream(seed, 300);
        assertRestoreEquivalent(FanOutOperatorTest::statefulRules, steps, steps.size() * cutPercent / 100);
    }

    @Test
    void shouldRefuseToRestoreASnapshotWithAnotherNumberOfBranches()
    {
        final byte[] snapshot;
        try (OperatorTestHarness<Payment, String> h = harness(rules()))
        {
            h.processElement(new Payment(1, 1), 3);
            snapshot = h.snapshot();
        }
        final FanOutOperator<Payment, String> three =
            new FanOutOperator<>("rules", List.of(counts("ten", 10, 0), echo("echo"), echo("again")));

        assertThatThrownBy(() -> OperatorTestHarness.restore(three, snapshot, payment -> payment, line -> line))
            .isInstanceOf(SnapshotException.class)
            .hasMessageContaining("fan-out 'rules' snapshot holds 2 branches, this one has 3");
    }

    @Test
    void shouldRefuseAFanOutWithoutBranches()
    {
        assertThatThrownBy(() -> new FanOutOperator<Payment, String>("rules", List.of()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("fan-out 'rules' needs at least one branch");
    }

    @Test
    void shouldDescribeKeysPassProcessingTimeAndCloseThroughEveryBranch()
    {
        final Lagging first = new Lagging(0);
        final Lagging second = new Lagging(0);
        final FanOutOperator<Payment, String> fanOut =
            new FanOutOperator<>("rules", List.of(counts("ten", 10, 0), first, counts("thirty", 30, 0), second));
        try (OperatorTestHarness<Payment, String> h = harness(fanOut))
        {
            h.processElement(new Payment(7, 1), 3);
            h.advanceProcessingTime(1_000);

            final List<String> lines = new ArrayList<>();
            fanOut.describeKey(7, lines);
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).startsWith("window 'ten': key 7 [0, 10) 1 records");
            assertThat(lines.get(1)).startsWith("window 'thirty': key 7 [0, 30) 1 records");
            assertThat(first.ticks).containsExactly(1_000L);
            assertThat(second.ticks).containsExactly(1_000L);
        }
        assertThat(first.closed).isTrue();
        assertThat(second.closed).isTrue();
    }

    private static FanOutOperator<Payment, String> rules()
    {
        return new FanOutOperator<>("rules", List.of(counts("ten", 10, 0), echo("echo")));
    }

    /**
     * Two window branches with lateness (firing late and rejecting beyond it), a stateless one, and one
     * whose watermarks come from its records rather than from the input's.
     */
    private static FanOutOperator<Payment, String> statefulRules()
    {
        return new FanOutOperator<>("rules",
            List.of(counts("ten", 10, 15), echo("echo"), counts("twenty-five", 25, 0), ownTime()));
    }

    /** Stamps records itself (out of orderness 3) and so ignores the input's watermarks until the end. */
    private static OperatorChain<Payment, String> ownTime()
    {
        return OperatorChain.<Payment, Payment>first(
                new TimestampsAndWatermarksOperator<>("own-time", WatermarkStrategy.forBoundedOutOfOrderness(3)))
            .then(new FlatMapOperator<Payment, String>("own-time-text", (payment, out) -> { }));
    }

    private static void assertRestoreEquivalent(
        final Supplier<FanOutOperator<Payment, String>> factory, final List<Step> steps, final int cut)
    {
        final List<Emitted<String>> output = new ArrayList<>();
        final List<Long> watermarks = new ArrayList<>();
        final List<String> rejected = new ArrayList<>();
        final byte[] snapshot;
        try (OperatorTestHarness<Payment, String> before = harness(factory.get()))
        {
            run(before, steps.subList(0, cut));
            snapshot = before.snapshot();
            output.addAll(before.output());
            watermarks.addAll(before.watermarks());
            before.rejected().forEach(r -> rejected.add(r.toString()));
        }
        try (OperatorTestHarness<Payment, String> after =
            OperatorTestHarness.restore(factory.get(), snapshot, payment -> payment, line -> line))
        {
            run(after, steps.subList(cut, steps.size()));
            output.addAll(after.output());
            watermarks.addAll(after.watermarks());
            after.rejected().forEach(r -> rejected.add(r.toString()));
        }

        try (OperatorTestHarness<Payment, String> uncut = harness(factory.get()))
        {
            run(uncut, steps);
            assertThat(output).as("output, cut at %d", cut).isEqualTo(uncut.output());
            assertThat(watermarks).as("watermarks, cut at %d", cut).isEqualTo(uncut.watermarks());
            assertThat(rejected).as("rejections, cut at %d", cut)
                .isEqualTo(uncut.rejected().stream().map(Object::toString).toList());
        }
    }

    /** One step of a stream: a payment (card, amount, timestamp) or a watermark. */
    private record Step(boolean watermark, long card, long amount, long time)
    {
        static Step payment(final long card, final long amount, final long time)
        {
            return new Step(false, card, amount, time);
        }

        static Step watermark(final long time)
        {
            return new Step(true, 0, 0, time);
        }
    }

    /** Mostly ordered payments, some late, watermarks that sometimes repeat, and end of stream. */
    private static List<Step> stream(final long seed, final int length)
    {
        final Random random = new Random(seed);
        final List<Step> steps = new ArrayList<>();
        long maxTimestamp = random.nextInt(100) - 50;
        long watermark = Long.MIN_VALUE;
        for (int i = 0; i < length; i++)
        {
            if (random.nextInt(5) == 0)
            {
                watermark = Math.max(watermark, maxTimestamp - random.nextInt(15));
                steps.add(Step.watermark(watermark));
                continue;
            }
            final long timestamp = random.nextInt(10) == 0 ? maxTimestamp - random.nextInt(60) :
                maxTimestamp + random.nextInt(6) - 2;
            maxTimestamp = Math.max(maxTimestamp, timestamp);
            steps.add(Step.payment(random.nextInt(4), random.nextInt(1_000), timestamp));
        }
        steps.add(Step.watermark(Timestamps.END_OF_STREAM));
        return steps;
    }

    private static void run(final OperatorTestHarness<Payment, String> h, final List<Step> steps)
    {
        for (final Step step : steps)
        {
            if (step.watermark())
            {
                h.processWatermark(step.time());
            }
            else
            {
                h.processElement(new Payment(step.card(), step.amount()), step.time());
            }
        }
    }

    /** Passes records on and writes each watermark as a line "watermark w" at time w before forwarding it. */
    private static final class Timeline extends StatelessOperator<String, String>
    {
        Timeline()
        {
            super("timeline", "timeline");
        }

        @Override
        public void processRecord(final String record, final long timestamp)
        {
            output.emit(record, timestamp);
        }

        @Override
        public void processWatermark(final long watermark)
        {
            output.emit("watermark " + watermark, watermark);
            output.emitWatermark(watermark);
        }
    }

    /**
     * A branch that emits no records, holds its watermark {@code lag} behind the input's (or emits none),
     * swallows idleness, and remembers processing time and close.
     */
    private static final class Lagging extends StatelessOperator<Payment, String>
    {
        final List<Long> ticks = new ArrayList<>();
        private final long lag;
        private final boolean silent;
        boolean closed;

        Lagging(final long lag)
        {
            this(lag, false);
        }

        private Lagging(final long lag, final boolean silent)
        {
            super("lagging", "lagging");
            this.lag = lag;
            this.silent = silent;
        }

        /** @return a branch that never emits a watermark. */
        static Lagging silent()
        {
            return new Lagging(0, true);
        }

        @Override
        public void processRecord(final Payment record, final long timestamp)
        {
        }

        @Override
        public void processWatermark(final long watermark)
        {
            if (!silent)
            {
                output.emitWatermark(watermark - lag);
            }
        }

        @Override
        public void processIdle()
        {
        }

        @Override
        public void onProcessingTime(final long nowTicks)
        {
            ticks.add(nowTicks);
        }

        @Override
        public void close()
        {
            closed = true;
        }
    }
}
