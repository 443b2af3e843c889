package io.ringflow.examples.fraud;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import static io.ringflow.examples.fraud.FraudHarness.ABROAD;
import static io.ringflow.examples.fraud.FraudHarness.ELSEWHERE;
import static io.ringflow.examples.fraud.FraudHarness.HOME;
import static io.ringflow.examples.fraud.FraudHarness.T0;
import static io.ringflow.examples.fraud.FraudHarness.closure;
import static io.ringflow.examples.fraud.FraudHarness.geoJump;
import static io.ringflow.examples.fraud.FraudHarness.payment;
import static io.ringflow.examples.fraud.FraudHarness.profile;
import static io.ringflow.examples.fraud.FraudHarness.spike;
import static io.ringflow.examples.fraud.FraudHarness.velocity;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Geo-jump, amount spike, dedup, validation and enrichment through the shipped plan, against results worked
 * out by hand. Fewer than 16 payments per card unless a test wants the velocity rule.
 */
class FraudRulesTest
{
    private static final long SMALL = 1_000;

    @Test
    void shouldAlertOnAHomeThenAbroadPaymentWithinTenMinutesInclusiveOnly()
    {
        assertThat(FraudDetector.GEO_JUMP_WITHIN_MS).isEqualTo(600_000);
        final List<CardEvent> events = new ArrayList<>();
        for (long card = 20; card <= 26; card++)
        {
            events.add(profile(card, card, HOME, T0 - 60_000));
        }
        // 20: home, then abroad exactly 10 minutes later (the bound is inclusive)
        events.add(payment(2001, 20, HOME, SMALL, T0));
        events.add(payment(2002, 20, ABROAD, SMALL, T0 + 600_000));
        // 21: home, then abroad 1 ms too late
        events.add(payment(2101, 21, HOME, SMALL, T0));
        events.add(payment(2102, 21, ABROAD, SMALL, T0 + 600_001));
        // 22: abroad, then abroad elsewhere: no home payment starts the pattern
        events.add(payment(2201, 22, ABROAD, SMALL, T0));
        events.add(payment(2202, 22, ELSEWHERE, SMALL, T0 + 1_000));
        // 23: home, home
        events.add(payment(2301, 23, HOME, SMALL, T0));
        events.add(payment(2302, 23, HOME, SMALL, T0 + 1_000));
        // 24: abroad, then home, then abroad: the first abroad starts nothing; home → abroad alerts
        events.add(payment(2401, 24, ABROAD, SMALL, T0));
        events.add(payment(2402, 24, HOME, SMALL, T0 + 1_000));
        events.add(payment(2403, 24, ABROAD, SMALL, T0 + 2_000));
        // 25: two home payments then two abroad: one alert (skip past the last event), from the oldest home payment
        events.add(payment(2501, 25, HOME, SMALL, T0));
        events.add(payment(2502, 25, HOME, SMALL, T0 + 1_000));
        events.add(payment(2503, 25, ABROAD, SMALL, T0 + 2_000));
        events.add(payment(2504, 25, ELSEWHERE, SMALL, T0 + 3_000));
        // 26: a home payment then one abroad, within the bound, but 4 ms out of event-time order (on time: bound 500 ms)
        events.add(payment(2601, 26, HOME, SMALL, T0 + 5_004));
        events.add(payment(2602, 26, ABROAD, SMALL, T0 + 5_006));

        final List<CardEvent> payments = new ArrayList<>(events.subList(7, events.size()));
        payments.sort(Comparator.comparingLong(CardEvent::eventTimeMs));
        final int home26 = payments.indexOf(events.get(events.size() - 2));
        Collections.swap(payments, home26, home26 + 1);   // 2602 arrives before 2601
        assertThat(payments.get(home26).eventId()).isEqualTo(2602);
        final FraudHarness run = new FraudHarness().sendInTimeOrder(events.subList(0, 7));
        payments.forEach(run::send);
        run.end();

        assertThat(run.alerts).containsExactlyInAnyOrder(
            geoJump(20, T0 + 600_000, 2002, 2001),
            geoJump(24, T0 + 2_000, 2403, 2402),
            geoJump(25, T0 + 2_000, 2503, 2501),
            geoJump(26, T0 + 5_006, 2602, 2601));
        assertThat(run.counters.late()).isZero();
    }

