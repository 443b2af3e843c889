package io.ringflow.perf.peers;

import io.ringflow.perf.nexmark.NexmarkEvent;
import io.ringflow.perf.nexmark.WindowMax;

/**
 * One {@code long} per query result, computed from the same fields on both engines: a Ringflow result and a
 * Flink result hash alike exactly when their fields are equal (up to collisions of a 64-bit mix, which the
 * tests' record-by-record comparison rules out on their inputs).
 * <p>
 * Threading: stateless.
 */
public final class ResultHash
{
    private ResultHash()
    {
    }

    /**
     * @param event a Ringflow event result (Q1, Q2).
     * @return its hash.
     */
    public static long event(final NexmarkEvent event)
    {
        return event(event.kind().ordinal(), event.id(), event.auction(), event.person(), event.price(), event.dateTime());
    }

    /**
     * @param result a Ringflow window result (Q5, Q7).
     * @return its hash.
     */
    public static long window(final WindowMax result)
    {
        return window(result.windowEnd(), result.id(), result.value());
    }

    static long event(final int kind, final long id, final long auction, final long person, final long price,
        final long dateTime)
    {
        // Category, reserve and expiry are left out: no query here changes them, and Q1/Q2 emit bids, where they are 0.
        long h = mix(kind);
        h = mix(h ^ id);
        h = mix(h ^ auction);
        h = mix(h ^ person);
        h = mix(h ^ price);
        return mix(h ^ dateTime);
    }

    static long window(final long windowEnd, final long id, final long value)
    {
        return mix(mix(mix(windowEnd) ^ id) ^ value);
    }

    /**
     * @param x a value.
     * @return x through SplitMix64's finaliser: every input bit moves about half the output bits.
     */
    static long mix(final long x)
    {
        long z = x + 0x9E37_79B9_7F4A_7C15L;
        z = (z ^ z >>> 30) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ z >>> 27) * 0x94D0_49BB_1331_11EBL;
        return z ^ z >>> 31;
    }
}
