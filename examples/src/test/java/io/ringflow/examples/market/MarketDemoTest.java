package io.ringflow.examples.market;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarketDemoTest
{
    @Test
    void shouldBuildBarsAndCountFlagsAndAlertsInAShortRun()
    {
        final MarketOptions options = MarketOptions.parse(new String[] {"--duration", "2", "--rate", "50000"});
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final MarketSummary summary = MarketDemo.run(options, new PrintStream(bytes, true, StandardCharsets.UTF_8), false);

        assertThat(summary.records).isPositive().isLessThanOrEqualTo(100_000L);
        // 2,000 instruments, nearly all trading within each second of event time (2 s at 10 µs an event)
        assertThat(summary.bars).isGreaterThan(1_000);
        assertThat(summary.barTrades).isBetween(summary.records / 5, summary.records / 3);
        assertThat(summary.spreadFlags).isPositive();
        assertThat(summary.outsideSpread).isPositive().isLessThanOrEqualTo(summary.spreadFlags);
        assertThat(summary.wideSpread).isPositive().isLessThanOrEqualTo(summary.spreadFlags);
        assertThat(summary.outsideSpread + summary.wideSpread).as("a flag has one reason or both").isGreaterThanOrEqualTo(summary.spreadFlags);
        assertThat(summary.moves).isPositive();
        assertThat(summary.lateRecords).isZero();
        assertThat(summary.latency.getTotalCount()).isPositive();
        final String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("== summary ==").contains("records/s").contains("bars").contains("move alerts");
    }

    @Test
    void shouldRejectBadOptionsNamingThem()
    {
        final MarketOptions defaults = MarketOptions.parse(new String[0]);
        assertThat(defaults.durationSeconds).isEqualTo(20);
        assertThat(defaults.ratePerSecond).isEqualTo(100_000);
        assertThat(defaults.instruments).isEqualTo(2_000);
        assertThat(MarketOptions.parse(new String[] {"--instruments", "5_000", "--wait", "yielding"}).instruments).isEqualTo(5_000);

        assertThatThrownBy(() -> MarketOptions.parse(new String[] {"--rate", "0"})).hasMessageContaining("--rate must be > 0");
        assertThatThrownBy(() -> MarketOptions.parse(new String[] {"--instruments", "many"}))
            .hasMessageContaining("--instruments needs a whole number, was 'many'");
        assertThatThrownBy(() -> MarketOptions.parse(new String[] {"--instruments", "2000000"}))
            .hasMessageContaining("--instruments must be <= 1000000, was 2000000");
        assertThatThrownBy(() -> MarketOptions.parse(new String[] {"--duration", "-1"})).hasMessageContaining("--duration must be > 0");
        assertThatThrownBy(() -> MarketOptions.parse(new String[] {"--wait", "nap"})).hasMessageContaining("--wait must be one of");
        assertThatThrownBy(() -> MarketOptions.parse(new String[] {"--speed", "1"})).hasMessageContaining("unknown option --speed");
        assertThatThrownBy(() -> MarketOptions.parse(new String[] {"--seed"})).hasMessageContaining("option --seed needs a value");
        assertThatThrownBy(() -> MarketOptions.parse(new String[] {"--help"})).hasMessageStartingWith("usage: ringflow demo market");
    }
}