    /**
     * The pattern has no allowed lateness, so a payment behind the watermark is not judged by geo-jump while
     * the velocity windows (5 s lateness) still count it; the counters show the geo-jump refusal on its own.
     */
    @Test
    void shouldLeaveAPaymentBehindTheWatermarkOutOfGeoJumpButInTheVelocityWindows()
    {
        final FraudHarness run = new FraudHarness().send(profile(1, 80, HOME, T0 - 60_000))
            .send(profile(2, 81, HOME, T0 - 60_000));
        run.send(payment(8001, 80, HOME, SMALL, T0));
        run.send(payment(8101, 81, HOME, SMALL, T0 + 3_000));   // watermark T0 + 2,499
        run.send(payment(8002, 80, ABROAD, SMALL, T0 + 2_000));  // 1 s behind the newest payment: late for the pattern
        for (int i = 0; i < 15; i++)
        {
            run.send(payment(8200 + i, 80, HOME, SMALL, T0 + 3_000 + i));
        }
        run.end();

        assertThat(run.alerts(Rule.GEO_JUMP)).isEmpty();
        assertThat(run.alerts(Rule.VELOCITY)).as("the late payment is the 17th in its windows").contains(
            velocity(80, T0 + 10_000, 17));
        assertThat(run.counters.late()).isZero();
        assertThat(run.counters.lateForGeoJump()).isEqualTo(1);
    }

    @Test
    void shouldScoreAgainstTheProfileCurrentOnArrivalAndTreatAMissingProfileAsUnknownCountry()
    {
        final List<CardEvent> events = new ArrayList<>();
        events.add(profile(1, 30, HOME, T0 - 60_000));
        events.add(profile(2, 31, HOME, T0 - 60_000));
        events.add(profile(3, 33, HOME, T0 - 60_000));
        // 30: home (276), then the card moves home to 250, then a payment in 250: at home now, no jump
        events.add(payment(3001, 30, HOME, SMALL, T0));
        events.add(profile(4, 30, ABROAD, T0 + 1_000));
        events.add(payment(3002, 30, ABROAD, SMALL, T0 + 2_000));
        // 31: home, the card is closed (profile deleted), then abroad: unknown home country, no jump
        events.add(payment(3101, 31, HOME, SMALL, T0));
        events.add(closure(5, 31, T0 + 1_000));
        events.add(payment(3102, 31, ABROAD, SMALL, T0 + 2_000));
        // 32: never had a profile: emitted with the default (country 0), so no jump, but the other rules still
        // see it: 16 payments in a minute, the last one a spike
        for (int i = 0; i < 15; i++)
        {
            events.add(payment(3200 + i, 32, i % 2 == 0 ? HOME : ABROAD, 40_000, T0 + i * 100L));
        }
        events.add(payment(3299, 32, ABROAD, 400_000, T0 + 1_500));
        // 33: control: home then abroad does alert
        events.add(payment(3301, 33, HOME, SMALL, T0));
        events.add(payment(3302, 33, ABROAD, SMALL, T0 + 2_000));

        final FraudHarness run = new FraudHarness().sendInTimeOrder(events).end();

        assertThat(run.alerts(Rule.GEO_JUMP)).containsExactly(geoJump(33, T0 + 2_000, 3302, 3301));
        assertThat(run.alerts(Rule.AMOUNT_SPIKE)).containsExactly(spike(32, T0 + 1_500, 400_000, 40_000));
        assertThat(run.alerts(Rule.VELOCITY)).containsExactlyInAnyOrder(
            velocity(32, T0 + 10_000, 16), velocity(32, T0 + 20_000, 16), velocity(32, T0 + 30_000, 16),
            velocity(32, T0 + 40_000, 16), velocity(32, T0 + 50_000, 16), velocity(32, T0 + 60_000, 16));
    }

