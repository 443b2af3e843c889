package io.ringflow.examples.fraud;

import io.ringflow.examples.DemoOptions.UsageException;
import io.ringflow.journal.IngestClock;
import io.ringflow.journal.InputJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Short durable runs of the demo into a temporary journal directory. */
class FraudDemoTest
{
    private static final int CARDS = 1_000;

    @ParameterizedTest(name = "--threads {0} --journal-mode {1}")
    @CsvSource({"2, durable", "3, durable", "2, fast"})
    void shouldCatchTheInjectedFraudDeadLetterEveryMalformedEventAndRefuseToAppendToACompleteJournal(
        final int threads, final String journalMode, @TempDir final Path dir) throws Exception
    {
        final FraudOptions options = options(dir, 42, "--threads", String.valueOf(threads), "--journal-mode", journalMode);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final FraudRun run = FraudDemo.run(options, new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        final String printed = bytes.toString(StandardCharsets.UTF_8);

        assertThat(run.failed()).as(printed).isFalse();
        // a scenario starts every 20,000 events and plays out over the next ~1,000 (60 s of event time): 50,000
        // offered give two; a slow machine may journal fewer, but at least one plays out. The producer sends at
        // intended times 0, 40 µs, ... and may send the one due exactly at the end as well.
        assertThat(run.sent()).as("the producer kept up well enough for a scenario").isBetween(21_500L, 50_001L);
        assertThat(run.generator().generated()).isEqualTo(run.sent());
        final long scenarios = run.generator().completedScenarioCards().size();
        assertThat(scenarios).isBetween(1L, 2L);
        assertThat(run.tally().scenarios).isEqualTo(scenarios);
        assertThat(run.tally().scenariosCaught).isEqualTo(scenarios);
        for (final Rule rule : Rule.values())
        {
            assertThat(run.tally().scenariosCaughtByRule.get(rule)).as("caught by %s", rule).isEqualTo(scenarios);
            assertThat(run.tally().alertsByRule.get(rule)).as("alerts of %s", rule).isPositive();
        }
        assertThat(run.tally().alerts).isPositive().isEqualTo(run.counters().alerts());
        assertThat(run.generator().malformed()).isPositive();
        assertThat(run.counters().deadLetters()).isEqualTo(run.generator().malformed());
        assertThat(run.counters().duplicates()).isPositive();
        assertThat(run.recovery()).isNotNull();
        assertThat(JournalTally.of(dir.resolve("input"))).isEqualTo(new JournalTally(run.sent(), true));
        assertThat(Files.readString(dir.resolve(StreamSettings.FILE))).isEqualTo("seed=42\ncards=1000\n");
        assertThat(printed).contains("== summary ==")
            .containsPattern("dead letters +" + String.format("%,d", run.generator().malformed()) + " \\(" +
                String.format("%,d", run.generator().malformed()) + " malformed events injected\\)")
            .contains("fraud caught  " + scenarios + " of " + scenarios + " compromised cards");

        assertThatThrownBy(() -> FraudDemo.run(options, new PrintStream(new ByteArrayOutputStream(), true,
            StandardCharsets.UTF_8), false))
            .isInstanceOf(UsageException.class)
            .hasMessageContaining("is complete (it ends with end-of-stream after " + run.sent() + " events)");
    }

    @Test
    void shouldResumeAJournalThatEndedWithoutEndOfStreamWhereItStopped(@TempDir final Path dir) throws Exception
    {
        final long before = 5_000;
        final FraudGenerator earlier = new FraudGenerator(9, CARDS);
        final CardEvent event = new CardEvent();
        final CardEventCodec codec = new CardEventCodec();
        final IngestClock clock = new IngestClock();
        try (InputJournal journal = new InputJournal(dir.resolve("input")))
        {
            for (long i = 0; i < before; i++)
            {
                earlier.next(event);
                journal.append(codec, event, event.eventTimeMs(), clock.epochNanos());
            }
        }
        assertThat(JournalTally.of(dir.resolve("input"))).isEqualTo(new JournalTally(before, false));

        StreamSettings.check(dir, options(dir, 9));   // a new directory: records the settings
        StreamSettings.check(dir, options(dir, 9));   // the same settings again: accepted
        assertThatThrownBy(() -> StreamSettings.check(dir, options(dir, 10)))
            .isInstanceOf(UsageException.class).hasMessageContaining("seed=9 cards=1000").hasMessageContaining("seed=10 cards=1000");

        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final FraudRun run = FraudDemo.run(options(dir, 9), new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        final String printed = bytes.toString(StandardCharsets.UTF_8);

        assertThat(run.failed()).as(printed).isFalse();
        assertThat(printed).contains("resuming after 5,000 journaled events");
        assertThat(run.generator().generated()).isEqualTo(before + run.sent());
        assertThat(JournalTally.of(dir.resolve("input"))).isEqualTo(new JournalTally(before + run.sent(), true));
        // no checkpoint was taken before: the whole journal is replayed, and its dead letters all counted
        assertThat(run.counters().deadLetters()).isEqualTo(run.generator().malformed()).isPositive();
        assertThat(run.tally().alerts).isPositive().isEqualTo(run.counters().alerts());
    }

    private static FraudOptions options(final Path dir, final long seed, final String... more)
    {
        final List<String> args = new ArrayList<>(List.of("--duration", "2", "--rate", "25000", "--cards",
            String.valueOf(CARDS), "--seed", String.valueOf(seed), "--journal-dir", dir.toString()));
        args.addAll(List.of(more));
        return FraudOptions.parse(args.toArray(String[]::new));
    }
}
