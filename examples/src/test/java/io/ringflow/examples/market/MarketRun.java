package io.ringflow.examples.market;

import io.ringflow.operators.RejectReason;
import io.ringflow.pipeline.Pipeline;
import io.ringflow.pipeline.PublishResult;
import io.ringflow.pipeline.RecordTranslator;
import io.ringflow.pipeline.Source;
import io.ringflow.pipeline.runtime.PipelineRuntime;
import org.agrona.concurrent.CachedEpochClock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs events through the market plan, stepped (no threads) or on its stage thread, and keeps every result as text. */
final class MarketRun
{
    static final RecordTranslator<MarketEvent, MarketEvent> COPY = (slot, event) -> slot.copyFrom(event);

    final List<String> results = new ArrayList<>();
    final MarketCounts counts = new MarketCounts();

    private MarketRun()
    {
    }

    static MarketRun stepped(final MarketRules rules, final List<MarketEvent> events)
    {
        return run(rules, events, true);
    }

    static MarketRun stepped(final MarketRules rules, final MarketEvent... events)
    {
        return run(rules, List.of(events), true);
    }

    static MarketRun run(final MarketRules rules, final List<MarketEvent> events, final boolean stepped)
    {
        final MarketRun run = new MarketRun();
        final Pipeline<MarketEvent> plan = MarketPipeline.analytics(Pipeline.from(Source.of("market", MarketEvent.TYPE)), 64, rules)
            .rejected(RejectReason.LATE, run.counts.late)
            .to((result, timestamp) ->
            {
                run.counts.onRecord(result, timestamp);
                run.results.add(result.toString());
            });
        if (stepped)
        {
            plan.stepped(new CachedEpochClock());
        }
        final PipelineRuntime<MarketEvent> runtime = plan.build().start();
        for (final MarketEvent event : events)
        {
            assertThat(runtime.ingress().publish(COPY, event, 5, TimeUnit.SECONDS)).isEqualTo(PublishResult.OK);
            if (stepped)
            {
                runtime.stepUntilIdle();  // a stepped ring holds what it was given until stepped
            }
        }
        runtime.drain();
        runtime.close();
        return run;
    }

    List<String> startingWith(final String prefix)
    {
        return results.stream().filter(line -> line.startsWith(prefix)).toList();
    }

    static MarketEvent quote(final long instrument, final long timeUs, final long bid, final long ask)
    {
        return new MarketEvent().quote(instrument, timeUs, bid, ask);
    }

    static MarketEvent trade(final long id, final long instrument, final long timeUs, final long price, final long quantity)
    {
        return new MarketEvent().trade(instrument, timeUs, price, quantity, id);
    }
}
