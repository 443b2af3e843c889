package io.ringflow.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VelocityDemoTest
{
    @Test
    void shouldRaiseAlertsDropDuplicatesAndRejectVeryLateRecordsInAShortRun()
    {
        final DemoOptions options = DemoOptions.parse(new String[] {"--duration", "3", "--rate", "50000", "--cards", "2000"});
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final DemoSummary summary = VelocityDemo.run(options, new PrintStream(bytes, true, StandardCharsets.UTF_8), false);

        assertThat(summary.records).isBetween(100_000L, 150_000L);
        assertThat(summary.alerts).isPositive();
        assertThat(summary.duplicates).isPositive();
        assertThat(summary.lateRecords).isPositive();
        // the first second is warm-up (duration / 3): its latencies are shown live but left out of the summary
        assertThat(summary.latency.getTotalCount()).isPositive().isLessThan(summary.records);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("== summary ==").contains("records/s");
    }

    @Test
    void shouldGenerateTheSameStreamForTheSameSeed()
    {
        final TransactionGenerator a = new TransactionGenerator(42, 10_000, 6.0);
        final TransactionGenerator b = new TransactionGenerator(42, 10_000, 6.0);
        final CardTransaction x = new CardTransaction();
        final CardTransaction y = new CardTransaction();
        for (int i = 0; i < 10_000; i++)
        {
            a.next(x);
            b.next(y);
            assertThat(x.toString()).isEqualTo(y.toString());
        }
        final TransactionGenerator other = new TransactionGenerator(43, 10_000, 6.0);
        other.next(y);
        a.next(x);
        assertThat(x.toString()).isNotEqualTo(y.toString());
    }

    @Test
    void shouldRejectBadOptionsNamingThem()
    {
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--rate", "0"})).hasMessageContaining("--rate must be > 0");
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--cards", "many"})).hasMessageContaining("--cards needs a whole number");
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--speed", "1"})).hasMessageContaining("unknown option --speed");
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--duration"})).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--duration", "5", "--warmup", "5"}).warmupSeconds())
            .hasMessageContaining("--warmup 5 must be shorter than --duration 5");
    }
}
