package io.ringflow.pipeline;

import io.ringflow.operators.OutputTag;
import io.ringflow.operators.Rejected;
import io.ringflow.operators.aggregate.Aggregates;
import io.ringflow.operators.stateless.ProcessFunction;
import io.ringflow.operators.time.WatermarkStrategy;
import io.ringflow.operators.window.Windows;
import io.ringflow.pipeline.runtime.CheckpointListener;
import io.ringflow.pipeline.runtime.PipelineRuntime;
import io.ringflow.pipeline.runtime.StageStates;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code Stream.fanOut} through the runtime: two rules on the same transactions, a keyed window count and
 * a filter, fused on one stage; what it emits is what each rule emits alone, branch 0's first for each
 * input, on threads and stepped; checkpoints restore it; and the plan refuses a branch that is not a
 * plain chain of operators.
 */
class FanOutPipelineTest
{
    private static final OutputTag<Txn> REFUNDS = new OutputTag<>("refunds");

    /** One line of output, reused in ring slots. */
    static final class Line
    {
        static final RecordType<Line> TYPE = RecordType.of("Line", Line::new, (from, to) -> to.text = from.text);
        String text = "";
    }

    private static WatermarkStrategy<Txn> eventTime(final long outOfOrderness)
    {
        return WatermarkStrategy.<Txn>forBoundedOutOfOrderness(outOfOrderness).withTimestampAssigner(Txn::timeMs);
    }

    /** Branch 0: transactions per card in tumbling windows of 100. */
    private static Stream<Txn, Line> counts(final Stream<Txn, Txn> txns)
    {
        return counts(txns, (rejected, timestamp) -> { });
    }

    /** Branch 0, its late records going to {@code late}. */
    private static Stream<Txn, Line> counts(final Stream<Txn, Txn> txns, final Sink<Rejected<Txn>> late)
    {
        return txns.keyBy(Txn::card)
            .window(Windows.tumbling(100))
            .lateRecords(late)
            .aggregate("counts", Aggregates.count())
            .map("count-line", (result, line) -> line.text = "count card " + result.key() + " [" + result.start() +
                ", " + result.end() + ") " + result.longValue(0), Line.TYPE);
    }

    /** Branch 1: big transactions. */
    private static Stream<Txn, Line> big(final Stream<Txn, Txn> txns)
    {
        return txns.filter("big", txn -> txn.amount > 80)
            .map("big-line", (txn, line) -> line.text = "big card " + txn.card + " amount " + txn.amount, Line.TYPE);
    }

    /** Runs source → event time → {@code rules} → a second stage → sink, and returns the lines the sink saw. */
    private static List<String> run(
        final Function<Stream<Txn, Txn>, Stream<Txn, Line>> rules, final long outOfOrderness, final List<Txn> input,
        final boolean stepped)
    {
        final List<String> lines = new ArrayList<>();
        final Pipeline<Txn> plan = rules.apply(Pipeline.from(Source.of("txns", Txn.TYPE).ringSize(64))
                .assignTimestamps("event-time", eventTime(outOfOrderness)))
            .stage("out").ringSize(64)
            .filter("all", line -> true)
            .to((line, timestamp) -> lines.add(line.text + " @" + timestamp));
        if (stepped)
        {
            plan.stepped(new CachedEpochClock());
        }
        final PipelineRuntime<Txn> runtime = plan.build().start();
        for (final Txn txn : input)
        {
            assertThat(runtime.ingress().publish(Txn.COPY, txn, 5, TimeUnit.SECONDS)).isEqualTo(PublishResult.OK);
        }
        runtime.drain();
        runtime.close();
        return lines;
    }

