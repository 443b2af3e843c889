package io.ringflow.examples.fraud;

import io.ringflow.operators.Sides;
import io.ringflow.operators.table.ChangelogReader;
import io.ringflow.operators.table.TableValueDecoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The card-profile table: how the enrichment join reads the profile changelog (upserts carry the home
 * country; a delete closes the card), how it sees a stored profile (a one-element {@code int[]} view
 * holding the home country), and which side of the union stream a {@link CardEvent} is on.
 * <p>
 * Threading: stateless.
 */
public final class CardProfiles implements ChangelogReader<CardEvent>, TableValueDecoder<int[]>
{
    /** Payments on the left, profile changes on the right. */
    public static final Sides<CardEvent, CardEvent, CardEvent> SIDES = new Sides<>()
    {
        @Override
        public boolean isLeft(final CardEvent union)
        {
            return union.isPayment();
        }

        @Override
        public CardEvent left(final CardEvent union)
        {
            return union;
        }

        @Override
        public CardEvent right(final CardEvent union)
        {
            return union;
        }
    };

    @Override
    public long key(final CardEvent record)
    {
        return record.cardId();
    }

    @Override
    public boolean isDelete(final CardEvent record)
    {
        return CardEvent.PROFILE_DELETE == record.kind();
    }

    @Override
    public int valueBytes()
    {
        return Integer.BYTES;
    }

    @Override
    public void encodeValue(final CardEvent record, final MutableDirectBuffer buffer, final int offset)
    {
        buffer.putInt(offset, record.country());
    }

    @Override
    public int[] newInstance()
    {
        return new int[1];
    }

    @Override
    public void decode(final DirectBuffer buffer, final int offset, final int[] into)
    {
        into[0] = buffer.getInt(offset);
    }
}
