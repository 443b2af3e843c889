package io.ringflow.pipeline.metrics;

import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.nio.charset.StandardCharsets;

/**
 * Counters that no other process sees, for stages and pipelines run with counters disabled: the same
 * classes write to them, so the runtime has one code path and no null checks.
 * <p>
 * Threading: {@link #manager} may be called from any thread; the result follows {@link CountersManager}'s
 * rules.
 */
final class PrivateCounters
{
    private PrivateCounters()
    {
    }

    /**
     * @param maxCounters counters to make room for.
     * @return a manager over freshly allocated memory that the garbage collector releases; no file.
     */
    static CountersManager manager(final int maxCounters)
    {
        // Direct and cache-line aligned because AtomicBuffer insists on aligned memory for its atomic ops;
        // a byte[] gives no such guarantee.
        return new CountersManager(
            new UnsafeBuffer(BufferUtil.allocateDirectAligned(maxCounters * CountersReader.METADATA_LENGTH, 64)),
            new UnsafeBuffer(BufferUtil.allocateDirectAligned(maxCounters * CountersReader.COUNTER_LENGTH, 64)),
            StandardCharsets.UTF_8);
    }
}
