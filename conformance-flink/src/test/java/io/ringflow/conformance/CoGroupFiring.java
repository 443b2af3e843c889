package io.ringflow.conformance;

import java.util.Comparator;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * One firing of a window co-group: the key, the window's max timestamp (the output's timestamp; Flink's
 * co-group function is not told the window), and the ids of the window's left and right records, sorted
 * and comma-separated (a string, so that Flink serialises it as a POJO field without Kryo). Either side
 * may be empty.
 *
 * @param key          the window's key
 * @param maxTimestamp the window's end - 1
 * @param left         sorted ids of its left records
 * @param right        sorted ids of its right records
 */
public record CoGroupFiring(long key, long maxTimestamp, String left, String right) {

    /** Canonical order: firing order across keys is not part of the contract. */
    public static final Comparator<CoGroupFiring> CANONICAL_ORDER = Comparator.comparingLong(CoGroupFiring::maxTimestamp)
            .thenComparingLong(CoGroupFiring::key)
            .thenComparing(CoGroupFiring::left)
            .thenComparing(CoGroupFiring::right);

    /** Sorted, comma-separated. */
    public static String ids(LongStream ids) {
        return ids.sorted().mapToObj(Long::toString).collect(Collectors.joining(","));
    }

    /** The ids of both sides. */
    public LongStream allIds() {
        return LongStream.concat(parse(left), parse(right));
    }

    private static LongStream parse(String ids) {
        return ids.isEmpty() ? LongStream.empty() : java.util.Arrays.stream(ids.split(",")).mapToLong(Long::parseLong);
    }

    @Override
    public String toString() {
        return "key " + key + " @" + maxTimestamp + " L[" + left + "] R[" + right + "]";
    }
}
