package io.ringflow.examples.fraud;

import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongHashSet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The seeded stream: reproducible, resumable, and with roughly the documented mix of awkward events. */
class FraudGeneratorTest
{
    @Test
    void shouldGenerateTheSameStreamForTheSameSeedAndAnotherForAnother()
    {
        final FraudGenerator a = new FraudGenerator(42, 1_000);
        final FraudGenerator b = new FraudGenerator(42, 1_000);
        final CardEvent x = new CardEvent();
        final CardEvent y = new CardEvent();
        for (int i = 0; i < 60_000; i++)
        {
            a.next(x);
            b.next(y);
            assertThat(x.toString()).as("event %d", i).isEqualTo(y.toString());
        }
        assertThat(a.malformed()).isEqualTo(b.malformed());
        assertThat(a.scenarioCards()).isEqualTo(b.scenarioCards());

        final List<String> first = firstEvents(new FraudGenerator(42, 1_000), 2_000);
        final List<String> other = firstEvents(new FraudGenerator(43, 1_000), 2_000);
        assertThat(other).isNotEqualTo(first);
        int same = 0;
        for (int i = 0; i < first.size(); i++)
        {
            same += first.get(i).equals(other.get(i)) ? 1 : 0;
        }
        assertThat(same).as("another seed gives another stream, not a near copy").isLessThan(100);
    }

    @Test
    void shouldContinueAfterSkipExactlyAsAFreshGeneratorDoes()
    {
        for (final long n : new long[] {0, 1, 999, 1_000, 12_345, 40_000})
        {
            final FraudGenerator fresh = new FraudGenerator(7, 1_000);
            final CardEvent expected = new CardEvent();
            for (long i = 0; i <= n; i++)
            {
                fresh.next(expected);
            }
            final FraudGenerator resumed = new FraudGenerator(7, 1_000);
            final CardEvent actual = new CardEvent();
            resumed.skip(n, actual);
            assertThat(resumed.generated()).isEqualTo(n);
            resumed.next(actual);
            assertThat(actual.toString()).as("event %d", n + 1).isEqualTo(expected.toString());
            assertThat(resumed.malformed()).isEqualTo(fresh.malformed());
            assertThat(resumed.eventClockMs()).isEqualTo(fresh.eventClockMs());
        }
    }

    @Test
    void shouldStartWithOneProfilePerCardThenAdvanceEventTimeOneMinutePerCardsEvents()
    {
        final FraudGenerator generator = new FraudGenerator(3, 500);
        final CardEvent event = new CardEvent();
        int homeInFirst = 0;
        for (int card = 0; card < 500; card++)
        {
            generator.next(event);
            assertThat(event.kind()).isEqualTo(CardEvent.PROFILE_UPSERT);
            assertThat(event.cardId()).isEqualTo(card);
            assertThat(Validation.check(event)).isNull();
            homeInFirst += 276 == event.country() ? 1 : 0;
        }
        // 40% drawn to the first country, and a tenth of the other 60%: 46% expected
        assertThat(homeInFirst).isBetween(175, 285);
        generator.skip(500, event);
        // 1,000 events of 60,000 / 500 = 120 ms each
        assertThat(generator.eventClockMs()).isEqualTo(FraudGenerator.START_TIME_MS + 120_000);
        assertThatThrownBy(() -> new FraudGenerator(1, 99)).hasMessageContaining("cards must be >= 100, was 99");
    }

