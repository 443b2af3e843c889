package io.ringflow.operators.cep;

import io.ringflow.operators.RejectReason;
import io.ringflow.operators.Rejected;
import io.ringflow.operators.snapshot.SnapshotException;
import io.ringflow.operators.testing.OperatorTestHarness;
import io.ringflow.operators.testing.RecordCopier;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.ringflow.operators.cep.Cep.harness;
import static io.ringflow.operators.cep.Cep.push;
import static io.ringflow.operators.cep.Cep.results;
import static io.ringflow.operators.cep.Txn.is;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Late and invalid records, arrival order, the debug view, snapshots and pattern validation. */
class PatternOperatorTest
{
    private static final Pattern<Txn> A_THEN_B = Patterns.<Txn>begin("a", is('a')).followedBy("b", is('b')).within(10);

    @Test
    void shouldRejectRecordsAtOrBelowTheWatermarkAsLateWithoutEvaluatingThem()
    {
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(A_THEN_B))
        {
            push(h, 1, 1, 'a', 100);
            h.processWatermark(100);
            push(h, 1, 2, 'a', 100);   // at the watermark: late
            push(h, 1, 3, 'b', 101);   // above it: evaluated
            push(h, 2, 4, 'z', 90);    // late even though it satisfies no stage
            h.processWatermark(Long.MAX_VALUE);

            assertThat(results(h)).containsExactly("MATCHED 1 a#1@100 b#3@101 end=101 @101");
            final List<Rejected<Txn>> rejected = h.rejected();
            assertThat(rejected).extracting(Rejected::reason).containsExactly(RejectReason.LATE, RejectReason.LATE);
            assertThat(rejected).extracting(r -> r.record().id()).containsExactly(2L, 4L);
            assertThat(rejected).extracting(Rejected::watermark).containsExactly(100L, 100L);
            assertThat(rejected.get(0).operatorName()).isEqualTo("cep");
            assertThat(((PatternOperator<Txn>)h.operator()).lateRecords()).isEqualTo(2);
        }
    }

    @Test
    void shouldRejectReservedTimestamps()
    {
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(A_THEN_B))
        {
            push(h, 1, 1, 'a', Long.MIN_VALUE);
            push(h, 1, 2, 'a', Long.MAX_VALUE);
            h.processWatermark(Long.MAX_VALUE);

            assertThat(h.rejected()).extracting(Rejected::reason)
                .containsExactly(RejectReason.INVALID_TIMESTAMP, RejectReason.INVALID_TIMESTAMP);
            assertThat(results(h)).isEmpty();
        }
    }

    @Test
    void shouldGiveTheSameResultsForOutOfOrderArrivalWithinTheWatermarkBound()
    {
        final long[][] records = {{1, 1, 'a', 100}, {2, 2, 'a', 101}, {1, 3, 'a', 103}, {1, 4, 'b', 104}, {2, 5, 'b', 106},
            {1, 6, 'b', 108}, {2, 7, 'b', 111}};
        final int[] shuffled = {3, 0, 2, 1, 5, 4, 6};
        final List<String> inOrder = run(records, new int[]{0, 1, 2, 3, 4, 5, 6}, 0);
        // Out of order by up to 4 ticks, watermark maxTs - 4 - 1 after each record.
        final List<String> outOfOrder = run(records, shuffled, 4);
        assertThat(outOfOrder).isEqualTo(inOrder);
        assertThat(inOrder).containsExactly(
            "MATCHED 1 a#1@100 b#4@104 end=104 @104",
            "MATCHED 1 a#3@103 b#4@104 end=104 @104",
            "MATCHED 2 a#2@101 b#5@106 end=106 @106");
    }

    private static List<String> run(final long[][] records, final int[] order, final long bound)
    {
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(A_THEN_B))
        {
            long maxTimestamp = Long.MIN_VALUE;
            for (final int i : order)
            {
                push(h, records[i][0], records[i][1], (char)records[i][2], records[i][3]);
                maxTimestamp = Math.max(maxTimestamp, records[i][3]);
                h.processWatermark(maxTimestamp - bound - 1);
            }
            h.processWatermark(Long.MAX_VALUE);
            assertThat(h.rejected()).isEmpty();
            return results(h);
        }
    }

    @Test
    void shouldDescribeAKeysBufferedRecordsAndPartialMatches()
    {
        final Pattern<Txn> chain = Patterns.<Txn>begin("a", is('a')).followedBy("b", is('b')).followedBy("c", is('c'))
            .within(10);
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(chain))
        {
            push(h, 1, 1, 'a', 100);
            push(h, 1, 2, 'b', 101);
            push(h, 1, 3, 'a', 102);
            push(h, 1, 4, 'x', 120);
            push(h, 2, 5, 'a', 100);
            h.processWatermark(105);

            final List<String> lines = new ArrayList<>();
            h.operator().describeKey(1, lines);
            assertThat(lines).containsExactly(
                "pattern 'cep' (a->b->c): key 1 buffered record id=4 ts=120 satisfies [a, b, c], evaluated when the watermark " +
                    "reaches 120 (watermark 105)",
                "pattern 'cep' (a->b->c): key 1 partial match #0 a(ts=100, id=1) -> b(ts=101, id=2) waiting for 'c' " +
                    "(record 3 of 3) until 110",
                "pattern 'cep' (a->b->c): key 1 partial match #1 a(ts=102, id=3) waiting for 'b' (record 2 of 3) until 112");

            final List<String> none = new ArrayList<>();
            h.operator().describeKey(3, none);
            assertThat(none).isEmpty();
        }
    }

    @Test
    void shouldDescribeAWaitingAbsence()
    {
        try (OperatorTestHarness<Txn, PatternMatch> h =
            harness(Patterns.<Txn>begin("a", is('a')).notFollowedBy("b", is('b')).within(10).named("quiet")))
        {
            push(h, 1, 1, 'a', 100);
            h.processWatermark(100);
            final List<String> lines = new ArrayList<>();
            h.operator().describeKey(1, lines);
            assertThat(lines).containsExactly("pattern 'cep' (quiet): key 1 partial match #0 a(ts=100, id=1) no negated " +
                "record yet; emits TIMED_OUT when the watermark reaches 110");
        }
    }

    @Test
    void shouldFreeAKeysStateOnceItHasNoPartialMatch()
    {
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(A_THEN_B))
        {
            final PatternOperator<Txn> operator = (PatternOperator<Txn>)h.operator();
            final long empty = operator.memoryBytes();
            for (int key = 0; key < 1000; key++)
            {
                push(h, key, key, 'a', 100);
                push(h, key, key, 'b', 105);
            }
            h.processWatermark(100);
            assertThat(operator.partialMatches()).isEqualTo(1000);
            assertThat(operator.bufferedRecords()).isEqualTo(1000);
            h.processWatermark(Long.MAX_VALUE);
            assertThat(operator.partialMatches()).isZero();
            assertThat(operator.bufferedRecords()).isZero();
            assertThat(operator.matched()).isEqualTo(1000);
            assertThat(operator.memoryBytes()).isGreaterThanOrEqualTo(empty);
        }
    }

    @Test
    void shouldRefuseASnapshotOfAnotherPattern()
    {
        final byte[] snapshot;
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(A_THEN_B))
        {
            push(h, 1, 1, 'a', 100);
            snapshot = h.snapshot();
        }
        final RecordCopier<Txn> same = RecordCopier.identity();
        assertThatThrownBy(() -> OperatorTestHarness.restore(Cep.operator(
            Patterns.<Txn>begin("a", is('a')).followedBy("b", is('b')).within(11)), snapshot, same, PatternMatch::copy))
            .isInstanceOf(SnapshotException.class)
            .hasMessageContaining("snapshot was taken with pattern a->b = a->b within 10 NO_SKIP")
            .hasMessageContaining("configured with a->b = a->b within 11 NO_SKIP");
        assertThatThrownBy(() -> OperatorTestHarness.restore(Cep.operator(A_THEN_B.afterMatch(AfterMatchSkip.SKIP_PAST_LAST_EVENT)),
            snapshot, same, PatternMatch::copy))
            .isInstanceOf(SnapshotException.class).hasMessageContaining("SKIP_PAST_LAST_EVENT");
    }

    @Test
    void shouldValidatePatterns()
    {
        assertThatThrownBy(() -> Patterns.<Txn>begin("a", is('a')).within(5))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("matches single records");
        assertThatThrownBy(() -> Patterns.<Txn>times("a", is('a'), 1).within(5))
            .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Patterns.<Txn>begin("a", is('a')).followedBy("b", is('b')).within(-1))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("within must be >= 0");
        assertThatThrownBy(() -> Patterns.<Txn>begin("a", is('a')).followedBy("a", is('b')))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already has a stage named 'a'");
        assertThatThrownBy(() -> Patterns.<Txn>begin("a", is('a')).notFollowedBy("b", is('b')).followedBy("c", is('c')))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("a negated stage must end the pattern");
        assertThatThrownBy(() -> Patterns.<Txn>begin("a", is('a')).times(2).times(3))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("already has a times()");
        assertThatThrownBy(() -> Patterns.<Txn>times("a", is('a'), 0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count must be >= 1");
        assertThatThrownBy(() -> Patterns.<Txn>times("a", is('a'), Pattern.MAX_EVENTS + 1))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 64 records");
        assertThat(Patterns.<Txn>times("a", is('a'), Pattern.MAX_EVENTS).within(1).events()).isEqualTo(Pattern.MAX_EVENTS);
        assertThat(Patterns.<Txn>begin("a", is('a')).notFollowedBy("b", is('b')).within(0).name()).isEqualTo("a->!b");
    }

    @Test
    void shouldCopyAMatchIndependentlyOfTheReusedOne()
    {
        final PatternMatch match = new PatternMatch(2);
        match.start("p", 7, MatchKind.MATCHED).add("a", 100, 1);
        match.add("b", 105, 2);
        match.endTimestamp(105);
        final PatternMatch copy = match.copy();
        match.start("q", 8, MatchKind.TIMED_OUT).add("a", 1, 1);

        assertThat(copy.toString()).isEqualTo("p MATCHED key=7 [a(ts=100, id=1), b(ts=105, id=2)] end=105");
        assertThat(copy.startTimestamp()).isEqualTo(100);
        assertThat(copy).isEqualTo(copy.copy()).hasSameHashCodeAs(copy.copy()).isNotEqualTo(match);
        assertThatThrownBy(() -> copy.id(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
