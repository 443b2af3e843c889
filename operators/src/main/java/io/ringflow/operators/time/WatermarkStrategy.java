package io.ringflow.operators.time;

import java.util.Objects;

/**
 * How a stream gets its event time: where the timestamp comes from, how watermarks follow from the
 * timestamps, and after how long without records the stream declares itself idle. Immutable
 * configuration, validated when built; {@link #createGenerator()} makes the per-operator runtime
 * object. Watermarks are computed after every record (Flink with a punctuated generator of the same
 * formula), never on a wall-clock timer, so replays reproduce them exactly.
 * <pre>{@code
 * WatermarkStrategy.<Trade>forBoundedOutOfOrderness(5_000)
 *     .withTimestampAssigner(trade -> trade.exchangeTimeMs)
 *     .withIdleness(30_000);
 * }</pre>
 * Threading: immutable, safe to share; the generators it creates are single-threaded.
 *
 * @param <T> record type.
 */
public final class WatermarkStrategy<T>
{
    /** {@link #idleTimeoutTicks()} of a strategy that never declares its stream idle. */
    public static final long NO_IDLE_TIMEOUT = 0;

    /** {@link #maxOutOfOrdernessTicks()} of a punctuated strategy, which has no bound. */
    public static final long NO_BOUND = -1;

    private final long maxOutOfOrdernessTicks;
    private final PunctuatedWatermarks<T> punctuated;
    private final TimestampAssigner<T> timestampAssigner;
    private final long idleTimeoutTicks;
    private final boolean excludedFromWatermark;

    private WatermarkStrategy(
        final long maxOutOfOrdernessTicks,
        final PunctuatedWatermarks<T> punctuated,
        final TimestampAssigner<T> timestampAssigner,
        final long idleTimeoutTicks,
        final boolean excludedFromWatermark)
    {
        this.maxOutOfOrdernessTicks = maxOutOfOrdernessTicks;
        this.punctuated = punctuated;
        this.timestampAssigner = timestampAssigner;
        this.idleTimeoutTicks = idleTimeoutTicks;
        this.excludedFromWatermark = excludedFromWatermark;
    }

    /**
     * Records arrive at most {@code maxOutOfOrdernessTicks} behind the highest timestamp seen; the
     * watermark after each record is {@code maxTimestampSeen - maxOutOfOrdernessTicks - 1}.
     *
     * @param maxOutOfOrdernessTicks the bound, {@code >= 0}, in the stream's tick unit.
     * @param <T>                    record type.
     * @return the strategy.
     * @throws IllegalArgumentException if the bound is negative.
     */
    public static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(final long maxOutOfOrdernessTicks)
    {
        if (maxOutOfOrdernessTicks < 0)
        {
            throw new IllegalArgumentException(
                "maxOutOfOrdernessTicks must be >= 0, was " + maxOutOfOrdernessTicks);
        }
        return new WatermarkStrategy<>(maxOutOfOrdernessTicks, null, null, NO_IDLE_TIMEOUT, false);
    }

    /**
     * Timestamps never decrease: bounded out-of-orderness with a bound of 0, so the watermark after a
     * record is {@code maxTimestampSeen - 1} and a record equal to the maximum is still on time.
     *
     * @param <T> record type.
     * @return the strategy.
     */
    public static <T> WatermarkStrategy<T> forMonotonousTimestamps()
    {
        return forBoundedOutOfOrderness(0);
    }

    /**
     * The user decides per record: {@code function} returns a watermark or
     * {@link PunctuatedWatermarks#NO_WATERMARK}; a value at or below the current watermark is ignored.
     *
     * @param function called after each valid record.
     * @param <T>      record type.
     * @return the strategy.
     */
    public static <T> WatermarkStrategy<T> forPunctuated(final PunctuatedWatermarks<T> function)
    {
        Objects.requireNonNull(function, "function");
        return new WatermarkStrategy<>(NO_BOUND, function, null, NO_IDLE_TIMEOUT, false);
    }

    /**
     * Without an assigner the operator keeps the timestamp each record already carries (set at the
     * ingress or by an upstream operator).
     *
     * @param timestampAssigner reads a record's event time.
     * @return a copy of this strategy using it.
     */
    public WatermarkStrategy<T> withTimestampAssigner(final TimestampAssigner<T> timestampAssigner)
    {
        Objects.requireNonNull(timestampAssigner, "timestampAssigner");
        return new WatermarkStrategy<>(maxOutOfOrdernessTicks, punctuated, timestampAssigner, idleTimeoutTicks,
            excludedFromWatermark);
    }