    @Test
    void shouldAlertOnAnAmountSpikeOnlyAfterFiveEarlierPaymentsAndAboveBothThresholds()
    {
        assertThat(AmountSpikeRule.MIN_HISTORY).isEqualTo(5);
        assertThat(AmountSpikeRule.FACTOR).isEqualTo(8);
        assertThat(AmountSpikeRule.MIN_CENTS).isEqualTo(300_000);
        assertThat(AmountSpikeRule.SMOOTHING).isEqualTo(8);
        final List<CardEvent> events = new ArrayList<>();
        long id = 40_000;
        // 40: average 40,000; 8 × 40,000 = 320,000: 320,001 is a spike
        // 41: the same history; 320,000 is not more than 8 × the average
        // 42: four payments only: 400,000 is not judged; then the average is 40,000 + 360,000 / 8 = 85,000, and
        //     680,001 > 8 × 85,000 is a spike
        // 43: average 30,000: 300,000 is at MIN_CENTS and above 240,000: a spike
        // 44: the same history: 299,999 is below MIN_CENTS
        final long[][] histories = {{40, 5, 40_000}, {41, 5, 40_000}, {42, 4, 40_000}, {43, 5, 30_000}, {44, 5, 30_000}};
        for (final long[] history : histories)
        {
            events.add(profile(history[0], history[0], HOME, T0 - 60_000));
            for (int i = 0; i < history[1]; i++)
            {
                events.add(payment(id++, history[0], HOME, history[2], T0 + i * 1_000L));
            }
        }
        events.add(payment(4001, 40, HOME, 320_001, T0 + 10_000));
        events.add(payment(4101, 41, HOME, 320_000, T0 + 10_000));
        events.add(payment(4201, 42, HOME, 400_000, T0 + 10_000));
        events.add(payment(4202, 42, HOME, 680_001, T0 + 11_000));
        events.add(payment(4301, 43, HOME, 300_000, T0 + 10_000));
        events.add(payment(4401, 44, HOME, 299_999, T0 + 10_000));

        final FraudHarness run = new FraudHarness().sendInTimeOrder(events).end();

        assertThat(run.alerts).containsExactlyInAnyOrder(
            spike(40, T0 + 10_000, 320_001, 40_000),
            spike(42, T0 + 11_000, 680_001, 85_000),
            spike(43, T0 + 10_000, 300_000, 30_000));
    }

    @Test
    void shouldKeepTheRollingAverageAsAnEighthWeightedMeanInWholeCentsTruncatedTowardZero()
    {
        // avg1 = 40,000
        // avg2 = 40,000 + (52,345 − 40,000) / 8 = 40,000 + 1,543 = 41,543
        // avg3 = 41,543 + (31,007 − 41,543) / 8 = 41,543 − 1,317 = 40,226
        // avg4 = 40,226 + (45,678 − 40,226) / 8 = 40,226 + 681 = 40,907
        // avg5 = 40,907 + (39,999 − 40,907) / 8 = 40,907 − 113 = 40,794   (−113.5 truncated toward zero)
        // 8 × 40,794 = 326,352: 326,353 is a spike, 326,352 is not (a floored average, 40,793, would make it one)
        final long[] history = {40_000, 52_345, 31_007, 45_678, 39_999};
        final List<CardEvent> events = new ArrayList<>();
        for (long card = 50; card <= 51; card++)
        {
            events.add(profile(card, card, HOME, T0 - 60_000));
            for (int i = 0; i < history.length; i++)
            {
                events.add(payment(card * 100 + i, card, HOME, history[i], T0 + i * 1_000L));
            }
        }
        events.add(payment(5099, 50, HOME, 326_353, T0 + 10_000));
        events.add(payment(5199, 51, HOME, 326_352, T0 + 10_000));
        // after the spike, 50's average is 40,794 + (326,353 − 40,794) / 8 = 40,794 + 35,694 = 76,488;
        // 8 × 76,488 = 611,904
        events.add(payment(5098, 50, HOME, 611_904, T0 + 11_000));
        // not more than 8 × the average; the average becomes 76,488 + 535,416 / 8 = 143,415; 8 × 143,415 = 1,147,320
        events.add(payment(5097, 50, HOME, 1_147_321, T0 + 11_000));

        final FraudHarness run = new FraudHarness().sendInTimeOrder(events).end();

        assertThat(run.alerts).containsExactly(
            spike(50, T0 + 10_000, 326_353, 40_794),
            spike(50, T0 + 11_000, 1_147_321, 143_415));
    }

