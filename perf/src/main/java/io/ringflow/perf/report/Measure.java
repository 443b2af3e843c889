package io.ringflow.perf.report;

/**
 * One figure of the suite, as {@code summary.json} lists it: what was measured, on which engine, its value,
 * and where it has a baseline or peer, that engine's value and the ratio Ringflow / other.
 *
 * @param group          the table it belongs to: {@code nexmark-single-thread}, {@code latency}, ...
 * @param name           what was measured within the group, e.g. {@code Q5 events/s} or {@code Q1 p99 at 1000000/s}.
 * @param engine         the engine measured ({@code ringflow}, or a baseline's name where Ringflow is absent).
 * @param value          its value, median over rounds where there were several.
 * @param unit           the value's unit.
 * @param other          the baseline or peer compared with, or {@code null}.
 * @param otherValue     its value, median over rounds; NaN without one.
 * @param ratio          median over rounds of value / otherValue (each round ran both); NaN without one.
 * @param higherIsBetter whether a larger value is the better one (throughput) or not (latency, allocation).
 */
public record Measure(
    String group,
    String name,
    String engine,
    double value,
    String unit,
    String other,
    double otherValue,
    double ratio,
    boolean higherIsBetter)
{
    /**
     * A figure with nothing to compare it with.
     *
     * @param group          table.
     * @param name           what.
     * @param engine         measured engine.
     * @param value          value.
     * @param unit           unit.
     * @param higherIsBetter direction.
     * @return the measure.
     */
    public static Measure alone(
        final String group, final String name, final String engine, final double value, final String unit,
        final boolean higherIsBetter)
    {
        return new Measure(group, name, engine, value, unit, null, Double.NaN, Double.NaN, higherIsBetter);
    }

    /** @return whether this figure is compared with a baseline or peer. */
    public boolean compared()
    {
        return other != null;
    }
}
