package io.ringflow.perf.peers;

import io.ringflow.perf.nexmark.NexmarkEvent;

/**
 * A Nexmark event as a Flink record: a Flink POJO (public no-argument constructor, public fields), so Flink
 * serialises it with its POJO serializer and never falls back to Kryo (the jobs switch generic types off to
 * make sure). The fields are {@link NexmarkEvent}'s, with {@link #kind} as the {@link NexmarkEvent.Kind}
 * ordinal.
 * <p>
 * Threading: not thread-safe; Flink hands a record to one operator at a time.
 */
public class FlinkEvent implements ResultRecord
{
    private static final int BID = NexmarkEvent.Kind.BID.ordinal();
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
    public FlinkEvent()
    {
    }

    /**
     * @param event the event to copy.
     * @return a new record with its fields.
     */
    public static FlinkEvent of(final NexmarkEvent event)
    {
        final FlinkEvent copy = new FlinkEvent();
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

    /** @return a copy of this record (Flink functions return new records rather than change their input). */
    public FlinkEvent copy()
    {
        final FlinkEvent copy = new FlinkEvent();
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