    @Test
    void shouldDropARetriedPaymentToTheDuplicatesSoNoRuleCountsItTwice()
    {
        final FraudHarness run = new FraudHarness().send(profile(1, 60, HOME, T0 - 60_000))
            .send(profile(2, 61, HOME, T0 - 60_000)).send(profile(3, 62, HOME, T0 - 60_000));
        // 60: 15 payments plus a retry of the 8th: still 15 in the window, no velocity alert
        for (int i = 0; i < 15; i++)
        {
            run.send(payment(6000 + i, 60, HOME, SMALL, T0 + i * 100L));
            if (7 == i)
            {
                run.send(payment(6007, 60, HOME, SMALL, T0 + 7 * 100L));
            }
        }
        // 61: four payments, the 4th retried, then a spike: only four earlier payments count, so no alert
        for (int i = 0; i < 4; i++)
        {
            run.send(payment(6100 + i, 61, HOME, 40_000, T0 + 2_000 + i * 100L));
        }
        run.send(payment(6103, 61, HOME, 40_000, T0 + 2_300));
        run.send(payment(6199, 61, HOME, 400_000, T0 + 2_500));
        assertThat(run.counters.duplicates()).isEqualTo(2);

        // the id is remembered until the watermark reaches its first timestamp + TTL (T0 + 2,000 + 120,000)
        assertThat(FraudDetector.DEDUP_TTL_MS).isEqualTo(120_000);
        run.send(payment(6201, 62, HOME, SMALL, T0 + 122_500));   // watermark T0 + 121,999
        run.send(payment(6100, 61, HOME, SMALL, T0 + 122_400));
        assertThat(run.counters.duplicates()).as("still remembered").isEqualTo(3);
        run.send(payment(6202, 62, HOME, SMALL, T0 + 122_501));   // watermark T0 + 122,000: 6100 expires
        run.send(payment(6100, 61, HOME, SMALL, T0 + 122_450));
        assertThat(run.counters.duplicates()).as("forgotten after the TTL").isEqualTo(3);

        run.end();
        assertThat(run.alerts).isEmpty();
        assertThat(run.counters.duplicates()).isEqualTo(3);
        assertThat(run.counters.deadLetters()).isZero();
    }

    @Test
    void shouldDeadLetterMalformedEventsWithTheirReasonAndKeepThemFromTheRules()
    {
        final FraudHarness run = new FraudHarness().send(profile(1, 70, HOME, T0 - 60_000));
        for (int i = 0; i < 15; i++)
        {
            run.send(payment(7000 + i, 70, HOME, SMALL, T0 + i * 100L));
        }
        // five malformed payments of card 70, one per reason: none may count as its 16th payment
        run.send(new CardEvent().set((byte)9, 7100, 70, 7, HOME, SMALL, T0 + 1_600));
        run.send(payment(7101, -70, HOME, SMALL, T0 + 1_700));
        run.send(payment(7102, 70, HOME, 0, T0 + 1_800));
        run.send(payment(7103, 70, 1_000, SMALL, T0 + 1_900));
        run.send(payment(7104, 70, HOME, SMALL, (T0 + 2_000) / 1_000));   // seconds, not ms
        run.send(profile(7105, 71, 0, T0 + 2_100));                       // a profile without a home country
        run.send(payment(7106, 70, HOME, Validation.MAX_AMOUNT_CENTS + 1, T0 + 2_200));
        run.end();

        assertThat(run.alerts).isEmpty();
        assertThat(run.counters.deadLetters()).isEqualTo(7);
        assertThat(run.counters.deadLetters(Malformed.UNKNOWN_KIND)).isEqualTo(1);
        assertThat(run.counters.deadLetters(Malformed.BAD_CARD)).isEqualTo(1);
        assertThat(run.counters.deadLetters(Malformed.BAD_AMOUNT)).isEqualTo(2);
        assertThat(run.counters.deadLetters(Malformed.BAD_COUNTRY)).isEqualTo(2);
        assertThat(run.counters.deadLetters(Malformed.BAD_TIME)).isEqualTo(1);
        assertThat(run.counters.firstDeadLetters()).hasSize(FraudCounters.KEPT_DEAD_LETTERS);
        assertThat(run.counters.firstDeadLetters().get(0))
            .startsWith("UNKNOWN_KIND (" + Malformed.UNKNOWN_KIND.description() + "): ").contains("id=7100");
        assertThat(run.counters.firstDeadLetters().get(1)).startsWith("BAD_CARD").contains("card=-70");
        assertThat(run.counters.firstDeadLetters().get(2)).startsWith("BAD_AMOUNT").contains("cents=0");
        assertThat(run.counters.firstDeadLetters().get(3)).startsWith("BAD_COUNTRY").contains("country=1000");
        assertThat(run.counters.firstDeadLetters().get(4)).startsWith("BAD_TIME").contains("id=7104");
        assertThat(run.counters.late()).isZero();
    }

