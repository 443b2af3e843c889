package io.ringflow.pipeline;

import io.ringflow.operators.OperatorChain;
import io.ringflow.operators.cep.Pattern;
import io.ringflow.operators.cep.PatternMatch;
import io.ringflow.operators.cep.PatternOperator;
import io.ringflow.operators.cep.Patterns;
import io.ringflow.operators.testing.OperatorTestHarness;
import io.ringflow.operators.time.TimestampsAndWatermarksOperator;
import io.ringflow.operators.time.WatermarkStrategy;
import io.ringflow.pipeline.runtime.PipelineRuntime;
import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Sequence patterns through the runtime: the matches cross a ring and equal the operator's own. */
class PatternPipelineTest
{
    private static final Pattern<Txn> BIG_THEN_SMALL = Patterns.<Txn>begin("big", txn -> txn.amount > 500)
        .followedBy("small", txn -> txn.amount < 10).within(50);

    private static WatermarkStrategy<Txn> eventTime()
    {
        return WatermarkStrategy.<Txn>forBoundedOutOfOrderness(20).withTimestampAssigner(Txn::timeMs);
    }

    @Test
    void shouldFindTheSameMatchesInAPipelineAsTheOperatorFindsAlone()
    {
        final List<Txn> input = new ArrayList<>();
        final Random random = new Random(3);
        for (int i = 0; i < 3_000; i++)
        {
            input.add(new Txn().set(random.nextInt(20), i + random.nextInt(20), random.nextInt(600)));
        }
        final List<PatternMatch> expected = new ArrayList<>();
        try (OperatorTestHarness<Txn, PatternMatch> alone = OperatorTestHarness.open(
            OperatorChain.<Txn, Txn>first(new TimestampsAndWatermarksOperator<>("event-time", eventTime()))
                .then(new PatternOperator<>("big-then-small", Txn::card, Txn::timeMs, BIG_THEN_SMALL, 64)),
            PatternMatch::copy))
        {
            input.forEach(txn -> alone.processElement(txn, 0));
            alone.processWatermark(Long.MAX_VALUE);
            expected.addAll(alone.outputRecords());
        }
        assertThat(expected).hasSizeGreaterThan(20);

        for (final boolean stepped : new boolean[]{true, false})
        {
            final List<PatternMatch> matches = new ArrayList<>();
            final Pipeline<Txn> plan = Pipeline.from(Source.of("txns", Txn.TYPE).ringSize(64))
                .assignTimestamps("event-time", eventTime())
                .keyBy(Txn::card)
                .pattern("big-then-small", BIG_THEN_SMALL, Txn::timeMs)
                .stage("alerts").ringSize(64)
                .filter("all", match -> true)
                .to((match, timestamp) -> matches.add(match.copy()));
            if (stepped)
            {
                plan.stepped(new CachedEpochClock());
            }
            final PipelineRuntime<Txn> runtime = plan.build().start();
            for (final Txn txn : input)
            {
                runtime.ingress().publish(Txn.COPY, txn, 5, TimeUnit.SECONDS);
            }
            runtime.drain();
            runtime.close();
            assertThat(matches).as("stepped=%s", stepped).isEqualTo(expected);
        }
    }
}
