package io.ringflow.examples.fraud;

import io.ringflow.examples.DemoOptions.UsageException;
import io.ringflow.journal.durable.JournalMode;
import io.ringflow.pipeline.WaitStrategy;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FraudOptionsTest
{
    @Test
    void shouldDefaultAsTheUsageSays()
    {
        final FraudOptions options = FraudOptions.parse(new String[0]);
        assertThat(options.durationSeconds).isEqualTo(30);
        assertThat(options.ratePerSecond).isEqualTo(50_000);
        assertThat(options.cards).isEqualTo(10_000);
        assertThat(options.seed).isEqualTo(42);
        assertThat(options.journalDir).isNull();
        assertThat(options.warmupSeconds()).isEqualTo(5);
        assertThat(options.waitStrategy).isEqualTo(WaitStrategy.YIELDING);
        assertThat(options.checkpointEverySeconds).isEqualTo(10);
        assertThat(FraudOptions.usage()).startsWith("usage: ringflow demo fraud").contains("--duration SECONDS (30)")
            .contains("--rate EVENTS_PER_S (50000)").contains("--cards N (10000)").contains("--seed N (42)")
            .contains("--checkpoint-every SECONDS (10)").contains("(yielding").contains("--threads 2|3 (2)");
        assertThat(FraudOptions.parse(new String[0]).threads).isEqualTo(2);
        assertThat(FraudOptions.parse(new String[0]).journalMode).isEqualTo(JournalMode.DURABLE);
        assertThat(FraudOptions.parse(new String[] {"--duration", "6"}).warmupSeconds()).isEqualTo(2);
    }

    @Test
    void shouldParseEveryOption()
    {
        final FraudOptions options = FraudOptions.parse(new String[] {"--duration", "12", "--rate", "1_000", "--cards", "100",
            "--seed", "-7", "--journal-dir", "/tmp/x", "--warmup", "0", "--wait", "busy-spin",
            "--checkpoint-every", "3", "--threads", "3", "--journal-mode", "fast"});
        assertThat(options.durationSeconds).isEqualTo(12);
        assertThat(options.ratePerSecond).isEqualTo(1_000);
        assertThat(options.cards).isEqualTo(100);
        assertThat(options.seed).isEqualTo(-7);
        assertThat(options.journalDir).isEqualTo(Path.of("/tmp/x"));
        assertThat(options.warmupSeconds()).isZero();
        assertThat(options.waitStrategy).isEqualTo(WaitStrategy.BUSY_SPIN);
        assertThat(options.checkpointEverySeconds).isEqualTo(3);
        assertThat(options.threads).isEqualTo(3);
        assertThat(options.journalMode).isEqualTo(JournalMode.FAST);
    }

    @Test
    void shouldRejectBadOptionsNamingThem()
    {
        assertUsage("option --rate must be > 0, was 0", "--rate", "0");
        assertUsage("option --checkpoint-every must be > 0, was 0", "--checkpoint-every", "0");
        assertUsage("option --duration must be > 0, was -1", "--duration", "-1");
        assertUsage("option --cards must be >= 100 and <= 10000000, was 99", "--cards", "99");
        assertUsage("option --cards must be >= 100 and <= 10000000, was 3000000000", "--cards", "3000000000");
        assertUsage("option --cards needs a whole number, was 'many'", "--cards", "many");
        assertUsage("option --seed needs a whole number, was '1.5'", "--seed", "1.5");
        assertUsage("option --warmup must be shorter than --duration 30, was 30", "--warmup", "30");
        assertUsage("option --warmup must be >= 0, was -1", "--warmup", "-1");
        assertUsage("option --warmup must be shorter than --duration 5, was 5", "--duration", "5", "--warmup", "5");
        assertUsage("option --warmup must be shorter than --duration 5, was 10", "--warmup", "10", "--duration", "5");
        assertUsage("option --wait must be one of busy-spin, yielding, sleeping, blocking; was nap", "--wait", "nap");
        assertUsage("option --threads must be 2 (generator; feeder running the detector) or 3 (generator; feeder; " +
            "detector), was 4", "--threads", "4");
        assertUsage("option --journal-mode must be durable or fast, was quick", "--journal-mode", "quick");
        assertUsage("unknown option --speed", "--speed", "1");
        assertUsage("option --seed needs a value", "--seed");
        assertThatThrownBy(() -> FraudOptions.parse(new String[] {"--help"}))
            .isInstanceOf(UsageException.class).hasMessage(FraudOptions.usage());
        assertThatThrownBy(() -> FraudOptions.parse(new String[] {"-h"})).hasMessageStartingWith("usage: ringflow demo fraud");
    }

    private static void assertUsage(final String message, final String... args)
    {
        assertThatThrownBy(() -> FraudOptions.parse(args)).isInstanceOf(UsageException.class).hasMessageContaining(message);
    }
}