    @Test
    void shouldInjectRoughlyTheDocumentedShareOfMalformedEventsDuplicatesAndFraud()
    {
        final int cards = 1_000;
        final int total = 200_000;
        final FraudGenerator generator = new FraudGenerator(42, cards);
        final CardEvent event = new CardEvent();
        final Long2ObjectHashMap<String> firstPayment = new Long2ObjectHashMap<>();
        final LongHashSet ids = new LongHashSet();
        long invalid = 0;
        long duplicates = 0;
        long payments = 0;
        long changes = 0;
        long closures = 0;
        long veryLate = 0;
        for (int i = 0; i < total; i++)
        {
            generator.next(event);
            final Malformed fault = Validation.check(event);
            if (null != fault)
            {
                invalid++;
                continue;
            }
            if (event.isPayment())
            {
                final String text = event.toString();
                final String before = firstPayment.putIfAbsent(event.eventId(), text);
                if (null != before)
                {
                    duplicates++;
                    assertThat(text).as("a retry is the payment re-sent as it was").isEqualTo(before);
                    continue;
                }
                payments++;
                veryLate += event.eventTimeMs() < generator.eventClockMs() - 30_000 ? 1 : 0;
            }
            else if (i >= cards)
            {
                changes += CardEvent.PROFILE_UPSERT == event.kind() ? 1 : 0;
                closures += CardEvent.PROFILE_DELETE == event.kind() ? 1 : 0;
            }
            assertThat(ids.add(event.eventId())).as("ids are unique but for retries: %s", event).isTrue();
        }
        final long afterBootstrap = total - cards;
        assertThat(generator.malformed()).as("every injected fault is caught by validation").isEqualTo(invalid);
        // 0.02% malformed: about 40
        assertThat(invalid).isBetween(afterBootstrap / 10_000, afterBootstrap * 4 / 10_000);
        // 1% retries: about 2,000
        assertThat(duplicates).isBetween(afterBootstrap / 200, afterBootstrap * 3 / 200);
        // 0.5% profile changes: about 1,000; 0.01% closures: about 20
        assertThat(changes).isBetween(afterBootstrap / 400, afterBootstrap * 3 / 400);
        assertThat(closures).isBetween(afterBootstrap / 50_000, afterBootstrap * 3 / 10_000);
        // 0.1% of payments very late (30 to 90 s)
        assertThat(veryLate).isBetween(payments / 2_000, payments * 2 / 1_000);
        // a compromised card every 20,000 events (the counter includes the bootstrap), each of 21 payments
        assertThat(generator.scenarioCards().size()).isEqualTo(total / FraudGenerator.SCENARIO_EVERY);
        assertThat(generator.completedScenarioCards().size()).isBetween(total / FraudGenerator.SCENARIO_EVERY - 1,
            total / FraudGenerator.SCENARIO_EVERY);
    }

    @Test
    void shouldPlayEachCompromisedCardAsHomeThenTwentyAbroadWithOneSpike()
    {
        final FraudGenerator generator = new FraudGenerator(11, 1_000);
        final CardEvent event = new CardEvent();
        final List<CardEvent> played = new ArrayList<>();
        while (generator.completedScenarioCards().isEmpty())
        {
            generator.next(event);
            // a scenario payment is stamped with the event clock itself; the card's ordinary payments, which may
            // interleave, up to 300 ms before it
            if (!generator.scenarioCards().isEmpty() && event.isPayment() && Validation.check(event) == null &&
                event.cardId() == generator.scenarioCards().getLong(0) && event.eventTimeMs() == generator.eventClockMs())
            {
                played.add(new CardEvent().copyFrom(event));
            }
        }
        assertThat(generator.completedScenarioCards().getLong(0)).isEqualTo(generator.scenarioCards().getLong(0));
        final List<CardEvent> steps = played;
        assertThat(steps).hasSize(FraudGenerator.SCENARIO_PAYMENTS + 1);
        final int home = steps.get(0).country();
        for (int i = 1; i < steps.size(); i++)
        {
            assertThat(steps.get(i).country()).isNotEqualTo(home).isEqualTo(steps.get(1).country());
            assertThat(steps.get(i).eventTimeMs() - steps.get(i - 1).eventTimeMs()).isEqualTo(3_000);
            if (FraudGenerator.SPIKE_AT == i)
            {
                assertThat(steps.get(i).amountCents()).isBetween(500_000L, 899_999L);
            }
            else
            {
                assertThat(steps.get(i).amountCents()).isBetween(2_000L, 19_999L);
            }
        }
    }

    private static List<String> firstEvents(final FraudGenerator generator, final int count)
    {
        final List<String> events = new ArrayList<>();
        final CardEvent event = new CardEvent();
        for (int i = 0; i < count; i++)
        {
            generator.next(event);
            events.add(event.toString());
        }
        return events;
    }
}
