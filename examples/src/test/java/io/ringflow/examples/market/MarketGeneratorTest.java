package io.ringflow.examples.market;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarketGeneratorTest
{
    @Test
    void shouldGenerateTheSameStreamForTheSameSeed()
    {
        final MarketGenerator a = new MarketGenerator(42, 2_000);
        final MarketGenerator b = new MarketGenerator(42, 2_000);
        final MarketEvent x = new MarketEvent();
        final MarketEvent y = new MarketEvent();
        for (int i = 0; i < 10_000; i++)
        {
            a.next(x);
            b.next(y);
            assertThat(x.toString()).isEqualTo(y.toString());
        }
        final MarketGenerator other = new MarketGenerator(43, 2_000);
        other.next(y);
        a.next(x);
        assertThat(x.toString()).isNotEqualTo(y.toString());
    }

    @Test
    void shouldQuoteBeforeTradingSkewActivityAndStayWithinTheOutOfOrdernessBound()
    {
        final int instruments = 2_000;
        final MarketGenerator generator = new MarketGenerator(42, instruments);
        final MarketEvent event = new MarketEvent();
        final boolean[] quoted = new boolean[instruments];
        final long[] events = new long[instruments];
        long trades = 0;
        long outside = 0;
        long wide = 0;
        long maxTime = Long.MIN_VALUE;
        final long[] bid = new long[instruments];
        final long[] ask = new long[instruments];
        final int total = 1_000_000;
        for (int i = 0; i < total; i++)
        {
            generator.next(event);
            final int instrument = (int)event.instrument();
            events[instrument]++;
            assertThat(event.timeUs()).isBetween(generator.eventClockUs() - MarketGenerator.MAX_JITTER_US, generator.eventClockUs());
            // never late under the pipeline's watermark: maxTimestampSeen - bound - 1
            if (i > 0)
            {
                assertThat(event.timeUs()).isGreaterThan(maxTime - MarketPipeline.MAX_OUT_OF_ORDER_US - 1);
            }
            maxTime = Math.max(maxTime, event.timeUs());
            if (event.isTrade())
            {
                trades++;
                assertThat(quoted[instrument]).as("quoted before its first trade").isTrue();
                assertThat(event.priceTicks()).isPositive();
                assertThat(event.quantity()).isBetween(100L, 1_000L);
                if (event.priceTicks() < bid[instrument] || event.priceTicks() > ask[instrument])
                {
                    outside++;
                }
            }
            else
            {
                quoted[instrument] = true;
                bid[instrument] = event.bidTicks();
                ask[instrument] = event.askTicks();
                assertThat(event.bidTicks()).isPositive().isLessThan(event.askTicks());
                if ((event.askTicks() - event.bidTicks()) * 20_000 > MarketRules.DEFAULT_WIDE_SPREAD_BP * (event.bidTicks() + event.askTicks()))
                {
                    wide++;
                }
            }
        }
        assertThat(generator.generated()).isEqualTo(total);
        assertThat(trades).isBetween(total / 5L, total / 4L);
        // instrument 0 gets about 1 / sqrt(2,000) = 2.2% of the events; the quietest still a few
        assertThat(events[0]).isBetween(total / 50L, total / 40L);
        assertThat(events[instruments - 1]).isPositive().isLessThan(events[0] / 50);
        assertThat(outside).isBetween(trades / 2_000, trades / 500);
        assertThat(wide).isBetween(total / 1_000L, total / 200L);
    }

    @Test
    void shouldRefuseNoInstruments()
    {
        assertThatThrownBy(() -> new MarketGenerator(1, 0)).hasMessageContaining("instruments must be >= 1");
    }
}
