package io.ringflow.operators.cep;

import io.ringflow.operators.testing.OperatorTestHarness;
import org.junit.jupiter.api.Test;

import static io.ringflow.operators.cep.Cep.harness;
import static io.ringflow.operators.cep.Cep.push;
import static io.ringflow.operators.cep.Cep.results;
import static io.ringflow.operators.cep.Txn.is;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code A notFollowedBy B within T}: emitted as TIMED_OUT exactly when the watermark reaches {@code A.ts + T}. */
class NotFollowedByTest
{
    private static final Pattern<Txn> A_WITHOUT_B = Patterns.<Txn>begin("a", is('a')).notFollowedBy("b", is('b')).within(10);

    @Test
    void shouldEmitExactlyWhenTheWatermarkReachesTheDeadline()
    {
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(A_WITHOUT_B))
        {
            push(h, 1, 1, 'a', 100);
            h.processWatermark(109);
            assertThat(results(h)).isEmpty();

            h.processWatermark(110);
            assertThat(results(h)).containsExactly("TIMED_OUT 1 a#1@100 end=110 @110");
        }
    }

    @Test
    void shouldBeBrokenByABAtExactlyTheDeadline()
    {
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(A_WITHOUT_B))
        {
            push(h, 1, 1, 'a', 100);
            push(h, 1, 2, 'b', 110);
            h.processWatermark(Long.MAX_VALUE);

            assertThat(results(h)).isEmpty();
            assertThat(((PatternOperator<Txn>)h.operator()).cancelledPartialMatches()).isEqualTo(1);
        }
    }

    @Test
    void shouldNotBeBrokenByABOneTickAfterTheDeadline()
    {
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(A_WITHOUT_B))
        {
            push(h, 1, 1, 'a', 100);
            push(h, 1, 2, 'b', 111);   // buffered: the deadline at 110 comes first
            h.processWatermark(111);

            assertThat(results(h)).containsExactly("TIMED_OUT 1 a#1@100 end=110 @110");
        }
    }

    @Test
    void shouldOnlyBeBrokenByABAfterTheAInEvaluationOrder()
    {
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(A_WITHOUT_B))
        {
            push(h, 1, 1, 'b', 100);   // same timestamp, arrived first: before the A
            push(h, 1, 2, 'a', 100);
            push(h, 2, 3, 'a', 100);
            push(h, 2, 4, 'b', 100);   // arrived after the A: breaks it
            push(h, 3, 5, 'b', 99);    // earlier timestamp, arrives late but not late for the watermark
            push(h, 3, 6, 'a', 100);
            h.processWatermark(Long.MAX_VALUE);

            assertThat(results(h)).containsExactly(
                "TIMED_OUT 1 a#2@100 end=110 @110",
                "TIMED_OUT 3 a#6@100 end=110 @110");
        }
    }

    @Test
    void shouldLetARecordThatIsBothBreakOlderAsAndStartItsOwn()
    {
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(A_WITHOUT_B))
        {
            push(h, 1, 1, 'a', 100);
            push(h, 1, 2, 'x', 105);
            h.processWatermark(Long.MAX_VALUE);

            assertThat(results(h)).containsExactly("TIMED_OUT 1 a#2@105 end=115 @115");
        }
    }

    @Test
    void shouldEmitEveryUnbrokenAEvenWhenSkippingPastTheLastEvent()
    {
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(A_WITHOUT_B.afterMatch(AfterMatchSkip.SKIP_PAST_LAST_EVENT)))
        {
            push(h, 1, 1, 'a', 100);
            push(h, 1, 2, 'a', 102);
            push(h, 1, 3, 'a', 111);
            push(h, 1, 4, 'b', 113);   // breaks only a#3: a#2's deadline, 112, has passed
            h.processWatermark(Long.MAX_VALUE);

            assertThat(results(h)).containsExactly(
                "TIMED_OUT 1 a#1@100 end=110 @110",
                "TIMED_OUT 1 a#2@102 end=112 @112");
        }
    }

    @Test
    void shouldRequireThePositiveStagesBeforeWatchingForTheNegatedOne()
    {
        final Pattern<Txn> pattern = Patterns.<Txn>begin("a", is('a')).followedBy("b", is('b')).notFollowedBy("c", is('c'))
            .within(10);
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(pattern))
        {
            push(h, 1, 1, 'a', 100);
            push(h, 1, 2, 'c', 103);   // before the B: does not break
            push(h, 1, 3, 'b', 105);
            push(h, 2, 4, 'a', 100);   // no B in time: expires, emits nothing
            push(h, 2, 5, 'b', 111);
            push(h, 3, 6, 'a', 100);
            push(h, 3, 7, 'b', 101);
            push(h, 3, 8, 'c', 110);   // after the B, at the deadline: breaks
            h.processWatermark(Long.MAX_VALUE);

            assertThat(results(h)).containsExactly("TIMED_OUT 1 a#1@100 b#3@105 end=110 @110");
        }
    }

    @Test
    void shouldDiscardOverlappingAbsencesWhenSkippingPastTheLastPositiveRecord()
    {
        final Pattern<Txn> pattern = Patterns.<Txn>begin("a", is('a')).followedBy("b", is('b')).notFollowedBy("c", is('c'))
            .within(10).afterMatch(AfterMatchSkip.SKIP_PAST_LAST_EVENT);
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(pattern))
        {
            push(h, 1, 1, 'a', 100);
            push(h, 1, 2, 'a', 101);   // started before b#3, the first result's last record: discarded
            push(h, 1, 3, 'b', 102);
            push(h, 1, 4, 'a', 103);   // started after it: kept
            push(h, 1, 5, 'b', 104);
            h.processWatermark(Long.MAX_VALUE);

            assertThat(results(h)).containsExactly(
                "TIMED_OUT 1 a#1@100 b#3@102 end=110 @110",
                "TIMED_OUT 1 a#4@103 b#5@104 end=113 @113");
        }
    }

    @Test
    void shouldCapAnOverflowingDeadlineAtTheLargestValidTimestamp()
    {
        try (OperatorTestHarness<Txn, PatternMatch> h =
            harness(Patterns.<Txn>begin("a", is('a')).notFollowedBy("b", is('b')).within(Long.MAX_VALUE)))
        {
            push(h, 1, 1, 'a', 100);
            push(h, 2, 2, 'a', 100);
            push(h, 2, 3, 'b', Long.MAX_VALUE - 1);   // the last valid timestamp still breaks it
            h.processWatermark(Long.MAX_VALUE - 2);
            assertThat(results(h)).isEmpty();

            h.processWatermark(Long.MAX_VALUE);
            final long last = Long.MAX_VALUE - 1;
            assertThat(results(h)).containsExactly("TIMED_OUT 1 a#1@100 end=" + last + " @" + last);
        }
    }
}
