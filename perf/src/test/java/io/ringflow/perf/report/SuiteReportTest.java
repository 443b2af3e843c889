package io.ringflow.perf.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The report is computed from raw result files, as the suite leaves them: ratios are medians of per-round
 * ratios, latency leaves the warm-up out, peers whose results disagree are void, and what did not run says so.
 */
class SuiteReportTest
{
    @TempDir
    Path results;

    @BeforeEach
    void rawDirectories() throws IOException
    {
        Files.createDirectories(results.resolve("raw/jmh"));
        Files.createDirectories(results.resolve("raw/latency"));
    }

    @Test
    void ratioIsTheMedianOfPerRoundRatiosNotTheRatioOfMedians() throws IOException
    {
        // rounds: Ringflow 10, 20, 90 and hand-written 20, 10, 100 -> per-round ratios 0.5, 2, 0.9 -> median 0.9;
        // the ratio of medians would be 20 / 20 = 1
        writeJmhRound(1, nexmark("Q1", "ringflow", 10, 0.01), nexmark("Q1", "handwritten", 20, 0.02));
        writeJmhRound(2, nexmark("Q1", "ringflow", 20, 0.01), nexmark("Q1", "handwritten", 10, 0.02));
        writeJmhRound(3, nexmark("Q1", "ringflow", 90, 0.01), nexmark("Q1", "handwritten", 100, 0.02));

        SuiteReport.write(results);

        final JsonNode q1 = measure("nexmark-single-thread", "Q1 events/s", "ringflow");
        assertThat(q1.get("value").asDouble()).isEqualTo(20);
        assertThat(q1.get("otherValue").asDouble()).isEqualTo(20);
        assertThat(q1.get("ratio").asDouble()).isEqualTo(0.9);
        assertThat(target("Q1 within 1.5× of the hand-written loop").get("met").asBoolean()).isTrue();
        assertThat(report()).contains("| query | ringflow events/s | handwritten events/s | ringflow / handwritten | " +
            "ringflow B/event | handwritten B/event |")
            .contains("| Q1 | 20.0 | 20.0 | 0.900× | 0.0100 | 0.0200 |");
    }

    @Test
    void latencyLeavesTheWarmUpOutAndComparesWithTheDisruptorAtTheSameRate() throws IOException
    {
        writeLatency(1, "ringflow", 1_000_000, 2_000, 50_000_000);
        writeLatency(1, "disruptor", 1_000_000, 1_000, 50_000_000);

        SuiteReport.write(results);

        final JsonNode max = measure("latency", "max at 1000000/s", "ringflow");
        assertThat(max.get("value").asDouble()).isBetween(1.99, 2.01);   // not the 50 ms warm-up outlier
        final JsonNode p99 = measure("latency", "p99 at 1000000/s", "ringflow");
        assertThat(p99.get("other").asText()).isEqualTo("disruptor");
        assertThat(p99.get("ratio").asDouble()).isBetween(1.99, 2.01);
        final BufferedImage chart = ImageIO.read(results.resolve("latency-1000000.png").toFile());
        assertThat(chart.getWidth()).isEqualTo(ChartCanvas.WIDTH);
        assertThat(chart.getHeight()).isEqualTo(ChartCanvas.HEIGHT);
    }

    @Test
    void aQuerySubjectIsComparedWithTheDisruptorRunningTheSameQuery() throws IOException
    {
        writeLatency(1, "ringflow-q1", 1_000_000, 3_000, 1_000);
        writeLatency(1, "disruptor-q1", 1_000_000, 1_000, 1_000);
        writeLatency(1, "disruptor", 1_000_000, 100_000, 1_000);

        SuiteReport.write(results);

        final JsonNode p99 = measure("latency", "p99 at 1000000/s", "ringflow-q1");
        assertThat(p99.get("other").asText()).isEqualTo("disruptor-q1");
        assertThat(p99.get("ratio").asDouble()).isBetween(2.99, 3.01);
        assertThat(target("Q1 p99 ≤ 10 µs at 1M records/s, one busy-spinning stage").get("met").asBoolean()).isTrue();
    }

