package io.ringflow.operators.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Built-in aggregates. Each writes one result slot; {@link #of} lays several side by side, slot
 * {@code i} holding the {@code i}-th function's result.
 * <p>
 * Long sums throw {@link ArithmeticException} on overflow instead of wrapping. {@code first} and
 * {@code last} are by event time; between equal timestamps {@code first} keeps the earliest arrival and
 * {@code last} the latest, and when session windows merge, ties go to the earlier-starting session.
 */
public final class Aggregates
{
    private Aggregates()
    {
    }

    /**
     * @param <T> record type.
     * @return the number of records (long slot).
     */
    public static <T> AggregateFunction<T> count()
    {
        return new LongAggregate<>(LongAggregate.Kind.COUNT, null);
    }

    /**
     * @param field value to sum.
     * @param <T>   record type.
     * @return the sum (long slot); throws {@link ArithmeticException} on overflow.
     */
    public static <T> AggregateFunction<T> sum(final ToLongFunction<T> field)
    {
        return new LongAggregate<>(LongAggregate.Kind.SUM, field);
    }

    /**
     * @param field value.
     * @param <T>   record type.
     * @return the minimum (long slot).
     */
    public static <T> AggregateFunction<T> min(final ToLongFunction<T> field)
    {
        return new LongAggregate<>(LongAggregate.Kind.MIN, field);
    }

    /**
     * @param field value.
     * @param <T>   record type.
     * @return the maximum (long slot).
     */
    public static <T> AggregateFunction<T> max(final ToLongFunction<T> field)
    {
        return new LongAggregate<>(LongAggregate.Kind.MAX, field);
    }

    /**
     * @param field value.
     * @param <T>   record type.
     * @return the mean (double slot), from an exact long sum and count.
     */
    public static <T> AggregateFunction<T> average(final ToLongFunction<T> field)
    {
        return new AverageAggregate<>(field);
    }

    /**
     * @param field value.
     * @param <T>   record type.
     * @return the sum of doubles (double slot).
     */
    public static <T> AggregateFunction<T> sumDouble(final ToDoubleFunction<T> field)
    {
        return new DoubleSumAggregate<>(field);
    }

    /**
     * @param field value.
     * @param <T>   record type.
     * @return the value of the record with the smallest timestamp (long slot).
     */
    public static <T> AggregateFunction<T> first(final ToLongFunction<T> field)
    {
        return new TimestampedValueAggregate<>(true, field);
    }

    /**
     * @param field value.
     * @param <T>   record type.
     * @return the value of the record with the largest timestamp (long slot).
     */
    public static <T> AggregateFunction<T> last(final ToLongFunction<T> field)
    {
        return new TimestampedValueAggregate<>(false, field);
    }

    /**
     * @param functions aggregates laid side by side.
     * @param <T>       record type.
     * @return one aggregate whose result slots are those of {@code functions}, in order.
     */
    @SafeVarargs
    public static <T> AggregateFunction<T> of(final AggregateFunction<T>... functions)
    {
        final List<AggregateFunction<T>> list = new ArrayList<>(functions.length);
        for (final AggregateFunction<T> function : functions)
        {
            list.add(function);
        }
        return new CompositeAggregate<>(list);
    }
}
