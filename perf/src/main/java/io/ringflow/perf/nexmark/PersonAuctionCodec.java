package io.ringflow.perf.nexmark;

import io.ringflow.operators.record.RecordCodec;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * How Q8's window join buffers its two sides off-heap: a person as (id, dateTime), an auction as (id, seller,
 * reserve, dateTime) — only what the join reads, so a buffered person takes 16 bytes and an auction 32.
 * <pre>
 *   person:  0 id | 8 dateTime
 *   auction: 0 id | 8 seller | 16 reserve | 24 dateTime
 * </pre>
 * Threading: stateless.
 */
final class PersonAuctionCodec implements RecordCodec<NexmarkEvent>
{
    /** Persons (Q8's left side). */
    static final PersonAuctionCodec PERSONS = new PersonAuctionCodec(false);
    /** Auctions (Q8's right side). */
    static final PersonAuctionCodec AUCTIONS = new PersonAuctionCodec(true);

    private static final int SCHEMA_ID_PERSON = 0x4E58_0001;    // "NX" 1
    private static final int SCHEMA_ID_AUCTION = 0x4E58_0002;

    private final boolean auctions;

    private PersonAuctionCodec(final boolean auctions)
    {
        this.auctions = auctions;
    }

    @Override
    public int schemaId()
    {
        return auctions ? SCHEMA_ID_AUCTION : SCHEMA_ID_PERSON;
    }

    @Override
    public int schemaVersion()
    {
        return 1;
    }

    @Override
    public int maxEncodedLength()
    {
        return auctions ? 4 * Long.BYTES : 2 * Long.BYTES;
    }

    @Override
    public NexmarkEvent newInstance()
    {
        return new NexmarkEvent();
    }

    @Override
    public int encode(final NexmarkEvent record, final MutableDirectBuffer buffer, final int offset)
    {
        if (!auctions)
        {
            buffer.putLong(offset, record.id());
            buffer.putLong(offset + 8, record.dateTime());
            return 2 * Long.BYTES;
        }
        buffer.putLong(offset, record.id());
        buffer.putLong(offset + 8, record.person());
        buffer.putLong(offset + 16, record.reserve());
        buffer.putLong(offset + 24, record.dateTime());
        return 4 * Long.BYTES;
    }

    @Override
    public void decode(final DirectBuffer buffer, final int offset, final int length, final NexmarkEvent into)
    {
        if (length != maxEncodedLength())
        {
            throw new IllegalArgumentException((auctions ? "auction" : "person") + " record must be " +
                maxEncodedLength() + " bytes, was " + length);
        }
        if (!auctions)
        {
            into.setPerson(buffer.getLong(offset), buffer.getLong(offset + 8));
            return;
        }
        // Only what Q8 reads survives the buffer: initial bid, category and expiry come back as 0.
        into.setAuction(buffer.getLong(offset), buffer.getLong(offset + 8), 0, 0, buffer.getLong(offset + 16), 0,
            buffer.getLong(offset + 24));
    }
}
