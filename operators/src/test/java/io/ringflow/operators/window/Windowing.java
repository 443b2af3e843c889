package io.ringflow.operators.window;

import io.ringflow.operators.aggregate.Aggregates;
import io.ringflow.operators.testing.OperatorTestHarness;

/** Builds the operators the window tests share: count and sum of values per key. */
final class Windowing
{
    private Windowing()
    {
    }

    static WindowOperator<Event, WindowResult> countSum(final WindowAssigner assigner, final long lateness)
    {
        return WindowOperator.<Event>keyed("w", Event::key)
            .window(assigner)
            .allowedLateness(lateness)
            .aggregate(Aggregates.of(Aggregates.count(), Aggregates.sum(Event::value)));
    }

    static OperatorTestHarness<Event, WindowResult> harness(final WindowOperator<Event, WindowResult> operator)
    {
        return OperatorTestHarness.open(operator, Event::copy, WindowResult::copy);
    }

    static WindowResult result(final long key, final long start, final long end, final FiringKind kind,
        final long count, final long sum)
    {
        final WindowResult result = new WindowResult(2);
        result.set(key, start, end, kind);
        result.setLong(0, count);
        result.setLong(1, sum);
        return result;
    }
}
