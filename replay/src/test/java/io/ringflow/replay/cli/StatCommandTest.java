package io.ringflow.replay.cli;

import io.ringflow.operators.time.WatermarkStrategy;
import io.ringflow.pipeline.Pipeline;
import io.ringflow.pipeline.PublishResult;
import io.ringflow.pipeline.Source;
import io.ringflow.pipeline.metrics.CountersFileReader;
import io.ringflow.pipeline.runtime.PipelineRuntime;
import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code stat} against the counters file of a pipeline built with {@code .counters(file)} and stepped by
 * hand, so that every value is known: still open while stat reads it, as a running pipeline would be.
 */
class StatCommandTest
{
    @TempDir
    Path dir;

    private Path file;
    private PipelineRuntime<Order> runtime;

    @BeforeEach
    void runAPipelineWithCounters()
    {
        file = dir.resolve("counters.dat");
        runtime = Pipeline.from(Source.of("orders", Order.TYPE))
            .assignTimestamps("event-time",
                WatermarkStrategy.<Order>forBoundedOutOfOrderness(50).withTimestampAssigner(order -> order.timeMs))
            .map("signed", (order, balance) -> balance.set(order.account, order.amountCents), Balance.TYPE)
            .stage("balances")
            .filter("credits", balance -> balance.balanceCents > 10)
            .to((balance, timestamp) -> { })
            .counters(file)
            .stepped(new CachedEpochClock())
            .build()
            .start();
        final Order order = new Order();
        for (int i = 0; i < 5; i++)
        {
            order.set(i % 2, i * 100, i * 10, Order.Side.BUY);
            assertThat(runtime.ingress().publish((slot, from) -> slot.set(from), order, 1, TimeUnit.SECONDS))
                .isEqualTo(PublishResult.OK);
        }
        runtime.stepUntilIdle();
    }

    @AfterEach
    void closePipeline()
    {
        runtime.close();
    }

    @Test
    void shouldShowEveryStagesCountersOnce()
    {
        // The first stage makes the watermarks it passes on, so its own (input) watermark stays unset: "-".
        // Stages are listed in the order the runtime allocated their counters.
        final CliResult result = CliResult.run("stat", file.toString(), "--count", "1");

        assertThat(result.exitCode).as(result.toString()).isZero();
        assertThat(result.err).isEmpty();
        assertThat(normalised(result.out)).isEqualTo("""
            counters <tmp>/counters.dat  writer pid <pid> (running)  refresh 1 every 1000 ms

            PIPELINE  ACCEPTED  ACCEPTED/S  BACK_PRESSURED  REJECTED_CLOSED
            orders           %d           -               0                0

            STAGE     IN  OUT  IN/S  OUT/S  RING  RING_HWM  BP_WAITS  BP_WAIT_MS  WATERMARK  WM_LAG  LATE  ERRORS  DEAD_LETTERS
            balances   5    3     -      -     0         0         0         0.0        349      51     0       0             0
            orders     5    5     -      -     0         0         0         0.0          -       0     0       0             0
            """.formatted(acceptedCount()));
    }

    @Test
    void shouldComputeRatesFromTheSecondRefreshAndPrintRefreshesAsLinesWhenPiped()
    {
        final CliResult result = CliResult.run("stat", file.toString(), "--count", "2", "--interval", "10");

        assertThat(result.exitCode).isZero();
        final String[] refreshes = normalised(result.out).split("\n\n(?=counters )");
        assertThat(refreshes).hasSize(2);
        assertThat(refreshes[0]).contains("refresh 1 every 10 ms").doesNotContain("\u001b");
        assertThat(refreshes[1]).contains("refresh 2 every 10 ms")
            .containsPattern("\\norders +5 +5 +0 +0 +0 ");
    }

    @Test
    void shouldRedrawInPlaceOnATerminal()
    {
        final StringWriter screen = new StringWriter();
        final int exitCode = new CommandLine(new StatCommand(true)).setOut(new PrintWriter(screen))
            .execute(file.toString(), "--count", "2", "--interval", "1");

        assertThat(exitCode).isZero();
        final String[] refreshes = screen.toString().split("\u001b\\[8A\r\u001b\\[J");
        assertThat(refreshes).hasSize(2);
        assertThat(refreshes[1]).startsWith("counters ").contains("refresh 2 every 1 ms");
    }

    private long acceptedCount()
    {
        // read from the file: the first stage publishes the ingress's count at its housekeeping
        try (CountersFileReader reader = CountersFileReader.open(file))
        {
            return reader.value("orders: records accepted");
        }
    }

    private String normalised(final String text)
    {
        return text.replace(dir.toString(), "<tmp>").replaceAll("writer pid \\d+", "writer pid <pid>");
    }
}