    @Test
    void peersAreComparedRoundByRoundAndVoidWhenTheirResultsDiffer() throws IOException
    {
        Files.writeString(results.resolve("raw/peers.json"), """
            {"queries": [
              {"query": "Q5", "fingerprintsAgree": true, "engines": {
                "ringflow": {"eventsPerCpuSecond": [1000, 3000]},
                "flink": {"eventsPerCpuSecond": [100, 200]}}},
              {"query": "Q7", "fingerprintsAgree": false, "engines": {
                "ringflow": {"eventsPerCpuSecond": [1000, 3000]},
                "flink": {"eventsPerCpuSecond": [100, 200]}}}]}
            """);

        SuiteReport.write(results);

        final JsonNode q5 = measure("nexmark-peers", "Q5 events/CPU-s", "ringflow", "flink");
        assertThat(q5.get("ratio").asDouble()).isEqualTo(12.5);   // median of 10 and 15
        assertThat(target("Q5 ≥ 10× Flink per CPU-second").get("met").asBoolean()).isTrue();
        assertThat(target("Q7 ≥ 10× Flink per CPU-second").get("met").asText()).isEqualTo("not measured");
        assertThat(report()).contains("Q7: the engines' results differ, so its figures are void");
        assertThat(Files.exists(results.resolve("nexmark-peers.png"))).isTrue();
    }

    @Test
    void sectionsThatDidNotRunSaySo() throws IOException
    {
        SuiteReport.write(results);

        assertThat(report()).contains("## Peer engines: events per CPU-second\n\nNot run in this suite run.")
            .contains("| Q1 p99 ≤ 10 µs at 1M records/s, one busy-spinning stage | | not measured in this run |");
    }

    @Test
    void aFileThatIsNotJmhOutputIsNamed() throws IOException
    {
        Files.writeString(results.resolve("raw/jmh/round-1.json"), "{\"not\": \"an array\"}");

        assertThatThrownBy(() -> SuiteReport.write(results))
            .hasMessageContaining("round-1.json")
            .hasMessageContaining("not a JMH JSON result file");
    }

    private String report() throws IOException
    {
        return Files.readString(results.resolve("report.md"));
    }

    private JsonNode measure(final String group, final String name, final String engine, final String... other)
        throws IOException
    {
        for (final JsonNode node : new ObjectMapper().readTree(results.resolve("summary.json").toFile()).get("measures"))
        {
            if (node.get("group").asText().equals(group) && node.get("name").asText().equals(name) &&
                node.get("engine").asText().equals(engine) &&
                (other.length == 0 || other[0].equals(node.path("other").asText())))
            {
                return node;
            }
        }
        throw new AssertionError("no measure " + group + " / " + name + " / " + engine);
    }

    private JsonNode target(final String description) throws IOException
    {
        for (final JsonNode node : new ObjectMapper().readTree(results.resolve("summary.json").toFile()).get("targets"))
        {
            if (node.get("target").asText().equals(description))
            {
                return node;
            }
        }
        throw new AssertionError("no target " + description);
    }

    private static String nexmark(final String query, final String engine, final double score, final double bytes)
    {
        return """
            {"benchmark": "io.ringflow.perf.nexmark.NexmarkBenchmark.run", "mode": "thrpt",
             "params": {"query": "%s", "engine": "%s"},
             "primaryMetric": {"score": %s, "scoreUnit": "ops/s"},
             "secondaryMetrics": {"gc.alloc.rate.norm": {"score": %s, "scoreUnit": "B/op"}}}
            """.formatted(query, engine, score, bytes);
    }

    private void writeJmhRound(final int round, final String... runs) throws IOException
    {
        Files.writeString(results.resolve("raw/jmh/round-" + round + ".json"), "[" + String.join(",", runs) + "]");
    }

    /** A warm-up interval with one huge outlier, then measurement intervals of values up to {@code maxNs}. */
    private void writeLatency(final int round, final String subject, final long rate, final long maxNs, final long warmUpNs)
        throws IOException
    {
        final Path directory = Files.createDirectories(results.resolve("raw/latency/round-" + round));
        final HistogramLogWriter writer = new HistogramLogWriter(directory.resolve(subject + "-" + rate + ".hlog").toFile());
        writer.outputLogFormatVersion();
        writer.outputStartTime(0);
        final Histogram warmUp = new Histogram(3);
        warmUp.recordValue(warmUpNs);
        warmUp.setTag("warmup");
        writer.outputIntervalHistogram(0, 1, warmUp);
        for (int interval = 0; interval < 2; interval++)
        {
            final Histogram histogram = new Histogram(3);
            for (long value = maxNs / 100; value <= maxNs; value += maxNs / 100)
            {
                histogram.recordValue(value);
            }
            writer.outputIntervalHistogram(1 + interval, 2 + interval, histogram);
        }
        writer.close();
    }
}
