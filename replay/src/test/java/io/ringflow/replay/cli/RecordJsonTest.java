package io.ringflow.replay.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RecordJsonTest
{
    @Test
    void shouldRenderFieldsOfEveryKindInDeclarationOrder()
    {
        final Sample sample = new Sample();
        sample.inner = new Sample();
        sample.self = sample;

        assertThat(RecordJson.toJson(sample)).isEqualTo("{\"base\":1,\"flag\":true,\"letter\":\"x\"," +
            "\"ratio\":0.5,\"missing\":\"NaN\",\"text\":\"a \\\"quoted\\\"\\nline\\u0001\",\"side\":\"SELL\"," +
            "\"values\":[1,2],\"names\":[\"a\",null],\"inner\":{\"base\":1,\"flag\":true,\"letter\":\"x\"," +
            "\"ratio\":0.5,\"missing\":\"NaN\",\"text\":\"a \\\"quoted\\\"\\nline\\u0001\",\"side\":\"SELL\"," +
            "\"values\":[1,2],\"names\":[\"a\",null],\"inner\":null,\"self\":null,\"timeout\":\"PT1S\"}," +
            "\"self\":\"<cycle>\",\"timeout\":\"PT1S\"}");
    }

    @Test
    void shouldRenderFieldPairsForTheTable()
    {
        final Order order = new Order().set(7, 100, 250, Order.Side.SELL);

        assertThat(RecordJson.toFieldPairs(order)).isEqualTo("account=7 timeMs=100 amountCents=250 side=\"SELL\"");
        assertThat(RecordJson.toFieldPairs("text")).isEqualTo("\"text\"");
    }

    @SuppressWarnings("unused")
    private static class Base
    {
        private static final int IGNORED = 9;
        long base = 1;
    }

    @SuppressWarnings("unused")
    private static final class Sample extends Base
    {
        boolean flag = true;
        char letter = 'x';
        double ratio = 0.5;
        float missing = Float.NaN;
        String text = "a \"quoted\"\nline\u0001";
        Order.Side side = Order.Side.SELL;
        int[] values = {1, 2};
        String[] names = {"a", null};
        Sample inner;
        Sample self;
        Duration timeout = Duration.ofSeconds(1);
    }
}
