package io.ringflow.perf.nexmark;

/**
 * One Nexmark event, mutable and reused: a source overwrites it for every record, as a ring slot would be.
 * Primitives only, so filling and reading it allocates nothing. Which fields mean something depends on
 * {@link #kind()}:
 * <pre>
 *   kind     id           auction   person (seller/bidder)  price            category  reserve  expires
 *   PERSON   person id    -         -                       -                -         -        -
 *   AUCTION  auction id   = id      seller                  initial bid      10..14    yes      yes
 *   BID      -            auction   bidder                  bid (cents)      -         -        -
 * </pre>
 * Unused fields are 0. {@link #dateTime()} is the event time in milliseconds for every kind.
 * <p>
 * The setters are named {@code setX} rather than overloading the getters, so that method references such as
 * {@code NexmarkEvent::auction} stay unambiguous as key selectors.
 * <p>
 * Threading: not thread-safe; one thread fills and reads an instance.
 */
public final class NexmarkEvent
{
    /** What an event is. */
    public enum Kind
    {
        /** A new person (a potential seller or bidder). */
        PERSON,
        /** A new auction. */
        AUCTION,
        /** A bid on an auction. */
        BID
    }

    private Kind kind = Kind.PERSON;
    private long id;
    private long auction;
    private long person;
    private long price;
    private long category;
    private long reserve;
    private long expires;
    private long dateTime;

    /**
     * @param id       the person's id.
     * @param dateTime event time, ms.
     * @return this, as a person.
     */
    public NexmarkEvent setPerson(final long id, final long dateTime)
    {
        set(Kind.PERSON, id, 0, 0, 0, dateTime);
        category = 0;
        reserve = 0;
        expires = 0;
        return this;
    }

    /**
     * @param id         the auction's id.
     * @param seller     the selling person's id.
     * @param initialBid starting price, cents.
     * @param category   the item's category.
     * @param reserve    reserve price, cents.
     * @param expires    when the auction ends, ms.
     * @param dateTime   event time, ms.
     * @return this, as an auction.
     */
    public NexmarkEvent setAuction(final long id, final long seller, final long initialBid, final long category,
        final long reserve, final long expires, final long dateTime)
    {
        set(Kind.AUCTION, id, id, seller, initialBid, dateTime);
        this.category = category;
        this.reserve = reserve;
        this.expires = expires;
        return this;
    }

    /**
     * @param auction  the auction bid on.
     * @param bidder   the bidding person's id.
     * @param price    the bid, cents.
     * @param dateTime event time, ms.
     * @return this, as a bid.
     */
    public NexmarkEvent setBid(final long auction, final long bidder, final long price, final long dateTime)
    {
        set(Kind.BID, 0, auction, bidder, price, dateTime);
        category = 0;
        reserve = 0;
        expires = 0;
        return this;
    }

    /**
     * Overwrite every field with {@code other}'s.
     *
     * @param other the event to copy.
     * @return this.
     */
    public NexmarkEvent copyFrom(final NexmarkEvent other)
    {
        set(other.kind, other.id, other.auction, other.person, other.price, other.dateTime);
        category = other.category;
        reserve = other.reserve;
        expires = other.expires;
        return this;
    }

    /**
     * @param price the new price, cents.
     * @return this.
     */
    public NexmarkEvent setPrice(final long price)
    {
        this.price = price;
        return this;
    }

    private void set(final Kind kind, final long id, final long auction, final long person, final long price,
        final long dateTime)
    {
        this.kind = kind;
        this.id = id;
        this.auction = auction;
        this.person = person;
        this.price = price;
        this.dateTime = dateTime;
    }

    /** @return what this event is. */
    public Kind kind()
    {
        return kind;
    }

    /** @return true for a bid. */
    public boolean isBid()
    {
        return kind == Kind.BID;
    }

    /** @return the person's or the auction's id; 0 for a bid. */
    public long id()
    {
        return id;
    }

    /** @return the auction: the one bid on, or the auction's own id. */
    public long auction()
    {
        return auction;
    }

    /** @return the bidder (bid) or the seller (auction). */
    public long person()
    {
        return person;
    }

    /** @return the bid, or the auction's initial bid, in cents. */
    public long price()
    {
        return price;
    }

    /** @return the auction's category. */
    public long category()
    {
        return category;
    }

    /** @return the auction's reserve price, cents. */
    public long reserve()
    {
        return reserve;
    }

    /** @return when the auction ends, ms. */
    public long expires()
    {
        return expires;
    }

    /** @return event time, ms. */
    public long dateTime()
    {
        return dateTime;
    }

    @Override
    public String toString()
    {
        switch (kind)
        {
            case PERSON:
                return "Person(" + id + " @" + dateTime + ")";
            case AUCTION:
                return "Auction(" + id + " seller " + person + " initial " + price + " category " + category +
                    " reserve " + reserve + " expires " + expires + " @" + dateTime + ")";
            default:
                return "Bid(auction " + auction + " bidder " + person + " price " + price + " @" + dateTime + ")";
        }
    }
}
