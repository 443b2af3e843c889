package io.ringflow.pipeline.metrics;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LatencyRecordersTest
{
    @Test
    void shouldTakeRecordedValuesInTheIntervalAndResetIt()
    {
        final LatencyRecorders recorders = new LatencyRecorders(List.of("parse", "window"));
        recorders.recordEndToEnd(1_000);
        recorders.recordEndToEnd(2_000);
        recorders.stage("window").record(500);

        final Histogram first = recorders.endToEnd().intervalHistogram(null);
        assertThat(first.getTotalCount()).isEqualTo(2);
        assertThat(first.getMaxValue()).isBetween(2_000L, 2_002L);
        assertThat(first.getTag()).isEqualTo(LatencyRecorders.END_TO_END);
        assertThat(recorders.stage(1).intervalHistogram(null).getTotalCount()).isEqualTo(1);
        assertThat(recorders.stage(0).intervalHistogram(null).getTotalCount()).isZero();

        recorders.recordEndToEnd(3_000);
        final Histogram second = recorders.endToEnd().intervalHistogram(first);
        assertThat(second.getTotalCount()).as("interval reset").isEqualTo(1);
        assertThat(recorders.endToEnd().intervalHistogram(second).getTotalCount()).isZero();

        final Histogram cumulative = recorders.endToEnd().cumulativeHistogram();
        assertThat(cumulative.getTotalCount()).isEqualTo(3);
        assertThat(cumulative.getMaxValue()).isBetween(3_000L, 3_002L);
    }

    @Test
    void shouldClampAndCountOutOfRangeValuesInsteadOfThrowing()
    {
        final LatencyRecorders recorders = new LatencyRecorders(List.of("s"), 1_000_000);
        final LatencyRecorder stage = recorders.stage("s");
        stage.record(5_000_000);
        stage.record(Long.MAX_VALUE);
        stage.record(-7);
        stage.record(10);

        final Histogram interval = stage.intervalHistogram(null);
        assertThat(stage.clampedCount()).isEqualTo(3);
        assertThat(interval.getTotalCount()).isEqualTo(4);
        assertThat(interval.getCountAtValue(0)).isEqualTo(1);
        assertThat(interval.getCountAtValue(1_000_000)).isEqualTo(2);
        assertThat(recorders.endToEnd().clampedCount()).isZero();
    }

    @Test
    void shouldUseTenSecondsAsTheDefaultHighestTrackableValue()
    {
        final LatencyRecorders recorders = new LatencyRecorders(List.of());
        recorders.recordEndToEnd(9_000_000_000L);
        recorders.recordEndToEnd(11_000_000_000L);
        assertThat(recorders.endToEnd().highestTrackableValueNs()).isEqualTo(10_000_000_000L);
        assertThat(recorders.endToEnd().clampedCount()).isEqualTo(1);
        assertThat(recorders.stageCount()).isZero();
    }

    @Test
    void shouldRejectNamesThatCannotTagALogLine()
    {
        assertThatThrownBy(() -> new LatencyRecorders(List.of("bad name")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'bad name'");
        assertThatThrownBy(() -> new LatencyRecorders(List.of("a,b")))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LatencyRecorders(List.of("a", "a")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> new LatencyRecorders(List.of(LatencyRecorders.END_TO_END)))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LatencyRecorders(List.of("s")).stage("t"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'t'");
    }

    @Test
    void shouldWriteALogThatHdrHistogramReadsBack()
    {
        final LatencyRecorders recorders = new LatencyRecorders(List.of("parse"));
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final long startTimeMs = System.currentTimeMillis();
        try (IntervalLog log = new IntervalLog(bytes, recorders, startTimeMs))
        {
            recorders.recordEndToEnd(1_000);
            recorders.recordEndToEnd(1_000);
            recorders.stage(0).record(100);
            log.logInterval();

            recorders.recordEndToEnd(5_000);
            log.logInterval();
        }

        final String text = new String(bytes.toByteArray(), StandardCharsets.US_ASCII);
        assertThat(text).contains("#[StartTime: ").contains("#[BaseTime: ").contains("\"StartTimestamp\"");

        final List<String> lines = new ArrayList<>();
        final HistogramLogReader reader = new HistogramLogReader(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(reader.getStartTimeSec()).isZero();
        for (EncodableHistogram histogram = reader.nextIntervalHistogram();
            null != histogram;
            histogram = reader.nextIntervalHistogram())
        {
            final Histogram decoded = (Histogram)histogram;
            lines.add(decoded.getTag() + ":" + decoded.getTotalCount() + ":" +
                decoded.highestEquivalentValue(decoded.getMaxValue()));
        }
        reader.close();
        assertThat(reader.getStartTimeSec()).isEqualTo(startTimeMs / 1000.0);

        assertThat(lines).containsExactly(
            "end-to-end:2:" + new Histogram(10_000_000_000L, 3).highestEquivalentValue(1_000),
            "parse:1:100",
            "end-to-end:1:" + new Histogram(10_000_000_000L, 3).highestEquivalentValue(5_000),
            "parse:0:0");
        assertThat(recorders.endToEnd().cumulativeHistogram().getTotalCount()).isEqualTo(3);
    }
}
