package io.ringflow.conformance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Compares two engines' {@link Result}s for one scenario and, when they differ, says where in a way
 * a person can act on: the scenario (with its seed, to replay it), the first differing firing in
 * canonical order, the first window whose firing sequence differs, and the dropped records only one
 * side has.
 *
 * <p>Two results are equal when (a) every window has the same sequence of firings in emission order
 * and (b) the same multiset of records was dropped. (a) implies that the canonically sorted firing
 * lists are equal too; the sorted view is reported first because it is the easiest to read.
 */
public final class ResultDiff {

    private static final int MAX_LISTED = 10;

    private ResultDiff() {
    }

    /** Throws an {@link AssertionError} describing the first differences unless the results are equal. */
    public static void assertSameResults(Scenario scenario, String expectedName, Result expected,
                                         String actualName, Result actual) {
        describe(scenario, expectedName, expected, actualName, actual).ifPresent(message -> {
            throw new AssertionError(message);
        });
    }

    /** A readable description of how the results differ, or empty when they are equal. */
    public static Optional<String> describe(Scenario scenario, String expectedName, Result expected,
                                            String actualName, Result actual) {
        StringBuilder out = new StringBuilder();

        List<Firing> e = expected.sortedFirings();
        List<Firing> a = actual.sortedFirings();
        int n = Math.min(e.size(), a.size());
        int first = 0;
        while (first < n && e.get(first).equals(a.get(first))) {
            first++;
        }
        if (first < n || e.size() != a.size()) {
            out.append("\nfirst differing firing (canonical order, index ").append(first).append("):\n")
                    .append("  ").append(expectedName).append(": ").append(first < e.size() ? e.get(first) : "<none>")
                    .append('\n')
                    .append("  ").append(actualName).append(": ").append(first < a.size() ? a.get(first) : "<none>")
                    .append('\n');
        }

        Map<Firing.WindowId, List<Firing>> ew = expected.firingsByWindow();
        Map<Firing.WindowId, List<Firing>> aw = actual.firingsByWindow();
        TreeSet<Firing.WindowId> windows = new TreeSet<>(Firing.WindowId.ORDER);
        windows.addAll(ew.keySet());
        windows.addAll(aw.keySet());
        int differingWindows = 0;
        for (Firing.WindowId window : windows) {
            List<Firing> es = ew.getOrDefault(window, List.of());
            List<Firing> as = aw.getOrDefault(window, List.of());
            if (!es.equals(as)) {
                if (differingWindows == 0) {
                    out.append("first window whose firing sequence (emission order) differs: ").append(window)
                            .append('\n')
                            .append("  ").append(expectedName).append(": ").append(es).append('\n')
                            .append("  ").append(actualName).append(": ").append(as).append('\n');
                }
                differingWindows++;
            }
        }
        if (differingWindows > 0) {
            out.append("windows with differing firing sequences: ").append(differingWindows).append(" of ")
                    .append(windows.size()).append('\n');
        }

        List<Dropped> onlyExpected = multisetMinus(expected.sortedDropped(), actual.sortedDropped());
        List<Dropped> onlyActual = multisetMinus(actual.sortedDropped(), expected.sortedDropped());
        if (!onlyExpected.isEmpty() || !onlyActual.isEmpty()) {
            out.append("dropped only by ").append(expectedName).append(" (").append(onlyExpected.size())
                    .append("): ").append(head(onlyExpected)).append('\n')
                    .append("dropped only by ").append(actualName).append(" (").append(onlyActual.size())
                    .append("): ").append(head(onlyActual)).append('\n');
        }

        if (out.length() == 0) {
            return Optional.empty();
        }
        return Optional.of("results differ for " + scenario + "\n  " + expectedName + ": " + expected.summary()
                + "\n  " + actualName + ": " + actual.summary() + out);
    }

    /** Elements of {@code from} not matched one-for-one by an equal element of {@code minus}. */
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
