package io.ringflow.examples.fraud;

import io.ringflow.operators.Collector;
import io.ringflow.operators.process.KeyedProcessFunction;
import io.ringflow.operators.process.KeyedStateRegistry;
import io.ringflow.operators.process.ValueState;

/**
 * The amount-spike rule, on keyed state: per card, the number of payments seen and their rolling
 * average amount (an exponentially weighted mean with weight 1/{@value #SMOOTHING}, in whole cents, so
 * that replays reproduce it bit for bit). A payment of at least {@value #MIN_CENTS} cents and more than
 * {@value #FACTOR} times the average, on a card with at least {@value #MIN_HISTORY} earlier payments,
 * raises an alert; every payment then updates the average. Payments count in arrival order, which the
 * input journal fixes.
 * <p>
 * Threading: the operator's; the state lives off-heap in the operator, so one instance per operator.
 */
public final class AmountSpikeRule implements KeyedProcessFunction<EnrichedPayment, Alert>
{
    /** Earlier payments a card needs before its average means anything. */
    public static final long MIN_HISTORY = 5;
    /** How many times the average a spike is. */
    public static final long FACTOR = 8;
    /** Spikes below this (3,000.00) are not worth an analyst's time. */
    public static final long MIN_CENTS = 300_000;
    /** The average moves 1/SMOOTHING of the way to each new amount. */
    public static final long SMOOTHING = 8;

    private static final int COUNT = 0;
    private static final int AVERAGE = Long.BYTES;

    private final Alert alert = new Alert();
    private ValueState history;

    @Override
    public void open(final KeyedStateRegistry states)
    {
        history = states.valueState("amount-history", 2 * Long.BYTES);
    }

    @Override
    public void processElement(final EnrichedPayment payment, final Context ctx, final Collector<Alert> out)
    {
        final long count = history.getLong(COUNT);
        final long average = history.getLong(AVERAGE);
        final long amount = payment.amountCents();
        if (count >= MIN_HISTORY && amount >= MIN_CENTS && amount > FACTOR * average)
        {
            out.collect(alert.set(Rule.AMOUNT_SPIKE, payment.cardId(), ctx.timestamp(), amount, average));
        }
        history.putLong(COUNT, count + 1);
        history.putLong(AVERAGE, 0 == count ? amount : average + (amount - average) / SMOOTHING);
    }
}
