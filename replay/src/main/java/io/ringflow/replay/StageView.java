package io.ringflow.replay;

/**
 * One stage where a replay stopped.
 *
 * @param stage     the stage's name.
 * @param watermark       its current input watermark.
 * @param outputWatermark the last watermark it emitted (its own, where it assigns timestamps).
 * @param recordsIn       records it has taken since the start of the replay, restored checkpoint included.
 */
public record StageView(String stage, long watermark, long outputWatermark, long recordsIn)
{
}
