package io.ringflow.conformance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything an engine emitted for one scenario.
 *
 * <p>{@link #firings()} is kept in the engine's emission order. Across keys (and across windows
 * that fire at the same watermark) that order is not part of the contract, so comparisons use
 * {@link #sortedFirings()}; within one window, though, the sequence is (one on-time firing, then
 * late firings with growing counts), so {@link #firingsByWindow()} keeps each window's firings in
 * emission order for a second, order-sensitive comparison.
 *
 * @param firings window results in emission order
 * @param dropped late side output in emission order
 */
public record Result(List<Firing> firings, List<Dropped> dropped) {

    public Result {
        firings = List.copyOf(firings);
        dropped = List.copyOf(dropped);
    }

    /** Firings in {@link Firing#CANONICAL_ORDER}. */
    public List<Firing> sortedFirings() {
        return sorted(firings, Firing.CANONICAL_ORDER);
    }

    /** Dropped records in {@link Dropped#CANONICAL_ORDER}. */
    public List<Dropped> sortedDropped() {
        return sorted(dropped, Dropped.CANONICAL_ORDER);
    }

    /** Each window's firings in emission order, windows in {@link Firing.WindowId#ORDER}. */
    public Map<Firing.WindowId, List<Firing>> firingsByWindow() {
        Map<Firing.WindowId, List<Firing>> byWindow = new TreeMap<>(Firing.WindowId.ORDER);
        for (Firing firing : firings) {
            byWindow.computeIfAbsent(firing.window(), w -> new ArrayList<>()).add(firing);
        }
        return byWindow;
    }

    /** Number of firings of the given kind. */
    public long count(Firing.Kind kind) {
        return firings.stream().filter(f -> f.kind() == kind).count();
    }

    /** One line for reports: how many firings of each kind and how many drops. */
    public String summary() {
        return firings.size() + " firings (" + count(Firing.Kind.ON_TIME) + " on-time, " + count(Firing.Kind.LATE)
                + " late), " + dropped.size() + " dropped";
    }

    private static <T> List<T> sorted(List<T> items, Comparator<? super T> order) {
        List<T> copy = new ArrayList<>(items);
        copy.sort(order);
        return copy;
    }
}
