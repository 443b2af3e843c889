package io.ringflow.perf.nexmark;

import io.ringflow.operators.Output;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class NexmarkQueriesTest
{
    private static final int EVENTS = 200_000;

    /** The benchmark's rate (20 s of event time: two Q7 windows) and a slower one (200 s: 20 Q7 windows, 100 Q5 windows). */
    @ParameterizedTest
    @ValueSource(longs = {100, 1_000})
    void shouldGiveTheBaselinesResultsOnGeneratedInput(final long interEventDelayUs)
    {
        final long seconds = EVENTS * interEventDelayUs / 1_000_000;

        final List<String> q0 = sameOnBothEngines(Q0PassThrough::ringflow, Q0PassThrough::handwritten, Collected::events,
            interEventDelayUs, true);
        assertThat(q0).hasSize(EVENTS);

        final List<String> q1 = sameOnBothEngines(Q1CurrencyConversion::ringflow, Q1CurrencyConversion::handwritten,
            Collected::events, interEventDelayUs, true);
        assertThat(q1).hasSize(EVENTS / 50 * 46);

        final List<String> q2 = sameOnBothEngines(Q2Selection::ringflow, Q2Selection::handwritten, Collected::events,
            interEventDelayUs, true);
        assertThat(q2).isNotEmpty().allMatch(bid -> bid.startsWith("Bid("));

        final List<String> q5 = sameOnBothEngines(Q5HotItems::ringflow, Q5HotItems::handwritten, Collected::windows,
            interEventDelayUs, true);
        assertThat(q5).hasSizeBetween((int)(seconds / 2), (int)(seconds / 2 + 6));

        final List<String> q7 = sameOnBothEngines(Q7HighestBid::ringflow, Q7HighestBid::handwritten, Collected::windows,
            interEventDelayUs, true);
        assertThat(q7).hasSizeBetween((int)(seconds / 10), (int)(seconds / 10 + 2));

        // Within a window the engines order Q8's results differently (by key against arrival): compare sorted.
        final List<String> q8 = sameOnBothEngines(Q8NewUsers::ringflow, Q8NewUsers::handwritten, Collected::newUsers,
            interEventDelayUs, false);
        assertThat(q8).hasSizeGreaterThan(EVENTS / 50 / 4);
    }

    @Test
    void shouldConvertPricesInIntegerCents()
    {
        assertThat(Q1CurrencyConversion.toEuroCents(100_000)).isEqualTo(90_800);
        assertThat(Q1CurrencyConversion.toEuroCents(999)).isEqualTo(907);     // 907.092, toward zero
    }

    /**
     * Windows of 10 s sliding by 2 s end at multiples of 2 s and hold [end - 10 s, end). Auction 3 ties
     * auction 1 in the window ending at 102 s and wins on the larger id; a bid at exactly 110 s opens the
     * windows ending 112 s to 120 s, not the one ending at 110 s.
     */
    @Test
    void shouldPinQ5WindowBoundariesOnAHandComputedCase()
    {
        final long[][] bids = {
            // auction, price, time
            {1, 10, 100_500}, {3, 10, 100_700}, {1, 10, 101_000}, {3, 10, 100_800},
            {2, 10, 102_500}, {2, 10, 103_000}, {2, 10, 103_500},
            {1, 10, 110_000},
        };
        final List<String> expected = List.of(
            "WindowMax(end 102000 id 3 value 2) at 101999",
            "WindowMax(end 104000 id 2 value 3) at 103999",
            "WindowMax(end 106000 id 2 value 3) at 105999",
            "WindowMax(end 108000 id 2 value 3) at 107999",
            "WindowMax(end 110000 id 2 value 3) at 109999",
            "WindowMax(end 112000 id 2 value 3) at 111999",
            "WindowMax(end 114000 id 1 value 1) at 113999",
            "WindowMax(end 116000 id 1 value 1) at 115999",
            "WindowMax(end 118000 id 1 value 1) at 117999",
            "WindowMax(end 120000 id 1 value 1) at 119999");
        assertThat(run(Q5HotItems::ringflow, Collected.windows(), bids)).isEqualTo(expected);
        assertThat(run(Q5HotItems::handwritten, Collected.windows(), bids)).isEqualTo(expected);
    }

    /** Tumbling 10 s windows [0, 10 s), [10 s, 20 s): a bid at 9,999 ms is in the first, one at 10,000 in the second. */
    @Test
    void shouldPinQ7WindowBoundariesOnAHandComputedCase()
    {
        final long[][] bids = {
            {1, 500, 1_000}, {2, 700, 9_999}, {3, 900, 10_000}, {5, 300, 12_000}, {4, 900, 11_000}, {6, 100, 25_000},
        };
        final List<String> expected = List.of(
            "WindowMax(end 10000 id 2 value 700) at 9999",
            "WindowMax(end 20000 id 4 value 900) at 19999",     // ties with auction 3: the larger id
            "WindowMax(end 30000 id 6 value 100) at 29999");
        assertThat(run(Q7HighestBid::ringflow, Collected.windows(), bids)).isEqualTo(expected);
        assertThat(run(Q7HighestBid::handwritten, Collected.windows(), bids)).isEqualTo(expected);
    }

    private static <T> List<String> sameOnBothEngines(
        final Function<Output<T>, NexmarkQuery> ringflow, final Function<Output<T>, NexmarkQuery> handwritten,
        final Supplier<Collected<T>> output, final long interEventDelayUs, final boolean inOrder)
    {
        final Collected<T> fromRingflow = output.get();
        final Collected<T> fromHandwritten = output.get();
        runGenerated(ringflow.apply(fromRingflow), interEventDelayUs);
        runGenerated(handwritten.apply(fromHandwritten), interEventDelayUs);
        assertThat(fromRingflow.side).isEmpty();
        if (!inOrder)
        {
            fromRingflow.records.sort(null);
            fromHandwritten.records.sort(null);
        }
        assertThat(fromRingflow.records).isEqualTo(fromHandwritten.records);
        return fromRingflow.records;
    }

    private static void runGenerated(final NexmarkQuery query, final long interEventDelayUs)
    {
        try (query)
        {
            final NexmarkDriver driver = new NexmarkDriver(new NexmarkGenerator(11, interEventDelayUs,
                NexmarkGenerator.DEFAULT_MAX_OUT_OF_ORDER_MS, NexmarkGenerator.DEFAULT_FIRST_EVENT_TIME_MS), query);
            driver.drive(EVENTS);
            driver.finish();
        }
    }

    /**
     * Person 1 registers at 1 s and opens auction 10 at 2 s: a result. Auction 11 (seller 1) at 12 s is in the
     * next window, where person 1 did not register. Person 2 registers at 9,999 ms, the last instant of
     * [0, 10 s); auction 12 at 10,000 ms is in [10 s, 20 s): no result. Person 3 opens two auctions: two results.
     */
    @Test
    void shouldJoinPeopleWithTheirAuctionsInTheSameWindowOnAHandComputedCase()
    {
        final NexmarkEvent[] events = {
            new NexmarkEvent().setPerson(1, 1_000),
            new NexmarkEvent().setAuction(10, 1, 100, 10, 500, 20_000, 2_000),
            new NexmarkEvent().setPerson(2, 9_999),
            new NexmarkEvent().setBid(10, 2, 900, 9_000),
            new NexmarkEvent().setAuction(12, 2, 100, 10, 700, 20_000, 10_000),
            new NexmarkEvent().setAuction(11, 1, 100, 10, 600, 30_000, 12_000),
            new NexmarkEvent().setAuction(13, 3, 100, 10, 800, 30_000, 13_000),
            new NexmarkEvent().setPerson(3, 14_000),
            new NexmarkEvent().setAuction(14, 3, 100, 10, 900, 30_000, 15_000),
        };
        final List<String> expected = List.of(
            "NewUserAuction(person 1 auction 10 reserve 500) at 9999",
            "NewUserAuction(person 3 auction 13 reserve 800) at 19999",
            "NewUserAuction(person 3 auction 14 reserve 900) at 19999");
        assertThat(run(Q8NewUsers::ringflow, Collected.newUsers(), new EventList(events))).isEqualTo(expected);
        assertThat(run(Q8NewUsers::handwritten, Collected.newUsers(), new EventList(events))).isEqualTo(expected);
    }

    private static <T> List<String> run(final Function<Output<T>, NexmarkQuery> engine, final Collected<T> output,
        final long[][] bids)
    {
        final NexmarkEvent[] events = new NexmarkEvent[bids.length];
        for (int i = 0; i < bids.length; i++)
        {
            events[i] = new NexmarkEvent().setBid(bids[i][0], 1, bids[i][1], bids[i][2]);
        }
        return run(engine, output, new EventList(events));
    }

    private static <T> List<String> run(final Function<Output<T>, NexmarkQuery> engine, final Collected<T> output,
        final EventList events)
    {
        try (NexmarkQuery query = engine.apply(output))
        {
            final NexmarkDriver driver = new NexmarkDriver(events, query);
            driver.drive(events.size());
            driver.finish();
        }
        assertThat(output.side).isEmpty();
        return output.records;
    }

    /** Hand-written events, in delivery order. */
    private static final class EventList implements EventSource
    {
        private final NexmarkEvent[] events;
        private int next;

        EventList(final NexmarkEvent... events)
        {
            this.events = events;
        }

        int size()
        {
            return events.length;
        }

        @Override
        public long next(final NexmarkEvent event)
        {
            return event.copyFrom(events[next++]).dateTime();
        }
    }
}
