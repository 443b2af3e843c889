package io.ringflow.pipeline;

import io.ringflow.operators.OperatorChain;
import io.ringflow.operators.Output;
import io.ringflow.operators.OutputTag;
import io.ringflow.operators.aggregate.Aggregates;
import io.ringflow.operators.stateless.FilterOperator;
import io.ringflow.operators.time.TimestampsAndWatermarksOperator;
import io.ringflow.operators.time.WatermarkStrategy;
import io.ringflow.operators.window.WindowOperator;
import io.ringflow.operators.window.WindowResult;
import io.ringflow.operators.window.Windows;
import io.ringflow.pipeline.runtime.PipelineRuntime;
import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelineDslTest
{
    private static final Comparator<WindowResult> BY_KEY_AND_WINDOW =
        Comparator.comparingLong(WindowResult::key).thenComparingLong(WindowResult::start);

    private static WatermarkStrategy<Txn> eventTime()
    {
        return WatermarkStrategy.<Txn>forBoundedOutOfOrderness(50).withTimestampAssigner(Txn::timeMs);
    }

    private static Stream<Txn, WindowResult> velocity(final Stream<Txn, Txn> source)
    {
        return source
            .assignTimestamps("event-time", eventTime())
            .filter("positive", txn -> txn.amount > 0)
            .stage("windows")
            .keyBy(Txn::card).parallelism("per-card", 2)
            .window(Windows.sliding(1_000, 250))
            .aggregate("velocity", Aggregates.of(Aggregates.count(), Aggregates.sum(Txn::amount)));
    }

    private static List<Txn> transactions(final long seed, final int count)
    {
        final Random random = new Random(seed);
        final List<Txn> txns = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            txns.add(new Txn().set(random.nextInt(40), i * 3L + random.nextInt(80), random.nextInt(100) - 5));
        }
        return txns;
    }

    @Test
    void shouldComputeWhatTheSameOperatorsComputeWhenRunByHand()
    {
        final List<Txn> input = transactions(7, 5_000);
        final List<WindowResult> expected = runByHand(input);

        for (final boolean stepped : new boolean[]{true, false})
        {
            final List<WindowResult> actual = new ArrayList<>();
            final Pipeline<Txn> plan = velocity(Pipeline.from(Source.of("txns", Txn.TYPE).ringSize(256)))
                .to((result, timestamp) -> actual.add(result.copy()));
            if (stepped)
            {
                plan.stepped(new CachedEpochClock());
            }
            final PipelineRuntime<Txn> runtime = plan.build().start();
            for (final Txn txn : input)
            {
                assertThat(runtime.ingress().publish(Txn.COPY, txn, 10, TimeUnit.SECONDS)).isEqualTo(PublishResult.OK);
            }
            runtime.drain();
            runtime.close();

            actual.sort(BY_KEY_AND_WINDOW);
            assertThat(actual).as(stepped ? "stepped" : "threaded").hasSize(expected.size())
                .containsExactlyElementsOf(expected);
        }
        assertThat(expected).hasSizeGreaterThan(100);
    }

    private static List<WindowResult> runByHand(final List<Txn> input)
    {
        final List<WindowResult> results = new ArrayList<>();
        final OperatorChain<Txn, WindowResult> chain = OperatorChain
            .first(new TimestampsAndWatermarksOperator<>("event-time", eventTime()))
            .then(new FilterOperator<Txn>("positive", txn -> txn.amount > 0))
            .then(WindowOperator.keyed("velocity", Txn::card).window(Windows.sliding(1_000, 250))
                .aggregate(Aggregates.of(Aggregates.count(), Aggregates.sum(Txn::amount))));
        chain.open(new Output<>()
        {
            @Override
            public void emit(final WindowResult record, final long timestamp)
            {
                results.add(record.copy());
            }

            @Override
            public void emitWatermark(final long watermark)
            {
            }

            @Override
            public void emitIdle()
            {
            }

            @Override
            public <S> void emitSide(final OutputTag<S> tag, final S record, final long timestamp)
            {
            }
        });
        for (final Txn txn : input)
        {
            chain.processRecord(txn, Long.MIN_VALUE);
        }
        chain.processWatermark(Long.MAX_VALUE);
        chain.close();
        results.sort(BY_KEY_AND_WINDOW);
        return results;
    }

    @Test
    void shouldDescribeTheStagesItWillRun()
    {
        final Pipeline<Txn> plan = velocity(Pipeline.from(Source.of("txns", Txn.TYPE))).to((result, timestamp) -> { });

        assertThat(plan.describe()).isEqualTo(String.join("\n",
            "pipeline 'txns'",
            "  stage 'txns' [SLEEPING]: event-time -> positive",
            "  stage 'windows' [SLEEPING]: route",
            "  stage 'per-card' x2 [SLEEPING]: velocity",
            "  stage 'sink' [SLEEPING]: to-sink",
            ""));
    }

    @Test
    void shouldRefuseToBuildAWindowOrDedupWithoutEventTime()
    {
        final Pipeline<Txn> plan = Pipeline.from(Source.of("txns", Txn.TYPE))
            .keyBy(Txn::card).dedup("once", 100)
            .keyBy(Txn::card).window(Windows.tumbling(10)).aggregate("counts", Aggregates.count())
            .to((result, timestamp) -> { });

        assertThatThrownBy(plan::build)
            .isInstanceOf(PipelineException.class)
            .hasMessageContaining("dedup 'once' in stage 'txns' needs event time")
            .hasMessageContaining("window 'counts' in stage 'txns' needs event time");
    }

    @Test
    void shouldRefuseAnEmptyStageAndADuplicateStageName()
    {
        final Pipeline<Txn> plan = Pipeline.from(Source.of("txns", Txn.TYPE))
            .filter("all", txn -> true).stage("empty").stage("next").filter("all", txn -> true)
            .to((txn, timestamp) -> { });
        assertThatThrownBy(plan::build).hasMessageContaining("stage 'empty' has no operator");

        assertThatThrownBy(() -> Pipeline.from(Source.of("txns", Txn.TYPE)).filter("a", txn -> true).stage("txns"))
            .hasMessageContaining("a stage is named 'txns' already");
    }

    @Test
    void shouldRouteASideOutputToItsSinkAndCountUnroutedOnes()
    {
        final OutputTag<Txn> refunds = new OutputTag<>("refunds");
        final OutputTag<Txn> unrouted = new OutputTag<>("nobody-listens");
        final List<Long> refunded = new ArrayList<>();
        final List<Long> payments = new ArrayList<>();
        final PipelineRuntime<Txn> runtime = Pipeline.from(Source.of("txns", Txn.TYPE))
            .process("split", (Txn txn, io.ringflow.operators.stateless.ProcessFunction.Context<Txn> ctx) ->
            {
                if (txn.amount < 0)
                {
                    ctx.output(refunds, txn);
                    ctx.output(unrouted, txn);
                }
                else
                {
                    ctx.emit(txn);
                }
            }, Txn.TYPE)
            .sideOutput(refunds, (txn, timestamp) -> refunded.add(txn.amount))
            .to((txn, timestamp) -> payments.add(txn.amount))
            .stepped(new CachedEpochClock())
            .build().start();

        final Txn txn = new Txn();
        for (final long amount : new long[]{5, -3, 7, -1})
        {
            runtime.ingress().publish(Txn.COPY, txn.set(1, 0, amount), 1, TimeUnit.SECONDS);
        }
        runtime.drain();

        assertThat(payments).containsExactly(5L, 7L);
        assertThat(refunded).containsExactly(-3L, -1L);
        assertThat(runtime.stats().get(0).unroutedSide()).isEqualTo(2);
        runtime.close();
    }

    @Test
    void shouldRouteLateRecordsToTheirSink()
    {
        final List<Long> late = new ArrayList<>();
        final List<WindowResult> results = new ArrayList<>();
        final PipelineRuntime<Txn> runtime = Pipeline.from(Source.of("txns", Txn.TYPE))
            .assignTimestamps("event-time", WatermarkStrategy.<Txn>forBoundedOutOfOrderness(0)
                .withTimestampAssigner(Txn::timeMs))
            .keyBy(Txn::card)
            .window(Windows.tumbling(100)).lateRecords((rejected, timestamp) -> late.add(rejected.record().timeMs))
            .aggregate("counts", Aggregates.count())
            .to((result, timestamp) -> results.add(result.copy()))
            .stepped(new CachedEpochClock())
            .build().start();

        final Txn txn = new Txn();
        for (final long time : new long[]{10, 20, 150, 30, 160})
        {
            runtime.ingress().publish(Txn.COPY, txn.set(1, time, 1), 1, TimeUnit.SECONDS);
        }
        runtime.drain();
        runtime.close();

        assertThat(late).containsExactly(30L);
        assertThat(results).extracting(WindowResult::start, r -> r.longValue(0))
            .containsExactly(org.assertj.core.groups.Tuple.tuple(0L, 2L), org.assertj.core.groups.Tuple.tuple(100L, 2L));
    }
}
