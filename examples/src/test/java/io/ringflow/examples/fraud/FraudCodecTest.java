package io.ringflow.examples.fraud;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The journal codecs: every field survives, at any offset, in the documented little-endian layout. */
class FraudCodecTest
{
    @Test
    void shouldRoundTripACardEventFieldForFieldIncludingAMalformedOne()
    {
        final CardEventCodec codec = new CardEventCodec();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
        final CardEvent[] events = {
            new CardEvent().set(CardEvent.PAYMENT, 123_456_789_012L, 42, 9_876_543_210L, 276, 199_999, 1_700_000_000_123L),
            new CardEvent().set(CardEvent.PROFILE_UPSERT, Long.MAX_VALUE, Long.MAX_VALUE, 0, 999, 0, Long.MIN_VALUE),
            new CardEvent().set(CardEvent.PROFILE_DELETE, 1, 0, 0, 0, 0, 1),
            // malformed events are journaled as they came: the codec does not validate
            new CardEvent().set((byte)-7, -1, -42, -3, -1, -500, 1_700_000_000L),
        };
        for (final CardEvent event : events)
        {
            for (final int offset : new int[] {0, 3, 64})
            {
                assertThat(codec.encode(event, buffer, offset)).isEqualTo(45).isEqualTo(codec.maxEncodedLength());
                final CardEvent decoded = codec.newInstance();
                codec.decode(buffer, offset, 45, decoded);
                assertThat(decoded.toString()).isEqualTo(event.toString());
                assertThat(decoded.kind()).isEqualTo(event.kind());
                assertThat(decoded.eventId()).isEqualTo(event.eventId());
                assertThat(decoded.cardId()).isEqualTo(event.cardId());
                assertThat(decoded.merchantId()).isEqualTo(event.merchantId());
                assertThat(decoded.country()).isEqualTo(event.country());
                assertThat(decoded.amountCents()).isEqualTo(event.amountCents());
                assertThat(decoded.eventTimeMs()).isEqualTo(event.eventTimeMs());
                assertThat(Validation.check(decoded)).isEqualTo(Validation.check(event));
            }
        }
        // the documented layout: 0 kind, 1 country, 5 id, 13 card, 21 merchant, 29 amount, 37 time
        codec.encode(events[0], buffer, 0);
        assertThat(buffer.getByte(0)).isEqualTo(CardEvent.PAYMENT);
        assertThat(buffer.getInt(1, ByteOrder.LITTLE_ENDIAN)).isEqualTo(276);
        assertThat(buffer.getLong(5, ByteOrder.LITTLE_ENDIAN)).isEqualTo(123_456_789_012L);
        assertThat(buffer.getLong(13, ByteOrder.LITTLE_ENDIAN)).isEqualTo(42);
        assertThat(buffer.getLong(21, ByteOrder.LITTLE_ENDIAN)).isEqualTo(9_876_543_210L);
        assertThat(buffer.getLong(29, ByteOrder.LITTLE_ENDIAN)).isEqualTo(199_999);
        assertThat(buffer.getLong(37, ByteOrder.LITTLE_ENDIAN)).isEqualTo(1_700_000_000_123L);
        assertThat(codec.schemaId()).isEqualTo(CardEventCodec.SCHEMA_ID).isEqualTo(0x43415244);
    }

    @Test
    void shouldRefuseACardEventOfTheWrongLength()
    {
        final CardEventCodec codec = new CardEventCodec();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
        assertThatThrownBy(() -> codec.decode(buffer, 0, 44, new CardEvent()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("45 bytes").hasMessageContaining("44");
        assertThatThrownBy(() -> codec.decode(buffer, 0, 46, new CardEvent())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRoundTripAnAlertOfEveryRule()
    {
        final AlertCodec codec = new AlertCodec();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        for (final Rule rule : Rule.values())
        {
            final Alert alert = new Alert().set(rule, 77 + rule.ordinal(), 1_700_000_059_999L, -5 - rule.ordinal(), Long.MAX_VALUE);
            assertThat(codec.encode(alert, buffer, 7)).isEqualTo(33).isEqualTo(codec.maxEncodedLength());
            assertThat(buffer.getByte(7)).isEqualTo((byte)rule.ordinal());
            final Alert decoded = codec.newInstance();
            codec.decode(buffer, 7, 33, decoded);
            assertThat(decoded.rule()).isEqualTo(rule);
            assertThat(decoded.cardId()).isEqualTo(alert.cardId());
            assertThat(decoded.timestampMs()).isEqualTo(alert.timestampMs());
            assertThat(decoded.value()).isEqualTo(alert.value());
            assertThat(decoded.reference()).isEqualTo(alert.reference());
            assertThat(decoded.toString()).isEqualTo(alert.toString());
        }
        assertThat(new Alert().set(Rule.AMOUNT_SPIKE, 3, 0, 500_000, 40_794).toString())
            .isEqualTo("AMOUNT_SPIKE card 3: 5000.00 against a rolling average of 407.94");
    }

    @Test
    void shouldRefuseAnAlertOfTheWrongLengthOrAnUnknownRule()
    {
        final AlertCodec codec = new AlertCodec();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        codec.encode(new Alert().set(Rule.VELOCITY, 1, 2, 3, 4), buffer, 0);
        assertThatThrownBy(() -> codec.decode(buffer, 0, 32, new Alert()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("33 bytes");
        buffer.putByte(0, (byte)Rule.values().length);
        assertThatThrownBy(() -> codec.decode(buffer, 0, 33, new Alert()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no rule has ordinal 3");
        buffer.putByte(0, (byte)-1);
        assertThatThrownBy(() -> codec.decode(buffer, 0, 33, new Alert())).isInstanceOf(IllegalArgumentException.class);
    }
}
