package io.ringflow.perf.nexmark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NexmarkGeneratorTest
{
    private static final int EVENTS = 200_000;

    @Test
    void shouldGenerateTheSameEventsFromTheSameSeed()
    {
        final NexmarkGenerator first = NexmarkGenerator.standard(7);
        final NexmarkGenerator second = NexmarkGenerator.standard(7);
        final NexmarkGenerator other = NexmarkGenerator.standard(8);
        final NexmarkEvent a = new NexmarkEvent();
        final NexmarkEvent b = new NexmarkEvent();
        final NexmarkEvent c = new NexmarkEvent();
        int differentFromOtherSeed = 0;
        for (int i = 0; i < EVENTS; i++)
        {
            assertThat(first.next(a)).isEqualTo(second.next(b));
            assertThat(a.toString()).isEqualTo(b.toString());
            other.next(c);
            differentFromOtherSeed += a.toString().equals(c.toString()) ? 0 : 1;
        }
        assertThat(differentFromOtherSeed).isGreaterThan(EVENTS / 2);
    }

    @Test
    void shouldKeepNexmarkProportionsAndSkew()
    {
        final NexmarkGenerator generator = NexmarkGenerator.standard(1);
        final NexmarkEvent event = new NexmarkEvent();
        long people = 0;
        long auctions = 0;
        long bids = 0;
        long hotAuctionBids = 0;
        long hotBidderBids = 0;
        long newestAuction = 0;
        long newestPerson = 0;
        long maxPrice = 0;
        for (int i = 0; i < EVENTS; i++)
        {
            generator.next(event);
            switch (event.kind())
            {
                case PERSON -> { people++; newestPerson = event.id(); }
                case AUCTION -> { auctions++; newestAuction = event.id(); assertThat(event.reserve()).isGreaterThan(event.price()); }
                case BID ->
                {
                    bids++;
                    assertThat(event.auction()).isBetween(NexmarkGenerator.FIRST_AUCTION_ID, newestAuction);
                    assertThat(event.person()).isBetween(NexmarkGenerator.FIRST_PERSON_ID, newestPerson);
                    hotAuctionBids += event.auction() == hot(newestAuction, NexmarkGenerator.FIRST_AUCTION_ID) ? 1 : 0;
                    hotBidderBids += event.person() == hot(newestPerson, NexmarkGenerator.FIRST_PERSON_ID) ? 1 : 0;
                    maxPrice = Math.max(maxPrice, event.price());
                }
            }
        }
        assertThat(people).isEqualTo(EVENTS / 50);
        assertThat(auctions).isEqualTo(3L * EVENTS / 50);
        assertThat(bids).isEqualTo(46L * EVENTS / 50);
        // Hot auction ratio 2: half the bids, plus the few uniform picks that land on it.
        assertThat((double)hotAuctionBids / bids).isBetween(0.48, 0.56);
        // Hot bidder ratio 4: three quarters, plus a few uniform picks.
        assertThat((double)hotBidderBids / bids).isBetween(0.73, 0.80);
        assertThat(maxPrice).isBetween(10_000_000L, 100_000_000L);
    }

    @Test
    void shouldStayWithinFourSecondsOutOfOrderAndUseAllOfIt()
    {
        final NexmarkGenerator generator = NexmarkGenerator.standard(3);
        final NexmarkEvent event = new NexmarkEvent();
        long maxSeen = Long.MIN_VALUE;
        long worstLag = 0;
        for (int i = 0; i < EVENTS; i++)
        {
            final long time = generator.next(event);
            assertThat(time).isEqualTo(event.dateTime());
            maxSeen = Math.max(maxSeen, time);
            worstLag = Math.max(worstLag, maxSeen - time);
        }
        assertThat(worstLag).isBetween(3_900L, NexmarkGenerator.DEFAULT_MAX_OUT_OF_ORDER_MS);
        // 10,000 events per second of event time.
        assertThat(maxSeen - NexmarkGenerator.DEFAULT_FIRST_EVENT_TIME_MS).isBetween(EVENTS / 10 - 4_000L, EVENTS / 10L);
    }

    @Test
    void shouldReplayTheGeneratorThenMoveIdsAndTimeOnEachCycle()
    {
        final int cycle = 5_000;
        final NexmarkStream stream = new NexmarkStream(NexmarkGenerator.standard(5), cycle);
        final NexmarkGenerator generator = NexmarkGenerator.standard(5);
        final NexmarkEvent replayed = new NexmarkEvent();
        final NexmarkEvent generated = new NexmarkEvent();
        final String[] firstCycle = new String[cycle];
        for (int i = 0; i < cycle; i++)
        {
            assertThat(stream.next(replayed)).isEqualTo(generator.next(generated));
            assertThat(replayed.toString()).isEqualTo(generated.toString());
            firstCycle[i] = replayed.toString();
        }
        final NexmarkEvent shifted = new NexmarkEvent();
        long maxSeen = Long.MIN_VALUE;
        for (int i = 0; i < cycle; i++)
        {
            final long time = stream.next(replayed);
            maxSeen = Math.max(maxSeen, time);
            assertThat(maxSeen - time).isLessThanOrEqualTo(NexmarkGenerator.DEFAULT_MAX_OUT_OF_ORDER_MS);
            // cycle = 500 ms of event time, 100 people, 300 auctions.
            assertThat(unshift(replayed, shifted, cycle).toString()).isEqualTo(firstCycle[i]);
        }
    }

    private static NexmarkEvent unshift(final NexmarkEvent event, final NexmarkEvent into, final int cycle)
    {
        final long people = cycle / 50;
        final long auctions = 3L * people;
        final long span = cycle / 10;
        return switch (event.kind())
        {
            case PERSON -> into.setPerson(event.id() - people, event.dateTime() - span);
            case AUCTION -> into.setAuction(event.id() - auctions, event.person() - people, event.price(), event.category(),
                event.reserve(), event.expires() - span, event.dateTime() - span);
            case BID -> into.setBid(event.auction() - auctions, event.person() - people, event.price(), event.dateTime() - span);
        };
    }

    private static long hot(final long newestId, final long firstId)
    {
        return firstId + (newestId - firstId) / 100 * 100;
    }
}
