package io.ringflow.operators.cep;

import io.ringflow.operators.testing.Emitted;
import io.ringflow.operators.testing.OperatorTestHarness;

import java.util.ArrayList;
import java.util.List;

/** Shared set-up of the pattern tests. */
final class Cep
{
    private Cep()
    {
    }

    static PatternOperator<Txn> operator(final Pattern<Txn> pattern)
    {
        return operator(pattern, 4);
    }

    static PatternOperator<Txn> operator(final Pattern<Txn> pattern, final int expectedKeys)
    {
        return new PatternOperator<>("cep", Txn::card, Txn::id, pattern, expectedKeys);
    }

    static OperatorTestHarness<Txn, PatternMatch> harness(final Pattern<Txn> pattern)
    {
        return OperatorTestHarness.open(operator(pattern), PatternMatch::copy);
    }

    /** Feed one record: card, id, type, timestamp. */
    static void push(final OperatorTestHarness<Txn, PatternMatch> h, final long card, final long id, final char type, final long ts)
    {
        h.processElement(new Txn(card, id, type), ts);
    }

    /**
     * @return each result as {@code KIND key stage#id@ts ... end=E @emitTimestamp}: short enough to spell out
     *         expected results in a test.
     */
    static List<String> results(final OperatorTestHarness<Txn, PatternMatch> h)
    {
        final List<String> results = new ArrayList<>();
        for (final Emitted<PatternMatch> emitted : h.output())
        {
            results.add(brief(emitted.record()) + " @" + emitted.timestamp());
        }
        return results;
    }

    static String brief(final PatternMatch match)
    {
        final StringBuilder text = new StringBuilder().append(match.kind()).append(' ').append(match.key());
        for (int i = 0; i < match.events(); i++)
        {
            text.append(' ').append(match.stage(i)).append('#').append(match.id(i)).append('@').append(match.timestamp(i));
        }
        return text.append(" end=").append(match.endTimestamp()).toString();
    }
}
