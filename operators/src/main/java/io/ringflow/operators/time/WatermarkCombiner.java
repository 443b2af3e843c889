package io.ringflow.operators.time;

import io.ringflow.operators.Timestamps;
import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;

import java.util.Arrays;
import java.util.Objects;

/**
 * The watermark of something fed by several inputs (a multi-input stage, a merge of key partitions,
 * the two sides of a join): the minimum over the inputs that are active, never going backwards.
 * <ul>
 * <li>An input declared idle ({@link #markIdle}) is left out of the minimum, so it cannot hold the
 * others back. It becomes active again on its next watermark, or on {@link #markActive} when a record
 * arrives from it.</li>
 * <li>An input back from idleness whose watermark is below the combined one is left out of the
 * minimum until it catches up (Flink's "aligned" inputs): it neither pulls the combined watermark
 * back nor stalls it. Its records in between are late, as they would be in Flink.</li>
 * <li>When the last active input goes idle, no input will advance any more, so the combined watermark
 * moves up to the highest watermark any input reached — Flink's {@code StatusWatermarkValve}. The
 * result depends only on the inputs' watermarks, not on the order they went idle; {@link #allIdle()}
 * then tells the caller to declare its own output idle.</li>
 * </ul>
 * Every method returns or exposes the combined watermark; the caller emits it when it is above what
 * it last emitted. Threading: single-threaded, called on the consuming operator's thread; allocates
 * nothing after construction.
 */
public final class WatermarkCombiner
{
    private final long[] watermarks;
    private final boolean[] idle;
    // an active input counts in the minimum only once its watermark is at or above the combined one
    private final boolean[] aligned;
    private int idleInputs;
    private long combinedWatermark = Timestamps.MIN_WATERMARK;

    /**
     * @param inputCount number of inputs, {@code >= 1}; all start active at
     *                   {@link Timestamps#MIN_WATERMARK}.
     */
    public WatermarkCombiner(final int inputCount)
    {
        if (inputCount < 1)
        {
            throw new IllegalArgumentException("inputCount must be >= 1, was " + inputCount);
        }
        watermarks = new long[inputCount];
        idle = new boolean[inputCount];
        aligned = new boolean[inputCount];
        Arrays.fill(watermarks, Timestamps.MIN_WATERMARK);
        Arrays.fill(aligned, true);
    }

    /**
     * An input's watermark advanced; it makes the input active. A value below the input's previous
     * watermark is ignored.
     *
     * @param input     which input, {@code [0, inputCount)}.
     * @param watermark its new watermark.
     * @return the combined watermark.
     */
    public long onWatermark(final int input, final long watermark)
    {
        Objects.checkIndex(input, watermarks.length);
        markActive(input);
        if (watermark > watermarks[input])
        {
            watermarks[input] = watermark;
            if (!aligned[input] && watermark >= combinedWatermark)
            {
                aligned[input] = true;
            }
            advance();
        }
        return combinedWatermark;
    }

    /**
     * The input went idle: it no longer holds the combined watermark back, which may advance it.
     *
     * @param input which input.
     * @return the combined watermark.
     */
    public long markIdle(final int input)
    {
        Objects.checkIndex(input, watermarks.length);
        if (!idle[input])
        {
            idle[input] = true;
            aligned[input] = false;
            idleInputs++;
            if (allIdle() && watermarks[input] == combinedWatermark)
            {
                // As Flink's StatusWatermarkValve: no input will advance any more, so flush to the highest
                // watermark any input reached. Depends only on the inputs' watermarks, not on idling order.
                flushToMaximum();
            }
            else
            {
                advance();
            }
        }
        return combinedWatermark;
    }

    /**
     * A record arrived from the input: it is active again. This never advances the combined watermark
     * (one more input can only lower a minimum), so nothing is returned.
     *
     * @param input which input.
     */
    public void markActive(final int input)
    {
        Objects.checkIndex(input, watermarks.length);
        if (idle[input])
        {
            idle[input] = false;
            idleInputs--;
            aligned[input] = watermarks[input] >= combinedWatermark;
        }
    }

    private void flushToMaximum()
    {
        for (final long watermark : watermarks)
        {
            combinedWatermark = Math.max(combinedWatermark, watermark);
        }
    }

    private void advance()
    {
        long minimum = Long.MAX_VALUE;
        boolean any = false;
        for (int i = 0; i < watermarks.length; i++)
        {
            if (aligned[i])
            {
                any = true;
                minimum = Math.min(minimum, watermarks[i]);
            }
        }
        // no aligned input (all idle, or the active ones lag behind): nothing may move the watermark
        if (any && minimum > combinedWatermark)
        {
            combinedWatermark = minimum;
        }
    }

    /** @return the combined watermark, {@link Timestamps#MIN_WATERMARK} at first. */
    public long combinedWatermark()
    {
        return combinedWatermark;
    }

    /** @return true when every input is idle. */
    public boolean allIdle()
    {
        return idleInputs == watermarks.length;
    }

    /**
     * @param input which input.
     * @return whether it is idle.
     */
    public boolean isIdle(final int input)
    {
        return idle[Objects.checkIndex(input, watermarks.length)];
    }

    /**
     * @param input which input.
     * @return the highest watermark it reported.
     */
    public long inputWatermark(final int input)
    {
        return watermarks[Objects.checkIndex(input, watermarks.length)];
    }

    /** @return the number of inputs. */
    public int inputCount()
    {
        return watermarks.length;
    }

    /**
     * Write the state (part of the owning operator's snapshot): input count, combined watermark, then
     * per input its watermark, idle and aligned flags.
     *
     * @param out destination.
     */
    public void snapshot(final SnapshotWriter out)
    {
        out.putInt(watermarks.length).putLong(combinedWatermark);
        for (int i = 0; i < watermarks.length; i++)
        {
            out.putLong(watermarks[i]).putBoolean(idle[i]).putBoolean(aligned[i]);
        }
    }

    /**
     * Replace the state with what {@link #snapshot} wrote.
     *
     * @param in source.
     * @throws io.ringflow.operators.snapshot.SnapshotException if it was written for another input count.
     */
    public void restore(final SnapshotReader in)
    {
        final int offset = in.position();
        final int count = in.getInt();
        if (count != watermarks.length)
        {
            throw in.corrupt("watermark combiner snapshot at offset " + offset + " has " + count +
                " inputs, this combiner has " + watermarks.length);
        }
        combinedWatermark = in.getLong();
        idleInputs = 0;
        for (int i = 0; i < count; i++)
        {
            watermarks[i] = in.getLong();
            idle[i] = in.getBoolean();
            aligned[i] = in.getBoolean();
            idleInputs += idle[i] ? 1 : 0;
        }
    }
}
