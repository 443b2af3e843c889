package io.ringflow.perf.nexmark.pipeline;

import io.ringflow.operators.Output;
import io.ringflow.operators.OutputTag;
import io.ringflow.perf.nexmark.NewUserAuction;
import io.ringflow.perf.nexmark.NexmarkEvent;
import io.ringflow.perf.nexmark.WindowMax;

import java.util.function.ToLongFunction;

/**
 * What a query emitted, reduced to two numbers that two runs over the same events must share: how many
 * results, and the sum of a mixed hash of each result's fields and timestamp. The sum does not depend on
 * order, because Q8's engines emit a window's results in different orders; a lost, extra or altered result
 * changes it. Watermarks are not part of it (a Ringflow sink never sees them).
 * <p>
 * Threading: written by one thread (the consumer's); read by another only after that thread is joined.
 * Allocates nothing.
 *
 * @param <R> result type.
 */
public final class ResultFingerprint<R> implements Output<R>
{
    private final ToLongFunction<R> hash;
    private long count;
    private long checksum;
    private long sideRecords;

    private ResultFingerprint(final ToLongFunction<R> hash)
    {
        this.hash = hash;
    }

    /** @return a fingerprint of events (Q0, Q1, Q2), every field hashed. */
    public static ResultFingerprint<NexmarkEvent> events()
    {
        return new ResultFingerprint<>(event -> combine(combine(combine(combine(combine(combine(combine(combine(
            event.kind().ordinal(), event.id()), event.auction()), event.person()), event.price()), event.category()),
            event.reserve()), event.expires()), event.dateTime()));
    }

    /** @return a fingerprint of window maxima (Q5, Q7). */
    public static ResultFingerprint<WindowMax> windows()
    {
        return new ResultFingerprint<>(window -> combine(combine(window.windowEnd(), window.id()), window.value()));
    }

    /** @return a fingerprint of Q8's new users. */
    public static ResultFingerprint<NewUserAuction> newUsers()
    {
        return new ResultFingerprint<>(user -> combine(combine(user.person(), user.auction()), user.reserve()));
    }

    @Override
    public void emit(final R record, final long timestamp)
    {
        count++;
        checksum += mix(combine(hash.applyAsLong(record), timestamp));
    }

    @Override
    public void emitWatermark(final long watermark)
    {
    }

    @Override
    public void emitIdle()
    {
    }

    @Override
    public <S> void emitSide(final OutputTag<S> tag, final S record, final long timestamp)
    {
        sideRecords++;
    }

    /** @return results seen. */
    public long count()
    {
        return count;
    }

    /** @return the order-independent checksum of the results. */
    public long checksum()
    {
        return checksum;
    }

    /** @return side-output records (late or rejected): none in a sound run. */
    public long sideRecords()
    {
        return sideRecords;
    }

    /**
     * @param other another run's fingerprint.
     * @return true if both saw as many results with the same checksum and no side output.
     */
    public boolean matches(final ResultFingerprint<?> other)
    {
        return count == other.count && checksum == other.checksum && sideRecords == 0 && other.sideRecords == 0;
    }

    @Override
    public String toString()
    {
        return "results=" + count + " checksum=" + Long.toHexString(checksum) + (sideRecords == 0 ? "" : " side=" + sideRecords);
    }

    private static long combine(final long hash, final long field)
    {
        return hash * 0x9E37_79B9_7F4A_7C15L + field;
    }

    /** MurmurHash3's 64-bit finalizer: spreads every input bit, so that a sum of hashes does not cancel out. */
    private static long mix(final long value)
    {
        long h = value;
        h ^= h >>> 33;
        h *= 0xFF51_AFD7_ED55_8CCDL;
        h ^= h >>> 33;
        h *= 0xC4CE_B9FE_1A85_EC53L;
        h ^= h >>> 33;
        return h;
    }
}