    @Test
    void shouldCheckEveryFieldAtItsBoundaries()
    {
        final CardEvent ok = payment(1, 0, 1, 1, Validation.MIN_TIME_MS);
        assertThat(Validation.check(ok)).isNull();
        assertThat(Validation.check(payment(1, 0, 999, Validation.MAX_AMOUNT_CENTS, Validation.END_TIME_MS - 1))).isNull();
        assertThat(Validation.check(payment(1, -1, HOME, SMALL, T0))).isEqualTo(Malformed.BAD_CARD);
        assertThat(Validation.check(payment(1, 5, HOME, -1, T0))).isEqualTo(Malformed.BAD_AMOUNT);
        assertThat(Validation.check(payment(1, 5, HOME, Validation.MAX_AMOUNT_CENTS + 1, T0))).isEqualTo(Malformed.BAD_AMOUNT);
        assertThat(Validation.check(payment(1, 5, 0, SMALL, T0))).isEqualTo(Malformed.BAD_COUNTRY);
        assertThat(Validation.check(payment(1, 5, 1_000, SMALL, T0))).isEqualTo(Malformed.BAD_COUNTRY);
        assertThat(Validation.check(payment(1, 5, HOME, SMALL, Validation.MIN_TIME_MS - 1))).isEqualTo(Malformed.BAD_TIME);
        assertThat(Validation.check(payment(1, 5, HOME, SMALL, Validation.END_TIME_MS))).isEqualTo(Malformed.BAD_TIME);
        assertThat(Validation.check(new CardEvent().set((byte)0, 1, 5, 7, HOME, SMALL, T0))).isEqualTo(Malformed.UNKNOWN_KIND);
        // the first fault wins
        assertThat(Validation.check(new CardEvent().set((byte)9, 1, -5, 7, 0, 0, 0))).isEqualTo(Malformed.UNKNOWN_KIND);
        assertThat(Validation.check(payment(1, -5, 0, 0, 0))).isEqualTo(Malformed.BAD_CARD);
        // profiles carry no amount; a delete carries no country
        assertThat(Validation.check(profile(1, 5, HOME, T0))).isNull();
        assertThat(Validation.check(profile(1, 5, 1_000, T0))).isEqualTo(Malformed.BAD_COUNTRY);
        assertThat(Validation.check(closure(1, 5, T0))).isNull();
        assertThat(Validation.check(closure(1, 5, 0))).isEqualTo(Malformed.BAD_TIME);
        assertThat(Validation.MIN_TIME_MS).isEqualTo(java.time.Instant.parse("2000-01-01T00:00:00Z").toEpochMilli());
        assertThat(Validation.END_TIME_MS).isEqualTo(java.time.Instant.parse("2100-01-01T00:00:00Z").toEpochMilli());
    }
}
