package io.ringflow.conformance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares Flink's and Ringflow's results for one join scenario and says where they differ.
 *
 * <p>Window joins and co-groups must agree exactly: the same multiset of pairs (with timestamps), of
 * co-group firings, and of late records. Interval joins must agree on the late records of both sides,
 * and every pair Flink emits must be Ringflow's too; Ringflow may emit more, but only the pairs of the
 * one documented difference ({@code IntervalJoinOperator}'s Javadoc): Flink removes a buffered record
 * when the watermark <em>reaches</em> the end of its joinable range, Ringflow once the watermark has
 * passed it, so a later record whose timestamp equals the watermark at its arrival and lies exactly on
 * the bound of an earlier one is joined by Ringflow only.
 */
public final class JoinResultDiff {

    private static final int MAX_LISTED = 10;

    private JoinResultDiff() {
    }

    /** What the comparison found besides failures: how many pairs only Ringflow emitted, by the documented rule. */
    public record Outcome(int ringflowOnlyBoundaryPairs) {
    }

    public static Outcome assertConforms(JoinScenario scenario, List<SideEvent> events, JoinResult flink, JoinResult ringflow) {
        StringBuilder out = new StringBuilder();
        compare(out, "late records", flink.sortedLate(), ringflow.sortedLate());
        int boundaryPairs = 0;
        if (scenario.join() instanceof JoinSpec.Interval interval) {
            List<JoinedPair> onlyFlink = multisetMinus(flink.sortedPairs(), ringflow.sortedPairs());
            List<JoinedPair> onlyRingflow = multisetMinus(ringflow.sortedPairs(), flink.sortedPairs());
            if (!onlyFlink.isEmpty()) {
                out.append("pairs only Flink emitted (").append(onlyFlink.size()).append("): ").append(head(onlyFlink)).append('\n');
            }
            long[] watermarks = scenario.watermarksAtArrival(events);
            List<String> unexplained = new ArrayList<>();
            for (JoinedPair pair : onlyRingflow) {
                String why = flinkExpiredEarlier(interval, events, watermarks, pair);
                if (why != null) {
                    unexplained.add(pair + ": " + why);
                }
            }
            if (!unexplained.isEmpty()) {
                out.append("pairs only Ringflow emitted, not by the documented expiry difference (").append(unexplained.size())
                        .append("): ").append(head(unexplained)).append('\n');
            }
            boundaryPairs = onlyRingflow.size();
        } else {
            compare(out, "window join pairs", flink.sortedPairs(), ringflow.sortedPairs());
            compare(out, "co-group firings", flink.sortedFirings(), ringflow.sortedFirings());
        }
        if (out.length() > 0) {
            throw new AssertionError("results differ for " + scenario + "\n  flink: " + flink.summary() + "\n  ringflow: "
                    + ringflow.summary() + "\n" + out);
        }
        return new Outcome(boundaryPairs);
    }

    /**
     * @return null when the pair is one Flink cannot emit because it removed the earlier record at the
     *         watermark that equals the later record's timestamp, else why not.
     */
    private static String flinkExpiredEarlier(JoinSpec.Interval interval, List<SideEvent> events, long[] watermarks,
                                              JoinedPair pair) {
        SideEvent left = events.get((int) pair.leftId());
        SideEvent right = events.get((int) pair.rightId());
        SideEvent later = left.id() > right.id() ? left : right;
        long difference = right.timestamp() - left.timestamp();
        if (left.key() != right.key() || difference < interval.effectiveLower() || difference > interval.effectiveUpper()) {
            return "not a pair of the interval at all";
        }
        if (later.timestamp() != watermarks[(int) later.id()]) {
            return "the later record " + later + " arrived at watermark " + watermarks[(int) later.id()];
        }
        boolean onBound = later == right ? difference == interval.effectiveUpper() : difference == interval.effectiveLower();
        return onBound ? null : "not on the bound of the earlier record";
    }

    private static <T> void compare(StringBuilder out, String what, List<T> flink, List<T> ringflow) {
        if (Objects.equals(flink, ringflow)) {
            return;
        }
        List<T> onlyFlink = multisetMinus(flink, ringflow);
        List<T> onlyRingflow = multisetMinus(ringflow, flink);
        out.append(what).append(" only Flink has (").append(onlyFlink.size()).append("): ").append(head(onlyFlink)).append('\n')
                .append(what).append(" only Ringflow has (").append(onlyRingflow.size()).append("): ").append(head(onlyRingflow))
                .append('\n');
    }

    private static <T> List<T> multisetMinus(List<T> from, List<T> minus) {
        Map<T, Integer> remaining = new HashMap<>();
        for (T item : minus) {
            remaining.merge(item, 1, Integer::sum);
        }
        List<T> left = new ArrayList<>();
        for (T item : from) {
            Integer count = remaining.get(item);
            if (count == null || count == 0) {
                left.add(item);
            } else {
                remaining.put(item, count - 1);
            }
        }
        return left;
    }

    private static String head(List<?> items) {
        if (items.size() <= MAX_LISTED) {
            return Objects.toString(items);
        }
        return items.subList(0, MAX_LISTED) + " ... (" + (items.size() - MAX_LISTED) + " more)";
    }
}
