package io.ringflow.pipeline.runtime;

import io.ringflow.pipeline.metrics.StageCounters;

/**
 * A stage's figures at one moment. Exact once the pipeline is drained; while it runs, read from
 * another thread, each figure is recent but the set is not one consistent cut.
 *
 * @param stage             stage name, with {@code [partition]} for a parallel stage.
 * @param recordsIn         records taken from the input ring.
 * @param recordsOut        records emitted on the main output.
 * @param deadLetters       records a user function threw on.
 * @param lateRecords       late records seen on side outputs (routed or not).
 * @param unroutedSide      side-output records whose tag had no sink.
 * @param backPressureWaits times a publish found the next ring full.
 * @param backPressureNs    nanoseconds spent waiting for space.
 * @param watermark         the stage's current input watermark.
 * @param watermarkLag      highest record timestamp seen minus the watermark, 0 before both exist.
 * @param ringOccupancy     events waiting in the input ring.
 * @param finished          end-of-stream passed through the stage.
 * @param outputWatermark   the last watermark the stage emitted: differs from {@code watermark} where its
 *                          operators assign timestamps (a first stage has no input watermark).
 */
public record StageStats(
    String stage,
    long recordsIn,
    long recordsOut,
    long deadLetters,
    long lateRecords,
    long unroutedSide,
    long backPressureWaits,
    long backPressureNs,
    long watermark,
    long watermarkLag,
    long ringOccupancy,
    boolean finished,
    long outputWatermark)
{
    static StageStats of(final Stage<?, ?> stage)
    {
        final StageOutput<?> output = stage.output();
        final long watermark = stage.currentWatermark();
        final long lag = StageCounters.watermarkLag(stage.highestTimestamp(), watermark);
        return new StageStats(
            stage.name,
            stage.recordsIn(),
            output.recordsOut(),
            stage.deadLetterCount(),
            output.sideOutputs().late(),
            output.sideOutputs().unrouted(),
            output.backPressureWaits(),
            output.backPressureNs(),
            watermark,
            lag,
            stage.occupancy(),
            stage.isFinished(),
            output.outputWatermark());
    }
}
