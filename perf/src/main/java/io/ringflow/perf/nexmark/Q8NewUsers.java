package io.ringflow.perf.nexmark;

import io.ringflow.operators.OneInputOperator;
import io.ringflow.operators.OperatorChain;
import io.ringflow.operators.Output;
import io.ringflow.operators.Sides;
import io.ringflow.operators.Timestamps;
import io.ringflow.operators.TwoInputAdapter;
import io.ringflow.operators.join.WindowJoinOperator;
import io.ringflow.operators.stateless.FilterOperator;
import io.ringflow.operators.window.Windows;

import java.util.Arrays;

/**
 * Nexmark Q8, monitor new users: the people who opened an auction in the same tumbling {@value #SIZE_MS} ms
 * window in which they registered, a window join of persons ({@code id}) with auctions ({@code seller}). One
 * {@link NewUserAuction} per such auction (as Beam's Q8), at time {@code windowEnd - 1}.
 * <pre>
 *   ringflow:    events ──► OperatorChain[ FilterOperator (persons and auctions)
 *                    ──► TwoInputAdapter (persons left, auctions right) ──► WindowJoinOperator (tumbling 10 s) ] ──► output
 *   handwritten: events ──► window's person-id set / auction arrays ──► watermark past the end? each auction whose
 *                    seller is in the set
 * </pre>
 * Within a window the two engines emit the same results in a different order: Ringflow by key, the baseline
 * in auction arrival order.
 * <p>
 * Threading: as {@link NexmarkQuery}.
 */
public final class Q8NewUsers
{
    /** Window size, ms. */
    public static final long SIZE_MS = 10_000;
    /** A 4 s bound keeps at most two 10 s windows open; four leave room, and a clash is detected. */
    static final int RING = 4;
    /** Presizing: 2,000 people and 6,000 auctions per 10 s window at 10,000 events/s, with room. */
    static final int EXPECTED_PER_WINDOW = 8_192;

    private static final Sides<NexmarkEvent, NexmarkEvent, NexmarkEvent> PERSONS_LEFT = new Sides<>()
    {
        @Override
        public boolean isLeft(final NexmarkEvent union)
        {
            return union.kind() == NexmarkEvent.Kind.PERSON;
        }

        @Override
        public NexmarkEvent left(final NexmarkEvent union)
        {
            return union;
        }

        @Override
        public NexmarkEvent right(final NexmarkEvent union)
        {
            return union;
        }
    };

    private Q8NewUsers()
    {
    }

    /**
     * @param output receives one result per auction opened by a person new in its window.
     * @return the query on Ringflow's operators.
     */
    public static NexmarkQuery ringflow(final Output<NewUserAuction> output)
    {
        return new OperatorQuery<>(chain(), output);
    }

    /**
     * @return the query's fused operator chain, not opened: what a pipeline stage runs (one per stage).
     */
    public static OneInputOperator<NexmarkEvent, NewUserAuction> chain()
    {
        final WindowJoinOperator<NexmarkEvent, NexmarkEvent, NewUserAuction> join =
            WindowJoinOperator.<NexmarkEvent, NexmarkEvent>keyed("q8-new-users", NexmarkEvent::id, NexmarkEvent::person)
                .window(Windows.tumbling(SIZE_MS))
                .expectedKeys(EXPECTED_PER_WINDOW)
                .join(PersonAuctionCodec.PERSONS, PersonAuctionCodec.AUCTIONS, NewUserAuction::new,
                    (person, auction, into) -> into.set(person.id(), auction.id(), auction.reserve()));
        return OperatorChain.first(new FilterOperator<NexmarkEvent>("q8-people-auctions", event -> !event.isBid()))
            .then(new TwoInputAdapter<>(PERSONS_LEFT, join));
    }

    /**
     * @param output receives one result per auction opened by a person new in its window.
     * @return the hand-written baseline.
     */
    public static NexmarkQuery handwritten(final Output<NewUserAuction> output)
    {
        return new Handwritten(output);
    }

    /** One open window of the baseline: who registered in it, and the auctions opened in it. */
    private static final class Window
    {
        final LongCountMap people = new LongCountMap(EXPECTED_PER_WINDOW);
        long end;
        long[] sellers = new long[EXPECTED_PER_WINDOW];
        long[] auctions = new long[EXPECTED_PER_WINDOW];
        long[] reserves = new long[EXPECTED_PER_WINDOW];
        int auctionCount;

        boolean isEmpty()
        {
            return people.size() == 0 && auctionCount == 0;
        }

        void addAuction(final NexmarkEvent auction)
        {
            if (auctionCount == sellers.length)
            {
                sellers = Arrays.copyOf(sellers, auctionCount * 2);
                auctions = Arrays.copyOf(auctions, auctionCount * 2);
                reserves = Arrays.copyOf(reserves, auctionCount * 2);
            }
            sellers[auctionCount] = auction.person();
            auctions[auctionCount] = auction.id();
            reserves[auctionCount] = auction.reserve();
            auctionCount++;
        }

        void clear()
        {
            people.clear();
            auctionCount = 0;
        }
    }

    private static final class Handwritten implements NexmarkQuery
    {
        private final Output<NewUserAuction> output;
        private final NewUserAuction result = new NewUserAuction();
        private final WindowEnds ends = new WindowEnds(SIZE_MS, RING);
        private final Window[] windows = new Window[RING];
        private long watermark = Timestamps.MIN_WATERMARK;

        Handwritten(final Output<NewUserAuction> output)
        {
            this.output = output;
            for (int i = 0; i < RING; i++)
            {
                windows[i] = new Window();
            }
        }

        @Override
        public void processEvent(final NexmarkEvent event, final long timestamp)
        {
            if (event.isBid())
            {
                return;
            }
            final long end = timestamp - Math.floorMod(timestamp, SIZE_MS) + SIZE_MS;
            if (end - 1 <= watermark)
            {
                return;     // late: Ringflow rejects it to a side output; the workload has none
            }
            final Window window = windows[ends.slot(end)];
            if (window.isEmpty())
            {
                window.end = end;
                ends.opened(end);
            }
            else if (window.end != end)
            {
                throw new IllegalStateException("windows ending at " + window.end + " and " + end +
                    " share a ring slot: input further out of order than the ring allows");
            }
            if (event.kind() == NexmarkEvent.Kind.PERSON)
            {
                window.people.increment(event.id());
            }
            else
            {
                window.addAuction(event);
            }
        }

        @Override
        public void processWatermark(final long watermark)
        {
            this.watermark = watermark;
            while (ends.hasDue(watermark))
            {
                final long end = ends.takeDue();
                final Window window = windows[ends.slot(end)];
                for (int i = 0; i < window.auctionCount; i++)
                {
                    if (window.people.contains(window.sellers[i]))
                    {
                        output.emit(result.set(window.sellers[i], window.auctions[i], window.reserves[i]), end - 1);
                    }
                }
                window.clear();
            }
            output.emitWatermark(watermark);
        }

        @Override
        public void close()
        {
        }
    }
}
