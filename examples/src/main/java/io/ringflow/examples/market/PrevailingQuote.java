package io.ringflow.examples.market;

import io.ringflow.operators.table.ChangelogReader;
import io.ringflow.operators.table.MissPolicy;
import io.ringflow.operators.table.TableJoinOperator;
import io.ringflow.operators.table.TableValueDecoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Joins each trade (left) with its instrument's latest quote (right): quotes upsert a 16-byte
 * {@code {bid, ask}} value per instrument in the join's off-heap table, and a trade reads it at once.
 * <p>
 * <b>Why a {@code LATEST} join and not a temporal one.</b> A spread monitor asks "was this trade inside the
 * market the venue showed when it printed?". A venue sequences the quotes and trades of an instrument on one
 * feed, so the quote in force for a trade is the last one published before it: the union ring's order, the
 * one the ingress (and a journal) fixes, which a replay repeats exactly. A temporal join would instead pick
 * the quote as of the trade's event time, which differs only where event time and feed order disagree (the
 * generator's jitter of at most a millisecond), and would hold every trade off-heap until the watermark
 * passed it: every flag, bar input and move alert would wait the out-of-orderness bound for no gain in
 * meaning. Switch with {@code .temporal(maxVersions, 0).streamCodec(codec)} where quotes come from another
 * clock than the trades.
 * <p>
 * A trade whose instrument has no quote yet is emitted unquoted ({@link MissPolicy#EMIT_WITH_DEFAULTS} with
 * no default: the join function gets {@code null}), so it still counts in its bar.
 * <p>
 * Threading: the operator it builds runs on one stage thread; nothing is allocated per record.
 */
public final class PrevailingQuote
{
    /** Bytes of a stored quote: bid then ask. */
    static final int VALUE_BYTES = 2 * Long.BYTES;

    /** Quotes are the changelog: one upsert per quote, never a delete. */
    static final ChangelogReader<MarketEvent> QUOTES = new ChangelogReader<>()
    {
        @Override
        public long key(final MarketEvent quote)
        {
            return quote.instrument;
        }

        @Override
        public boolean isDelete(final MarketEvent quote)
        {
            return false;
        }

        @Override
        public int valueBytes()
        {
            return VALUE_BYTES;
        }

        @Override
        public void encodeValue(final MarketEvent quote, final MutableDirectBuffer buffer, final int offset)
        {
            buffer.putLong(offset, quote.bidTicks);
            buffer.putLong(offset + Long.BYTES, quote.askTicks);
        }
    };

    private PrevailingQuote()
    {
    }

    /**
     * @param name        operator name.
     * @param instruments instruments expected, to presize the table.
     * @return a new join operator, not yet opened.
     */
    public static TableJoinOperator<MarketEvent, MarketEvent, QuotedTrade> operator(final String name, final int instruments)
    {
        return TableJoinOperator.builder(name, MarketEvent::instrument, QUOTES)
            .latest()
            .missPolicy(MissPolicy.EMIT_WITH_DEFAULTS)
            .expectedKeys(instruments)
            .build(new QuoteView(), PrevailingQuote::join, QuotedTrade::new);
    }

    private static QuotedTrade join(final MarketEvent trade, final QuoteView quote, final QuotedTrade out)
    {
        return null == quote ? out.set(trade, false, 0, 0) : out.set(trade, true, quote.bidTicks(), quote.askTicks());
    }

    /** A flyweight over a stored quote: reads the two longs in place, copies nothing. */
    static final class QuoteView implements TableValueDecoder<QuoteView>
    {
        private DirectBuffer buffer;
        private int offset;

        long bidTicks()
        {
            return buffer.getLong(offset);
        }

        long askTicks()
        {
            return buffer.getLong(offset + Long.BYTES);
        }

        @Override
        public QuoteView newInstance()
        {
            return new QuoteView();
        }

        @Override
        public void decode(final DirectBuffer buffer, final int offset, final QuoteView into)
        {
            into.buffer = buffer;
            into.offset = offset;
        }

        @Override
        public String toString()
        {
            return null == buffer ? "quote{}" : "quote{bid=" + bidTicks() + ", ask=" + askTicks() + '}';
        }
    }
}
