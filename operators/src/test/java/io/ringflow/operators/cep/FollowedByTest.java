package io.ringflow.operators.cep;

import io.ringflow.operators.testing.OperatorTestHarness;
import org.junit.jupiter.api.Test;

import static io.ringflow.operators.cep.Cep.harness;
import static io.ringflow.operators.cep.Cep.push;
import static io.ringflow.operators.cep.Cep.results;
import static io.ringflow.operators.cep.Txn.is;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code A followedBy B within T}: bounds, timing, order and overlapping matches. */
class FollowedByTest
{
    private static final Pattern<Txn> A_THEN_B = Patterns.<Txn>begin("a", is('a')).followedBy("b", is('b')).within(10);

    @Test
    void shouldMatchABAtExactlyATimestampPlusWithin()
    {
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(A_THEN_B))
        {
            push(h, 1, 1, 'a', 100);
            push(h, 1, 2, 'b', 110);
            h.processWatermark(Long.MAX_VALUE);

            assertThat(results(h)).containsExactly("MATCHED 1 a#1@100 b#2@110 end=110 @110");
        }
    }

    @Test
    void shouldNotMatchABOneTickPastTheBoundAndDropThePartialMatchAtItsDeadline()
    {
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(A_THEN_B))
        {
            push(h, 1, 1, 'a', 100);
            push(h, 1, 2, 'b', 111);
            h.processWatermark(110);
            final PatternOperator<Txn> operator = (PatternOperator<Txn>)h.operator();
            assertThat(operator.partialMatches()).isZero();
            assertThat(operator.expiredPartialMatches()).isEqualTo(1);
            h.processWatermark(Long.MAX_VALUE);

            assertThat(results(h)).isEmpty();
        }
    }

    @Test
    void shouldMatchWithZeroWithinOnlyAtTheSameTimestamp()
    {
        try (OperatorTestHarness<Txn, PatternMatch> h =
            harness(Patterns.<Txn>begin("a", is('a')).followedBy("b", is('b')).within(0)))
        {
            push(h, 1, 1, 'a', 100);
            push(h, 1, 2, 'b', 100);
            push(h, 1, 3, 'a', 200);
            push(h, 1, 4, 'b', 201);
            h.processWatermark(Long.MAX_VALUE);

            assertThat(results(h)).containsExactly("MATCHED 1 a#1@100 b#2@100 end=100 @100");
        }
    }

    @Test
    void shouldEmitAMatchOnlyWhenTheWatermarkReachesItsLastRecord()
    {
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(A_THEN_B))
        {
            push(h, 1, 1, 'a', 100);
            push(h, 1, 2, 'b', 105);
            h.processWatermark(104);
            assertThat(results(h)).isEmpty();
            assertThat(((PatternOperator<Txn>)h.operator()).bufferedRecords()).isEqualTo(1);

            h.processWatermark(105);
            assertThat(results(h)).containsExactly("MATCHED 1 a#1@100 b#2@105 end=105 @105");
            assertThat(h.watermarks()).containsExactly(104L, 105L);
        }
    }

    @Test
    void shouldNotMatchABThatPrecedesAInEventTimeEvenIfItArrivesLater()
    {
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(A_THEN_B))
        {
            push(h, 1, 1, 'a', 100);
            push(h, 1, 2, 'b', 99);
            h.processWatermark(Long.MAX_VALUE);

            assertThat(results(h)).isEmpty();
        }
    }

    @Test
    void shouldOrderRecordsOfEqualTimestampByArrival()
    {
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(A_THEN_B))
        {
            push(h, 1, 1, 'a', 100);
            push(h, 1, 2, 'b', 100);
            push(h, 2, 3, 'b', 100);
            push(h, 2, 4, 'a', 100);
            h.processWatermark(Long.MAX_VALUE);

            assertThat(results(h)).containsExactly("MATCHED 1 a#1@100 b#2@100 end=100 @100");
        }
    }

    @Test
    void shouldPairEveryOpenAWithTheFirstBAfterItOldestFirst()
    {
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(A_THEN_B))
        {
            push(h, 1, 1, 'a', 100);
            push(h, 1, 2, 'a', 102);
            push(h, 1, 3, 'b', 104);
            push(h, 1, 4, 'b', 105);
            h.processWatermark(Long.MAX_VALUE);

            assertThat(results(h)).containsExactly(
                "MATCHED 1 a#1@100 b#3@104 end=104 @104",
                "MATCHED 1 a#2@102 b#3@104 end=104 @104");
        }
    }

    @Test
    void shouldNotOverlapMatchesWhenSkippingPastTheLastEvent()
    {
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(A_THEN_B.afterMatch(AfterMatchSkip.SKIP_PAST_LAST_EVENT)))
        {
            push(h, 1, 1, 'a', 100);
            push(h, 1, 2, 'a', 101);
            push(h, 1, 3, 'b', 102);
            push(h, 1, 4, 'b', 103);
            push(h, 1, 5, 'a', 104);
            push(h, 1, 6, 'b', 105);
            h.processWatermark(Long.MAX_VALUE);

            assertThat(results(h)).containsExactly(
                "MATCHED 1 a#1@100 b#3@102 end=102 @102",
                "MATCHED 1 a#5@104 b#6@105 end=105 @105");
            assertThat(((PatternOperator<Txn>)h.operator()).discardedPartialMatches()).isEqualTo(1);
        }
    }

    @Test
    void shouldLetOneRecordCompleteOlderMatchesAndStartItsOwn()
    {
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(A_THEN_B))
        {
            push(h, 1, 1, 'a', 100);
            push(h, 1, 2, 'x', 101);   // satisfies both stages
            push(h, 1, 3, 'b', 102);
            h.processWatermark(Long.MAX_VALUE);

            assertThat(results(h)).containsExactly(
                "MATCHED 1 a#1@100 b#2@101 end=101 @101",
                "MATCHED 1 a#2@101 b#3@102 end=102 @102");
        }
    }

    @Test
    void shouldMatchAChainTakingTheFirstRecordForEachStage()
    {
        final Pattern<Txn> chain = Patterns.<Txn>begin("a", is('a')).followedBy("b", is('b')).followedBy("c", is('c'))
            .within(20);
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(chain))
        {
            push(h, 1, 1, 'a', 100);
            push(h, 1, 2, 'b', 101);
            push(h, 1, 3, 'a', 102);
            push(h, 1, 4, 'c', 103);
            push(h, 1, 5, 'b', 104);
            push(h, 1, 6, 'c', 105);
            push(h, 1, 7, 'a', 130);
            push(h, 1, 8, 'b', 140);
            push(h, 1, 9, 'c', 151);   // one tick past 130 + 20: the whole match must fit the bound
            h.processWatermark(Long.MAX_VALUE);

            assertThat(results(h)).containsExactly(
                "MATCHED 1 a#1@100 b#2@101 c#4@103 end=103 @103",
                "MATCHED 1 a#3@102 b#5@104 c#6@105 end=105 @105");
        }
    }

    @Test
    void shouldKeepKeysApart()
    {
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(A_THEN_B))
        {
            push(h, 1, 1, 'a', 100);
            push(h, 2, 2, 'b', 101);
            push(h, 2, 3, 'a', 102);
            push(h, 3, 4, 'b', 103);
            push(h, 2, 5, 'b', 104);
            h.processWatermark(Long.MAX_VALUE);

            assertThat(results(h)).containsExactly("MATCHED 2 a#3@102 b#5@104 end=104 @104");
        }
    }

    @Test
    void shouldEmitResultsInTimestampThenKeyOrder()
    {
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(A_THEN_B))
        {
            push(h, 9, 1, 'a', 100);
            push(h, 3, 2, 'a', 100);
            push(h, 9, 3, 'b', 103);
            push(h, 3, 4, 'b', 104);
            push(h, 3, 5, 'b', 103);   // out of order: key 3's match ends at 103, not 104
            h.processWatermark(Long.MAX_VALUE);

            assertThat(results(h)).containsExactly(
                "MATCHED 3 a#2@100 b#5@103 end=103 @103",
                "MATCHED 9 a#1@100 b#3@103 end=103 @103");
        }
    }
}
