package io.ringflow.operators.window;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WindowResultCodecTest
{
    private final WindowResultCodec codec = new WindowResultCodec(2);
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);

    @Test
    void shouldRoundTripEveryFieldAndBothSlotKindsExactly()
    {
        final WindowResult result = new WindowResult(2).set(-7, 1_000, 2_000, FiringKind.LATE);
        result.setLong(0, Long.MIN_VALUE);
        result.setDouble(1, -0.0);

        final int length = codec.encode(result, buffer, 5);
        final WindowResult decoded = codec.newInstance();
        codec.decode(buffer, 5, length, decoded);

        assertThat(decoded).isEqualTo(result);
        assertThat(Double.doubleToRawLongBits(decoded.doubleValue(1))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(length).isEqualTo(codec.maxEncodedLength());
    }

    @Test
    void shouldRejectAnotherSlotCountAndAnUnknownKind()
    {
        assertThatThrownBy(() -> codec.encode(new WindowResult(3), buffer, 0)).hasMessageContaining("3 slots");
        assertThatThrownBy(() -> codec.decode(buffer, 0, 10, codec.newInstance())).hasMessageContaining("takes 41 bytes");
        codec.encode(new WindowResult(2), buffer, 0);
        buffer.putByte(24, (byte)9);
        assertThatThrownBy(() -> codec.decode(buffer, 0, 41, codec.newInstance())).hasMessageContaining("unknown firing kind 9");
    }
}
