package io.ringflow.examples.fraud;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.ringflow.examples.fraud.FraudHarness.HOME;
import static io.ringflow.examples.fraud.FraudHarness.T0;
import static io.ringflow.examples.fraud.FraudHarness.payment;
import static io.ringflow.examples.fraud.FraudHarness.profile;
import static io.ringflow.examples.fraud.FraudHarness.velocity;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The velocity rule through the shipped plan: more than {@link FraudDetector#VELOCITY_LIMIT} payments of one
 * card in a sliding minute (windows [k × 10 s, k × 10 s + 60 s)), on time and late. Every payment is at home
 * and small, so no other rule fires.
 */
class FraudVelocityTest
{
    private static final long SMALL = 1_000;
    private long nextId = 1_000;

    @Test
    void shouldUseTheDocumentedConstants()
    {
        assertThat(FraudDetector.VELOCITY_LIMIT).isEqualTo(15);
        assertThat(FraudDetector.VELOCITY_WINDOW_MS).isEqualTo(60_000);
        assertThat(FraudDetector.VELOCITY_SLIDE_MS).isEqualTo(10_000);
        assertThat(FraudDetector.ALLOWED_LATENESS_MS).isEqualTo(5_000);
        assertThat(FraudDetector.OUT_OF_ORDERNESS_MS).isEqualTo(500);
    }

    @Test
    void shouldAlertOncePerWindowHoldingMoreThanTheLimitAndRespectWindowBounds()
    {
        final List<CardEvent> events = new ArrayList<>();
        for (long card = 1; card <= 5; card++)
        {
            events.add(profile(card, card, HOME, T0 - 60_000));
        }
        // card 1: exactly the limit (15) within one slide: every window holding them has 15, no alert
        for (int i = 0; i < 15; i++)
        {
            events.add(pay(1, T0 + i * 500L));
        }
        // card 2: limit + 1 within [T0, T0 + 10 s): all six sliding windows that hold that slide alert, once each
        for (int i = 0; i < 16; i++)
        {
            events.add(pay(2, T0 + i * 500L));
        }
        // card 3: 8 at the start of [T0, T0 + 60 s) (the first exactly at T0, inclusive) and 8 at its end (the last
        // at T0 + 59,999, the window's max timestamp): only that window holds 16
        for (int i = 0; i < 8; i++)
        {
            events.add(pay(3, T0 + i * 1_000L));
        }
        for (int i = 0; i < 7; i++)
        {
            events.add(pay(3, T0 + 53_000 + i * 1_000L));
        }
        events.add(pay(3, T0 + 59_999));
        // card 4: as card 3, but the last payment at T0 + 60,000: the end is exclusive, so [T0, T0 + 60 s) holds 15
        for (int i = 0; i < 8; i++)
        {
            events.add(pay(4, T0 + i * 1_000L));
        }
        for (int i = 0; i < 7; i++)
        {
            events.add(pay(4, T0 + 53_000 + i * 1_000L));
        }
        events.add(pay(4, T0 + 60_000));
        // card 5: as card 3, but the first payment at T0 - 1: outside [T0, T0 + 60 s), which holds 15
        events.add(pay(5, T0 - 1));
        for (int i = 1; i < 8; i++)
        {
            events.add(pay(5, T0 + i * 1_000L));
        }
        for (int i = 0; i < 7; i++)
        {
            events.add(pay(5, T0 + 53_000 + i * 1_000L));
        }
        events.add(pay(5, T0 + 59_999));

        final FraudHarness run = new FraudHarness().sendInTimeOrder(events.subList(0, 5))
            .sendInTimeOrder(events.subList(5, events.size())).end();

        assertThat(run.alerts).containsExactlyInAnyOrder(
            velocity(2, T0 + 10_000, 16), velocity(2, T0 + 20_000, 16), velocity(2, T0 + 30_000, 16),
            velocity(2, T0 + 40_000, 16), velocity(2, T0 + 50_000, 16), velocity(2, T0 + 60_000, 16),
            velocity(3, T0 + 60_000, 16));
        assertThat(run.counters.late()).isZero();
        assertThat(run.counters.duplicates()).isZero();
        assertThat(run.counters.deadLetters()).isZero();
    }

    @Test
    void shouldFireAWindowWhenTheWatermarkReachesItsMaxTimestamp()
    {
        final FraudHarness run = new FraudHarness()
            .send(profile(1, 7, HOME, T0 - 60_000)).send(profile(2, 8, HOME, T0 - 60_000));
        for (int i = 0; i < 16; i++)
        {
            run.send(pay(7, T0 + i * 500L));
        }
        // another card moves event time: watermark = newest payment − 500 − 1
        run.send(pay(8, T0 + 10_499));   // watermark T0 + 9,998: [T0 − 50 s, T0 + 10 s) not yet complete
        assertThat(run.alerts).isEmpty();
        run.send(pay(8, T0 + 10_500));   // watermark T0 + 9,999, the window's max timestamp: it fires
        assertThat(run.alerts).containsExactly(velocity(7, T0 + 10_000, 16));
        run.send(pay(8, T0 + 60_500));   // watermark T0 + 59,999: the five later windows holding the burst fire
        assertThat(run.alerts).containsExactly(
            velocity(7, T0 + 10_000, 16), velocity(7, T0 + 20_000, 16), velocity(7, T0 + 30_000, 16),
            velocity(7, T0 + 40_000, 16), velocity(7, T0 + 50_000, 16), velocity(7, T0 + 60_000, 16));
        run.end();
        assertThat(run.alerts).hasSize(6);
    }

    @Test
    void shouldNotWaitForTheChangelogsEventTime()
    {
        // a profile dated a minute before the payments, and no profile change after it: event time is the
        // payments' alone, so the burst's six windows close as soon as a payment moves the watermark past them
        final FraudHarness run = new FraudHarness().send(profile(1, 7, HOME, T0 - 60_000));
        for (int i = 0; i < 16; i++)
        {
            run.send(pay(7, T0 + i * 500L));
        }
        assertThat(run.alerts).isEmpty();
        run.send(pay(7, T0 + 70_000));
        assertThat(run.alerts).as("the payments' watermark T0 + 69,499 closes six windows").hasSize(6);
        run.send(profile(2, 8, HOME, T0 - 120_000));
        assertThat(run.counters.late()).as("a profile change is never late: it updates the table").isZero();
        run.end();
        assertThat(run.alerts).hasSize(6);
    }

    @Test
    void shouldAlertOnALateFiringOnlyWhenTheLatePaymentCrossesTheLimitAndRejectPaymentsPastTheLateness()
    {
        final FraudHarness run = new FraudHarness()
            .send(profile(1, 8, HOME, T0 - 60_000)).send(profile(2, 9, HOME, T0 - 60_000));
        for (int i = 0; i < 15; i++)
        {
            run.send(pay(9, T0 + i * 500L));
        }
        run.send(pay(8, T0 + 10_500));   // watermark T0 + 9,999: [.., T0 + 10 s) fires on time with 15: no alert
        assertThat(run.alerts).isEmpty();

        run.send(pay(9, T0 + 5_000));    // late for that window, within its lateness: it fires LATE with 16
        assertThat(run.alerts).containsExactly(velocity(9, T0 + 10_000, 16));
        run.send(pay(9, T0 + 5_001));    // fires LATE again with 17: the window alerted already
        assertThat(run.alerts).hasSize(1);
        assertThat(run.counters.late()).isZero();

        run.send(pay(8, T0 + 15_500));   // watermark T0 + 14,999 = T0 + 9,999 + 5,000: that window is gone
        run.send(pay(9, T0 + 9_000));    // late for it, but on time for [T0 − 40 s, T0 + 20 s) and later: kept
        assertThat(run.counters.late()).isZero();
        assertThat(run.alerts).hasSize(1);

        // watermark T0 + 64,999: the five later windows fire on time with 18 payments each, and every window
        // holding T0 + 4,000 is past its allowed lateness
        run.send(pay(8, T0 + 65_500));
        assertThat(run.alerts).containsExactly(
            velocity(9, T0 + 10_000, 16), velocity(9, T0 + 20_000, 18), velocity(9, T0 + 30_000, 18),
            velocity(9, T0 + 40_000, 18), velocity(9, T0 + 50_000, 18), velocity(9, T0 + 60_000, 18));
        run.send(pay(9, T0 + 4_000));
        assertThat(run.counters.late()).as("too late for every velocity window").isEqualTo(1);
        run.end();
        assertThat(run.alerts).hasSize(6);
    }

    private CardEvent pay(final long card, final long timeMs)
    {
        return payment(nextId++, card, HOME, SMALL, timeMs);
    }
}
