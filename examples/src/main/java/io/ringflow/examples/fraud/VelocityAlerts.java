package io.ringflow.examples.fraud;

import io.ringflow.operators.Collector;
import io.ringflow.operators.RecordFlatMapper;
import io.ringflow.operators.window.FiringKind;
import io.ringflow.operators.window.WindowResult;

/**
 * Turns the velocity windows' counts into alerts: a window with more payments than the limit alerts
 * once. A late payment re-fires its window with one more payment, so a late firing alerts only when it
 * is the payment that crossed the limit — never twice for one window.
 * <p>
 * Threading: the operator's; one instance per operator (it reuses one alert).
 */
public final class VelocityAlerts implements RecordFlatMapper<WindowResult, Alert>
{
    private final long limit;
    private final Alert alert = new Alert();

    /** @param limit more payments than this in a window alert. */
    public VelocityAlerts(final long limit)
    {
        this.limit = limit;
    }

    @Override
    public void flatMap(final WindowResult window, final Collector<Alert> out)
    {
        final long payments = window.longValue(0);
        final boolean crossed = FiringKind.LATE == window.kind() ? payments == limit + 1 : payments > limit;
        if (crossed)
        {
            out.collect(alert.set(Rule.VELOCITY, window.key(), window.end() - 1, payments, window.end()));
        }
    }
}