    /**
     * Declare the stream idle once no record has arrived for {@code idleTimeoutTicks} of processing
     * time, so that a multi-input consumer stops waiting for its watermark; its next record makes it
     * active again.
     *
     * @param idleTimeoutTicks {@code > 0}, in the unit of the processing-time ticks the operator receives.
     * @return a copy of this strategy with the timeout.
     * @throws IllegalArgumentException if the timeout is not positive.
     */
    public WatermarkStrategy<T> withIdleness(final long idleTimeoutTicks)
    {
        if (idleTimeoutTicks <= 0)
        {
            throw new IllegalArgumentException("idleTimeoutTicks must be > 0, was " + idleTimeoutTicks);
        }
        return new WatermarkStrategy<>(maxOutOfOrdernessTicks, punctuated, timestampAssigner, idleTimeoutTicks,
            excludedFromWatermark);
    }

    /**
     * Stamp this side's records as usual, but leave its watermark out of the combined one: a two-sided
     * stream's watermark is then the other side's alone, as if this side were always idle. For a side whose
     * event time decides no result, such as the changelog of a table joined by <em>latest</em> value: its
     * records only update the table, so waiting for its watermark would only hold the other side's windows,
     * timers and patterns back until its next record (a changelog that changes once a second would make
     * event time advance in one-second steps). Not for a temporal (as-of event time) table, whose lookups
     * wait for the table side's watermark, nor for a latest-value join that holds misses until the
     * watermark ({@code HOLD_UNTIL_WATERMARK}): the hold would end on the other side's watermark alone.
     * Honoured by the two-sided stamping ({@link TwoSidedTimestampsOperator}); a single stream has no other
     * side, so its stamping operator refuses such a strategy. Idleness is irrelevant on such a side.
     *
     * @return a copy of this strategy whose watermark is left out of a two-sided stream's.
     */
    public WatermarkStrategy<T> excludedFromWatermark()
    {
        return new WatermarkStrategy<>(maxOutOfOrdernessTicks, punctuated, timestampAssigner, idleTimeoutTicks, true);
    }

    /** @return whether {@link #excludedFromWatermark()} was asked for. */
    public boolean isExcludedFromWatermark()
    {
        return excludedFromWatermark;
    }

    /** @return this strategy counting in the watermark again: what the two-sided stamping runs each side with. */
    WatermarkStrategy<T> includedInWatermark()
    {
        return new WatermarkStrategy<>(maxOutOfOrdernessTicks, punctuated, timestampAssigner, idleTimeoutTicks, false);
    }

    /**
     * @return a fresh generator for one operator instance.
     */
    public WatermarkGenerator<T> createGenerator()
    {
        return punctuated != null ?
            new PunctuatedGenerator<>(punctuated) :
            new BoundedOutOfOrdernessGenerator<>(maxOutOfOrdernessTicks);
    }

    /**
     * @return the assigner, or {@code null} when records keep the timestamp they carry.
     */
    public TimestampAssigner<T> timestampAssigner()
    {
        return timestampAssigner;
    }

    /**
     * @return the idle timeout in processing-time ticks, or {@link #NO_IDLE_TIMEOUT}.
     */
    public long idleTimeoutTicks()
    {
        return idleTimeoutTicks;
    }

    /**
     * @return the out-of-orderness bound, or {@link #NO_BOUND} for a punctuated strategy.
     */
    public long maxOutOfOrdernessTicks()
    {
        return maxOutOfOrdernessTicks;
    }

    @Override
    public String toString()
    {
        return "WatermarkStrategy{" +
            (punctuated != null ? "punctuated" : "maxOutOfOrdernessTicks=" + maxOutOfOrdernessTicks) +
            (timestampAssigner != null ? ", assigner" : ", carried timestamps") +
            (idleTimeoutTicks != NO_IDLE_TIMEOUT ? ", idleTimeoutTicks=" + idleTimeoutTicks : "") +
            (excludedFromWatermark ? ", excluded from the watermark" : "") + '}';
    }
}
