package io.ringflow.operators.join;

import io.ringflow.operators.Timestamps;
import io.ringflow.operators.testing.TwoInputOperatorTestHarness;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated two-sided stream for property tests: records of either side (a few keys, timestamps that
 * mostly grow, some behind the watermark), each side's bounded out-of-orderness watermark now and then, and
 * a side going idle once in a while. Ids are unique, so a record can be told from its equals.
 */
final class JoinStream
{
    enum Kind
    {
        LEFT, RIGHT, LEFT_WATERMARK, RIGHT_WATERMARK, LEFT_IDLE, RIGHT_IDLE
    }

    /** One step: a record (key, id, time) of a side, a side's watermark (time), or a side going idle. */
    record Step(Kind kind, long key, long id, long time)
    {
    }

    private JoinStream()
    {
    }

    static List<Step> generate(final long seed, final int length, final int keys)
    {
        final Random random = new Random(seed);
        final List<Step> steps = new ArrayList<>();
        final long[] maxTimestamp = {Long.MIN_VALUE, Long.MIN_VALUE};
        final long[] watermark = {Long.MIN_VALUE, Long.MIN_VALUE};
        long frontier = random.nextInt(200) - 100;
        for (int i = 0; i < length; i++)
        {
            final int side = random.nextInt(2);
            final int dice = random.nextInt(100);
            if (dice < 15)
            {
                if (maxTimestamp[side] != Long.MIN_VALUE && maxTimestamp[side] - 2 - 1 > watermark[side])
                {
                    watermark[side] = maxTimestamp[side] - 2 - 1;
                    steps.add(new Step(side == 0 ? Kind.LEFT_WATERMARK : Kind.RIGHT_WATERMARK, 0, 0, watermark[side]));
                }
                continue;
            }
            if (dice < 17)
            {
                steps.add(new Step(side == 0 ? Kind.LEFT_IDLE : Kind.RIGHT_IDLE, 0, 0, 0));
                continue;
            }
            frontier += random.nextInt(4);
            final long timestamp = dice < 25 ? frontier - 3 - random.nextInt(12) : frontier - random.nextInt(3);
            maxTimestamp[side] = Math.max(maxTimestamp[side], timestamp);
            steps.add(new Step(side == 0 ? Kind.LEFT : Kind.RIGHT, random.nextInt(keys), i, timestamp));
        }
        return steps;
    }

    /** Feed the steps, then end both sides with {@link Timestamps#END_OF_STREAM}. */
    static <O> void run(final TwoInputOperatorTestHarness<Item, Item, O> h, final List<Step> steps, final boolean end)
    {
        for (final Step step : steps)
        {
            apply(h, step);
        }
        if (end)
        {
            h.leftWatermark(Timestamps.END_OF_STREAM).rightWatermark(Timestamps.END_OF_STREAM);
        }
    }

    static <O> void apply(final TwoInputOperatorTestHarness<Item, Item, O> h, final Step step)
    {
        switch (step.kind())
        {
            case LEFT -> h.processLeft(new Item(step.key(), step.id()), step.time());
            case RIGHT -> h.processRight(new Item(step.key(), step.id()), step.time());
            case LEFT_WATERMARK -> h.leftWatermark(step.time());
            case RIGHT_WATERMARK -> h.rightWatermark(step.time());
            case LEFT_IDLE -> h.leftIdle();
            case RIGHT_IDLE -> h.rightIdle();
            default -> throw new IllegalStateException("unknown step " + step);
        }
    }
}
