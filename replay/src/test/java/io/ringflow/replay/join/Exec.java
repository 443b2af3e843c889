package io.ringflow.replay.join;

import io.ringflow.operators.Sides;
import io.ringflow.operators.record.RecordCodec;
import io.ringflow.pipeline.RecordType;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/** An order (left) or a fill (right) of one account: the union record of the join tests. */
public final class Exec
{
    static final RecordType<Exec> TYPE = RecordType.of("Exec", Exec::new, (from, to) -> to.set(from));
    static final Codec CODEC = new Codec();
    static final Sides<Exec, Exec, Exec> SIDES = new Sides<>()
    {
        @Override
        public boolean isLeft(final Exec union)
        {
            return union.order;
        }

        @Override
        public Exec left(final Exec union)
        {
            return union;
        }

        @Override
        public Exec right(final Exec union)
        {
            return union;
        }
    };

    boolean order;
    long account;
    long timeMs;
    long quantity;

    Exec set(final boolean order, final long account, final long timeMs, final long quantity)
    {
        this.order = order;
        this.account = account;
        this.timeMs = timeMs;
        this.quantity = quantity;
        return this;
    }

    Exec set(final Exec other)
    {
        return set(other.order, other.account, other.timeMs, other.quantity);
    }

    long account()
    {
        return account;
    }

    long timeMs()
    {
        return timeMs;
    }

    /** Side flag, account, time, quantity; little-endian. */
    static final class Codec implements RecordCodec<Exec>
    {
        private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

        @Override
        public int schemaId()
        {
            return 0x4558;
        }

        @Override
        public int schemaVersion()
        {
            return 1;
        }

        @Override
        public int maxEncodedLength()
        {
            return 25;
        }

        @Override
        public Exec newInstance()
        {
            return new Exec();
        }

        @Override
        public int encode(final Exec exec, final MutableDirectBuffer buffer, final int offset)
        {
            buffer.putByte(offset, (byte)(exec.order ? 1 : 0));
            buffer.putLong(offset + 1, exec.account, ORDER);
            buffer.putLong(offset + 9, exec.timeMs, ORDER);
            buffer.putLong(offset + 17, exec.quantity, ORDER);
            return 25;
        }

        @Override
        public void decode(final DirectBuffer buffer, final int offset, final int length, final Exec into)
        {
            into.set(buffer.getByte(offset) == 1, buffer.getLong(offset + 1, ORDER), buffer.getLong(offset + 9, ORDER),
                buffer.getLong(offset + 17, ORDER));
        }
    }
}
