package io.ringflow.perf.peers;

import io.ringflow.perf.nexmark.NexmarkEvent;
import io.ringflow.perf.nexmark.Q1CurrencyConversion;
import io.ringflow.perf.nexmark.Q2Selection;

/**
 * A Nexmark event as the peers' record, one object per event as they expect: a Flink POJO (public no-argument
 * constructor, public fields), so Flink serialises it with its POJO serializer and never falls back to Kryo
 * (the jobs switch generic types off to make sure); a Kafka Streams value ({@link KafkaEventSerde}); an Esper
 * event type read through its public fields ({@link EsperEngine}). The fields are {@link NexmarkEvent}'s, with
 * {@link #kind} as the {@link NexmarkEvent.Kind} ordinal. Q1's and Q2's per-record functions are here, written
 * with the Ringflow queries' own constants, so no engine can drift from them.
 * <p>
 * Threading: not thread-safe; each engine hands a record to one operator at a time.
 */
public class PeerEvent implements ResultRecord
{
    /** {@link #kind} of a bid. */
    public static final int BID = NexmarkEvent.Kind.BID.ordinal();
    private static final NexmarkEvent.Kind[] KINDS = NexmarkEvent.Kind.values();

    /** {@link NexmarkEvent.Kind#ordinal()}. */
    public int kind;
    /** The person's or the auction's id; 0 for a bid. */
    public long id;
    /** The auction: the one bid on, or the auction's own id. */
    public long auction;
    /** The bidder (bid) or the seller (auction). */
    public long person;
    /** The bid, or the auction's initial bid, in cents. */
    public long price;
    /** The auction's category. */
    public long category;
    /** The auction's reserve price, cents. */
    public long reserve;
    /** When the auction ends, ms. */
    public long expires;
    /** Event time, ms. */
    public long dateTime;

    /** For Flink's POJO serializer. */
    public PeerEvent()
    {
    }

    /**
     * @param event the event to copy.
     * @return a new record with its fields.
     */
    public static PeerEvent of(final NexmarkEvent event)
    {
        final PeerEvent copy = new PeerEvent();
        copy.kind = event.kind().ordinal();
        copy.id = event.id();
        copy.auction = event.auction();
        copy.person = event.person();
        copy.price = event.price();
        copy.category = event.category();
        copy.reserve = event.reserve();
        copy.expires = event.expires();
        copy.dateTime = event.dateTime();
        return copy;
    }

    /** @return true for a bid. */
    public boolean isBid()
    {
        return kind == BID;
    }

    /**
     * @param bid a bid.
     * @return Q1's result: a copy with the price in euro cents ({@link Q1CurrencyConversion#toEuroCents}).
     */
    public static PeerEvent toEuros(final PeerEvent bid)
    {
        final PeerEvent converted = bid.copy();
        converted.price = Q1CurrencyConversion.toEuroCents(bid.price);
        return converted;
    }

    /**
     * @param event an event.
     * @return true if Q2 selects it: a bid on an auction whose id is a multiple of {@value Q2Selection#AUCTION_MODULUS}.
     */
    public static boolean selects(final PeerEvent event)
    {
        return event.isBid() && event.auction % Q2Selection.AUCTION_MODULUS == 0;
    }

    /** @return a copy of this record (Flink functions return new records rather than change their input). */
    public PeerEvent copy()
    {
        final PeerEvent copy = new PeerEvent();
        copy.kind = kind;
        copy.id = id;
        copy.auction = auction;
        copy.person = person;
        copy.price = price;
        copy.category = category;
        copy.reserve = reserve;
        copy.expires = expires;
        copy.dateTime = dateTime;
        return copy;
    }

    /**
     * @param into overwritten with this record's fields.
     * @return {@code into}, as a {@link NexmarkEvent}.
     */
    public NexmarkEvent toNexmark(final NexmarkEvent into)
    {
        switch (KINDS[kind])
        {
            case PERSON:
                return into.setPerson(id, dateTime);
            case AUCTION:
                return into.setAuction(id, person, price, category, reserve, expires, dateTime);
            default:
                return into.setBid(auction, person, price, dateTime);
        }
    }

    @Override
    public long resultHash()
    {
        return ResultHash.event(kind, id, auction, person, price, dateTime);
    }

    @Override
    public String render()
    {
        return toNexmark(new NexmarkEvent()).toString();
    }

    @Override
    public String toString()
    {
        return render();
    }
}
