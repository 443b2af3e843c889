package io.ringflow.operators.join;

import io.ringflow.operators.KeySelector;
import io.ringflow.operators.record.RecordCodec;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Configures an {@link IntervalJoinOperator}; validated once, in {@link #join}.
 * <pre>{@code
 * IntervalJoinOperator<Order, Fill, Match> matches = IntervalJoinOperator.keyed("order-fills", Order::id, Fill::orderId)
 *     .between(0, 5_000)          // a fill 0 to 5 s after its order
 *     .upperBoundExclusive()      // ... but not exactly 5 s
 *     .expectedKeys(100_000)
 *     .join(Order.CODEC, Fill.CODEC, Match::new, (order, fill, match) -> match.set(order, fill));
 * }</pre>
 *
 * @param <L> left record type.
 * @param <R> right record type.
 */
public final class IntervalJoinBuilder<L, R>
{
    private final String name;
    private final KeySelector<L> leftKey;
    private final KeySelector<R> rightKey;
    private boolean boundsSet;
    private long lower;
    private long upper;
    private boolean lowerExclusive;
    private boolean upperExclusive;
    private int expectedKeys = 1024;
    private int recordBlockBytes = 256;

    IntervalJoinBuilder(final String name, final KeySelector<L> leftKey, final KeySelector<R> rightKey)
    {
        this.name = Objects.requireNonNull(name, "name");
        this.leftKey = Objects.requireNonNull(leftKey, "leftKey");
        this.rightKey = Objects.requireNonNull(rightKey, "rightKey");
    }

    /**
     * A left record at {@code l} joins right records at {@code r} with {@code l + lower <= r <= l + upper}.
     * Either bound may be negative (a right record before its left one).
     *
     * @param lower smallest {@code r - l}, inclusive unless {@link #lowerBoundExclusive()}.
     * @param upper largest {@code r - l}, inclusive unless {@link #upperBoundExclusive()}; {@code >= lower}.
     * @return this.
     */
    public IntervalJoinBuilder<L, R> between(final long lower, final long upper)
    {
        if (lower == Long.MIN_VALUE || lower == Long.MAX_VALUE || upper == Long.MIN_VALUE || upper == Long.MAX_VALUE)
        {
            throw new IllegalArgumentException("interval join '" + name + "': bounds must lie strictly between " +
                "Long.MIN_VALUE and Long.MAX_VALUE, were [" + lower + ", " + upper + "]");
        }
        if (lower > upper)
        {
            throw new IllegalArgumentException("interval join '" + name + "': lower bound " + lower +
                " is above upper bound " + upper);
        }
        this.lower = lower;
        this.upper = upper;
        this.boundsSet = true;
        return this;
    }

    /** @return this, with {@code r - l == lower} no longer joining (Flink's {@code lowerBoundExclusive()}). */
    public IntervalJoinBuilder<L, R> lowerBoundExclusive()
    {
        lowerExclusive = true;
        return this;
    }

    /** @return this, with {@code r - l == upper} no longer joining (Flink's {@code upperBoundExclusive()}). */
    public IntervalJoinBuilder<L, R> upperBoundExclusive()
    {
        upperExclusive = true;
        return this;
    }

    /**
     * @param keys keys expected to hold buffered records at once: state is presized for them.
     * @return this.
     */
    public IntervalJoinBuilder<L, R> expectedKeys(final int keys)
    {
        if (keys <= 0)
        {
            throw new IllegalArgumentException("interval join '" + name + "': expected keys must be > 0, was " + keys);
        }
        this.expectedKeys = keys;
        return this;
    }

    /**
     * @param bytes size of the off-heap blocks buffered records are chained in: a power of two in [64, 1 MiB]
     *              that holds either codec's largest record plus 20 bytes. Each key and side with buffered
     *              records holds at least one block; default 256.
     * @return this.
     */
    public IntervalJoinBuilder<L, R> recordBlockBytes(final int bytes)
    {
        this.recordBlockBytes = bytes;
        return this;
    }

    /**
     * @param leftCodec     encodes buffered left records.
     * @param rightCodec    encodes buffered right records.
     * @param outputFactory creates the one output record the operator reuses; called once, here.
     * @param function      fills it from each joined pair.
     * @param <O>           output type.
     * @return the operator, not yet opened.
     */
    public <O> IntervalJoinOperator<L, R, O> join(
        final RecordCodec<L> leftCodec,
        final RecordCodec<R> rightCodec,
        final Supplier<O> outputFactory,
        final JoinFunction<L, R, O> function)
    {
        Objects.requireNonNull(leftCodec, "leftCodec");
        Objects.requireNonNull(rightCodec, "rightCodec");
        Objects.requireNonNull(outputFactory, "outputFactory");
        Objects.requireNonNull(function, "function");
        if (!boundsSet)
        {
            throw new IllegalStateException("interval join '" + name + "' has no bounds: call between(lower, upper)");
        }
        final long effectiveLower = lowerExclusive ? lower + 1 : lower;
        final long effectiveUpper = upperExclusive ? upper - 1 : upper;
        if (effectiveLower > effectiveUpper)
        {
            throw new IllegalArgumentException("interval join '" + name + "': bounds " + (lowerExclusive ? "(" : "[") +
                lower + ", " + upper + (upperExclusive ? ")" : "]") + " hold no difference of timestamps: nothing would join");
        }
        final O joined = Objects.requireNonNull(outputFactory.get(), "outputFactory returned null");
        return new IntervalJoinOperator<>(name, leftKey, rightKey, new IntervalBounds(effectiveLower, effectiveUpper),
            leftCodec, rightCodec, joined, function, expectedKeys, recordBlockBytes);
    }
}