    private static List<Txn> transactions(final long seed, final int count)
    {
        final Random random = new Random(seed);
        final List<Txn> txns = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            txns.add(new Txn().set(random.nextInt(10), i * 2L + random.nextInt(60), random.nextInt(100)));
        }
        return txns;
    }

    @ParameterizedTest(name = "stepped={0}")
    @ValueSource(booleans = {true, false})
    void shouldEmitExactlyWhatEachBranchEmitsWhenRunAlone(final boolean stepped)
    {
        final List<Txn> input = transactions(11, 2_000);
        final List<String> countsAlone = run(FanOutPipelineTest::counts, 20, input, stepped);
        final List<String> bigAlone = run(FanOutPipelineTest::big, 20, input, stepped);

        final List<String> fanned = run(txns -> txns.fanOut("rules", Line.TYPE,
            FanOutPipelineTest::counts, FanOutPipelineTest::big), 20, input, stepped);

        assertThat(countsAlone).hasSizeGreaterThan(100);
        assertThat(bigAlone).hasSizeGreaterThan(100);
        assertThat(fanned).hasSize(countsAlone.size() + bigAlone.size());
        assertThat(fanned.stream().filter(line -> line.startsWith("count")).toList()).isEqualTo(countsAlone);
        assertThat(fanned.stream().filter(line -> line.startsWith("big")).toList()).isEqualTo(bigAlone);
    }

    @ParameterizedTest(name = "stepped={0}")
    @ValueSource(booleans = {true, false})
    void shouldEmitTheLinesWorkedOutByHandAndRouteABranchsLateRecords(final boolean stepped)
    {
        final List<Long> late = new ArrayList<>();
        final List<String> lines = run(txns -> txns.fanOut("rules", Line.TYPE,
            branch -> counts(branch, (rejected, timestamp) -> late.add(rejected.record().timeMs)),
            FanOutPipelineTest::big), 0, List.of(
                new Txn().set(1, 10, 50),
                new Txn().set(1, 20, 90),
                new Txn().set(2, 150, 95),
                new Txn().set(1, 30, 99),
                new Txn().set(1, 160, 5)), stepped);

        // the watermark after t=150 is 149: the window [0, 100) fires after branch 1 saw that record;
        // t=30 is then late for the window but not for the filter
        assertThat(lines).containsExactly(
            "big card 1 amount 90 @20",
            "big card 2 amount 95 @150",
            "count card 1 [0, 100) 2 @99",
            "big card 1 amount 99 @30",
            "count card 1 [100, 200) 1 @199",
            "count card 2 [100, 200) 1 @199");
        assertThat(late).containsExactly(30L);
    }

    @Test
    void shouldPassRecordsThroughAnEmptyBranchAndRunNestedFanOuts()
    {
        final List<String> lines = new ArrayList<>();
        final PipelineRuntime<Txn> runtime = Pipeline.from(Source.of("txns", Txn.TYPE))
            .fanOut("copies", Txn.TYPE,
                branch -> branch,
                branch -> branch.fanOut("inner", Txn.TYPE,
                    inner -> inner.filter("big", txn -> txn.amount > 80),
                    inner -> inner.filter("small", txn -> txn.amount < 10)))
            .to((txn, timestamp) -> lines.add(Long.toString(txn.amount)))
            .stepped(new CachedEpochClock())
            .build().start();
        final Txn txn = new Txn();
        for (final long amount : new long[]{50, 90, 5})
        {
            runtime.ingress().publish(Txn.COPY, txn.set(1, 0, amount), 1, TimeUnit.SECONDS);
        }
        runtime.drain();
        runtime.close();

        assertThat(lines).containsExactly("50", "90", "90", "5", "5");
    }

    @Test
    void shouldRefuseABranchThatStartsAStage()
    {
        assertThatThrownBy(() -> Pipeline.from(Source.of("txns", Txn.TYPE))
            .assignTimestamps("event-time", eventTime(0))
            .fanOut("rules", Line.TYPE, FanOutPipelineTest::counts, branch -> big(branch.stage("elsewhere"))))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("fan-out 'rules' branch 1 in stage 'txns' starts a stage");

        assertThatThrownBy(() -> Pipeline.from(Source.of("txns", Txn.TYPE))
            .assignTimestamps("event-time", eventTime(0))
            .fanOut("rules", Line.TYPE, branch -> branch.keyBy(Txn::card).parallelism(2)
                .window(Windows.tumbling(100))
                .aggregate("counts", Aggregates.count())
                .map("count-line", (result, line) -> line.text = "count " + result.key(), Line.TYPE)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("fan-out 'rules' branch 0 in stage 'txns' starts a stage");
    }

    @Test
    void shouldRefuseABranchThatEndsInASink()
    {
        assertThatThrownBy(() -> Pipeline.from(Source.of("txns", Txn.TYPE))
            .assignTimestamps("event-time", eventTime(0))
            .fanOut("rules", Line.TYPE, FanOutPipelineTest::counts, branch ->
            {
                big(branch).to((line, timestamp) -> { });
                return big(branch);
            }))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("fan-out 'rules' branch 1 in stage 'txns' ends in a sink");
    }

    @Test
    void shouldRefuseABranchThatChangesTheStagesThreadSettingsRatherThanDropThem()
    {
        assertThatThrownBy(() -> Pipeline.from(Source.of("txns", Txn.TYPE))
            .assignTimestamps("event-time", eventTime(0))
            .fanOut("rules", Line.TYPE, FanOutPipelineTest::counts, branch -> big(branch.errorPolicy(ErrorPolicy.FAIL))))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("fan-out 'rules' branch 1 in stage 'txns' sets the stage's error policy");
        assertThatThrownBy(() -> Pipeline.from(Source.of("txns", Txn.TYPE))
            .fanOut("rules", Line.TYPE, branch -> big(branch.waitStrategy(WaitStrategy.BUSY_SPIN))))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("fan-out 'rules' branch 0 in stage 'txns' sets the stage's wait strategy");

        final Pipeline<Txn> plan = Pipeline.from(Source.of("txns", Txn.TYPE))
            .waitStrategy(WaitStrategy.BUSY_SPIN)
            .fanOut("rules", Line.TYPE, branch -> big(branch.waitStrategy(WaitStrategy.BUSY_SPIN)))
            .to((line, timestamp) -> { });
        assertThat(plan.describe()).contains("stage 'txns' [BUSY_SPIN]: rules");
    }

    @Test
    void shouldRefuseASideOutputSinkTheStageHasAlready()
    {
        final Sink<Txn> refunds = (txn, timestamp) -> { };
        final Function<Stream<Txn, Txn>, Stream<Txn, Line>> refunding = branch -> big(branch
            .process("refunds", (Txn txn, ProcessFunction.Context<Txn> ctx) ->
            {
                if (txn.amount < 0)
                {
                    ctx.output(REFUNDS, txn);
                }
                ctx.emit(txn);
            }, Txn.TYPE)
            .sideOutput(REFUNDS, refunds));

        assertThatThrownBy(() -> Pipeline.from(Source.of("txns", Txn.TYPE))
            .sideOutput(REFUNDS, refunds)
            .fanOut("rules", Line.TYPE, refunding))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("stage 'txns': side output 'refunds' has a sink already (fan-out 'rules' branch 0)");
        assertThatThrownBy(() -> Pipeline.from(Source.of("txns", Txn.TYPE))
            .fanOut("rules", Line.TYPE, refunding)
            .sideOutput(REFUNDS, refunds))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("stage 'txns': side output 'refunds' has a sink already");
        assertThatThrownBy(() -> Pipeline.from(Source.of("txns", Txn.TYPE))
            .fanOut("rules", Line.TYPE, refunding, refunding))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("side output 'refunds' has a sink already (fan-out 'rules' branch 1)");
    }

    @Test
    void shouldRouteABranchsSideOutputToItsSink()
    {
        final List<Long> refunded = new ArrayList<>();
        final List<String> lines = new ArrayList<>();
        final PipelineRuntime<Txn> runtime = Pipeline.from(Source.of("txns", Txn.TYPE))
            .fanOut("rules", Txn.TYPE,
                branch -> branch.filter("payments", txn -> txn.amount >= 0),
                branch -> branch
                    .process("refunds", (Txn txn, ProcessFunction.Context<Txn> ctx) ->
                    {
                        if (txn.amount < 0)
                        {
                            ctx.output(REFUNDS, txn);
                        }
                    }, Txn.TYPE)
                    .sideOutput(REFUNDS, (txn, timestamp) -> refunded.add(txn.amount)))
            .to((txn, timestamp) -> lines.add(txn.toString()))
            .stepped(new CachedEpochClock())
            .build().start();
        final Txn txn = new Txn();
        for (final long amount : new long[]{5, -3, 7})
        {
            runtime.ingress().publish(Txn.COPY, txn.set(1, 0, amount), 1, TimeUnit.SECONDS);
        }
        runtime.drain();
        runtime.close();

        assertThat(lines).containsExactly("Txn{card=1, t=0, amount=5}", "Txn{card=1, t=0, amount=7}");
        assertThat(refunded).containsExactly(-3L);
    }

    @Test
    void shouldDescribeTheFanOutAsOneOperatorOfItsStage()
    {
        final Pipeline<Txn> plan = Pipeline.from(Source.of("txns", Txn.TYPE))
            .assignTimestamps("event-time", eventTime(0))
            .fanOut("rules", Line.TYPE, FanOutPipelineTest::counts, FanOutPipelineTest::big)
            .stage("out")
            .filter("all", line -> true)
            .to((line, timestamp) -> { });

        assertThat(plan.describe()).isEqualTo(String.join("\n",
            "pipeline 'txns'",
            "  stage 'txns' [SLEEPING]: event-time -> rules",
            "  stage 'out' [SLEEPING]: all",
            ""));
    }

    /** What a sequenced run collected: keyed outputs, stage snapshots, where each barrier reached the sink. */
    static final class Run implements SequencedSink<Line>, CheckpointListener
    {
        final List<String> outputs = new ArrayList<>();
        final Map<Long, Map<String, byte[]>> snapshots = new ConcurrentHashMap<>();
        final Map<Long, Long> barrierSequences = new ConcurrentHashMap<>();

        @Override
        public void onRecord(final Line record, final long timestamp, final long inputSequence, final int ordinal)
        {
            outputs.add(inputSequence + "#" + ordinal + " " + record.text + " @" + timestamp);
        }

        @Override
        public void onStageSnapshot(final long checkpointId, final String stageName, final DirectBuffer state, final int length)
        {
            final byte[] bytes = new byte[length];
            state.getBytes(0, bytes);
            snapshots.computeIfAbsent(checkpointId, id -> new ConcurrentHashMap<>()).put(stageName, bytes);
        }

        @Override
        public void onBarrierAtSink(final long checkpointId, final long inputSequence)
        {
            barrierSequences.put(checkpointId, inputSequence);
        }
    }

    /** Sparse, as journal indexes are. */
    private static long sequenceOf(final int index)
    {
        return 1_000 + 2L * index;
    }

    private static Run sequencedRun(
        final boolean stepped, final List<Txn> input, final int from, final StageStates restore, final long checkpointId)
    {
        final Run run = new Run();
        final Pipeline<Txn> plan = Pipeline.from(Source.of("txns", Txn.TYPE).producerMode(ProducerMode.SEQUENCED).ringSize(64))
            .assignTimestamps("event-time", eventTime(30))
            .stage("rules").ringSize(64)
            .fanOut("rules", Line.TYPE, FanOutPipelineTest::counts, FanOutPipelineTest::big)
            .to(run)
            .checkpoints(run);
        if (null != restore)
        {
            plan.restoreFrom(restore);
        }
        if (stepped)
        {
            plan.stepped(new CachedEpochClock());
        }
        final PipelineRuntime<Txn> runtime = plan.build().start();
        final SequencedIngress<Txn> ingress = runtime.sequencedIngress();
        long nextCheckpoint = checkpointId;
        for (int i = from; i < input.size(); i++)
        {
            assertThat(ingress.publish(Txn.COPY, input.get(i), sequenceOf(i), 0)).isEqualTo(PublishResult.OK);
            if ((i + 1) % 300 == 0)
            {
                assertThat(ingress.barrier(nextCheckpoint++, sequenceOf(i))).isEqualTo(PublishResult.OK);
            }
        }
        assertThat(ingress.endOfStream(sequenceOf(input.size()))).isEqualTo(PublishResult.OK);
        runtime.drain();
        runtime.close();
        return run;
    }

    @ParameterizedTest(name = "stepped={0}")
    @ValueSource(booleans = {true, false})
    void shouldProduceTheSameKeyedOutputsAfterARestoreFromACheckpoint(final boolean stepped)
    {
        final List<Txn> input = transactions(5, 1_500);
        final Run straight = sequencedRun(stepped, input, 0, null, 1);
        assertThat(straight.barrierSequences).hasSize(5);

        for (final int checkpoint : new int[]{1, 3})
        {
            final long barrier = straight.barrierSequences.get((long)checkpoint);
            assertThat(barrier).isEqualTo(sequenceOf(checkpoint * 300 - 1));
            final Map<String, byte[]> state = straight.snapshots.get((long)checkpoint);
            assertThat(state).containsOnlyKeys("txns", "rules");

            final Run resumed = sequencedRun(stepped, input, checkpoint * 300, state::get, checkpoint + 1);

            final List<String> expected = straight.outputs.stream()
                .filter(line -> Long.parseLong(line.substring(0, line.indexOf('#'))) > barrier).toList();
            assertThat(expected).hasSizeGreaterThan(100);
            assertThat(resumed.outputs).as("outputs after checkpoint %d", checkpoint).isEqualTo(expected);
        }
    }
}
