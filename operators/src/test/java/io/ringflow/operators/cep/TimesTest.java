package io.ringflow.operators.cep;

import io.ringflow.operators.testing.OperatorTestHarness;
import org.junit.jupiter.api.Test;

import static io.ringflow.operators.cep.Cep.harness;
import static io.ringflow.operators.cep.Cep.push;
import static io.ringflow.operators.cep.Cep.results;
import static io.ringflow.operators.cep.Txn.is;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code times(n) within T}: n occurrences, relaxed contiguity, last.ts - first.ts <= T. */
class TimesTest
{
    private static final Pattern<Txn> THREE_AS = Patterns.<Txn>times("a", is('a'), 3).within(10);

    @Test
    void shouldMatchWhenTheLastOccurrenceIsExactlyWithinAfterTheFirst()
    {
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(THREE_AS))
        {
            push(h, 1, 1, 'a', 100);
            push(h, 1, 2, 'a', 105);
            push(h, 1, 3, 'a', 110);
            h.processWatermark(Long.MAX_VALUE);

            assertThat(results(h)).containsExactly("MATCHED 1 a#1@100 a#2@105 a#3@110 end=110 @110");
        }
    }

    @Test
    void shouldNotMatchWhenTheLastOccurrenceIsOneTickLate()
    {
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(THREE_AS))
        {
            push(h, 1, 1, 'a', 100);
            push(h, 1, 2, 'a', 105);
            push(h, 1, 3, 'a', 111);
            h.processWatermark(Long.MAX_VALUE);

            assertThat(results(h)).isEmpty();
            assertThat(((PatternOperator<Txn>)h.operator()).expiredPartialMatches()).isEqualTo(3);
        }
    }

    @Test
    void shouldSkipOtherRecordsBetweenOccurrences()
    {
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(THREE_AS))
        {
            push(h, 1, 1, 'a', 100);
            push(h, 1, 2, 'b', 101);
            push(h, 1, 3, 'a', 102);
            push(h, 1, 4, 'c', 103);
            push(h, 1, 5, 'a', 104);
            h.processWatermark(Long.MAX_VALUE);

            assertThat(results(h)).containsExactly("MATCHED 1 a#1@100 a#3@102 a#5@104 end=104 @104");
        }
    }

    @Test
    void shouldSlideOverlappingMatchesWithoutSkipping()
    {
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(THREE_AS))
        {
            for (int i = 1; i <= 5; i++)
            {
                push(h, 1, i, 'a', 100 + i);
            }
            h.processWatermark(Long.MAX_VALUE);

            assertThat(results(h)).containsExactly(
                "MATCHED 1 a#1@101 a#2@102 a#3@103 end=103 @103",
                "MATCHED 1 a#2@102 a#3@103 a#4@104 end=104 @104",
                "MATCHED 1 a#3@103 a#4@104 a#5@105 end=105 @105");
        }
    }

    @Test
    void shouldEmitDisjointMatchesWhenSkippingPastTheLastEvent()
    {
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(THREE_AS.afterMatch(AfterMatchSkip.SKIP_PAST_LAST_EVENT)))
        {
            for (int i = 1; i <= 7; i++)
            {
                push(h, 1, i, 'a', 100 + i);
            }
            h.processWatermark(Long.MAX_VALUE);

            assertThat(results(h)).containsExactly(
                "MATCHED 1 a#1@101 a#2@102 a#3@103 end=103 @103",
                "MATCHED 1 a#4@104 a#5@105 a#6@106 end=106 @106");
        }
    }

    @Test
    void shouldCountTheBoundFromTheFirstOccurrence()
    {
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(THREE_AS))
        {
            push(h, 1, 1, 'a', 100);
            push(h, 1, 2, 'a', 101);
            push(h, 1, 3, 'a', 111);   // too late for a#1's match, in time for a#2's
            push(h, 1, 4, 'a', 111);
            h.processWatermark(Long.MAX_VALUE);

            assertThat(results(h)).containsExactly("MATCHED 1 a#2@101 a#3@111 a#4@111 end=111 @111");
        }
    }

    @Test
    void shouldRepeatAStageInsideAChain()
    {
        final Pattern<Txn> pattern = Patterns.<Txn>begin("a", is('a')).times(2).followedBy("b", is('b')).within(10);
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(pattern))
        {
            push(h, 1, 1, 'a', 100);
            push(h, 1, 2, 'b', 101);
            push(h, 1, 3, 'a', 102);
            push(h, 1, 4, 'b', 103);
            h.processWatermark(Long.MAX_VALUE);

            assertThat(results(h)).containsExactly("MATCHED 1 a#1@100 a#3@102 b#4@103 end=103 @103");
            assertThat(pattern.name()).isEqualTo("a{2}->b");
        }
    }
}
