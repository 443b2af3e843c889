package io.ringflow.conformance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything an engine emitted for one join scenario.
 *
 * @param pairs   join outputs: the interval join's, or the window join's
 * @param firings window co-group firings (window scenarios only; empty for the interval join)
 * @param late    records the engine reported as late, in emission order (the interval join's late side
 *                outputs; for the window join, Ringflow's rejections, and for Flink, which drops them
 *                silently there, the records that appear in no co-group firing)
 */
public record JoinResult(List<JoinedPair> pairs, List<CoGroupFiring> firings, List<SideEvent> late) {

    public JoinResult {
        pairs = List.copyOf(pairs);
        firings = List.copyOf(firings);
        late = List.copyOf(late);
    }

    public List<JoinedPair> sortedPairs() {
        return sorted(pairs, JoinedPair.CANONICAL_ORDER);
    }

    public List<CoGroupFiring> sortedFirings() {
        return sorted(firings, CoGroupFiring.CANONICAL_ORDER);
    }

    public List<SideEvent> sortedLate() {
        return sorted(late, Comparator.comparingLong(SideEvent::id));
    }

    /** One line for reports. */
    public String summary() {
        return pairs.size() + " pairs, " + firings.size() + " co-group firings, " + late.size() + " late";
    }

    private static <T> List<T> sorted(List<T> items, Comparator<? super T> order) {
        List<T> copy = new ArrayList<>(items);
        copy.sort(order);
        return copy;
    }
}
