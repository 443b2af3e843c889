package io.ringflow.operators.cep;

import io.ringflow.operators.testing.OperatorTestHarness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Generated inputs for the property tests: records of a few keys over a small alphabet (many equal timestamps,
 * records satisfying several stages, records satisfying none), delivered out of order up to a bound, with
 * watermarks {@code maxTs - bound - 1} at a random cadence, and optionally some late records.
 */
final class Streams
{
    private static final char[] TYPES = {'a', 'a', 'b', 'b', 'c', 'x', 'z'};

    /** One step: a record, or a watermark when {@code watermark} is set. */
    record Step(boolean watermark, long key, long id, char type, long time)
    {
        Txn txn()
        {
            return new Txn(key, id, type);
        }
    }

    /** The pattern shapes the properties range over: positive stage letters (runs are times(n)) and a negated letter. */
    static final String[] SHAPES = {"ab", "abc", "aaa", "a!b", "ab!c", "aab", "aa!b"};

    private Streams()
    {
    }

    static Pattern<Txn> pattern(final String shape, final long within, final boolean skip)
    {
        final int bang = shape.indexOf('!');
        final String positive = bang < 0 ? shape : shape.substring(0, bang);
        PatternBuilder<Txn> builder = null;
        int i = 0;
        while (i < positive.length())
        {
            final char stage = positive.charAt(i);
            int run = 1;
            while (i + run < positive.length() && positive.charAt(i + run) == stage)
            {
                run++;
            }
            builder = null == builder ? Patterns.begin(String.valueOf(stage), Txn.is(stage)) :
                builder.followedBy(String.valueOf(stage), Txn.is(stage));
            if (run > 1)
            {
                builder.times(run);
            }
            i += run;
        }
        if (bang >= 0)
        {
            final char negated = shape.charAt(bang + 1);
            builder.notFollowedBy(String.valueOf(negated), Txn.is(negated));
        }
        final Pattern<Txn> pattern = builder.within(within);
        return skip ? pattern.afterMatch(AfterMatchSkip.SKIP_PAST_LAST_EVENT) : pattern;
    }

    /**
     * @param lateEvery 0 for no late record, else about one record in {@code lateEvery} is moved at or below the
     *                  watermark of its arrival.
     */
    static List<Step> generate(final long seed, final int keys, final int records, final int bound, final int lateEvery)
    {
        final Random random = new Random(seed);
        final List<Step> inTimeOrder = new ArrayList<>();
        final List<Long> arrivalTimes = new ArrayList<>();
        long time = 1000;
        for (int i = 0; i < records; i++)
        {
            time += random.nextInt(4) == 0 ? random.nextInt(4) : 0;
            inTimeOrder.add(new Step(false, random.nextInt(keys), i, TYPES[random.nextInt(TYPES.length)], time));
            arrivalTimes.add(time + (bound == 0 ? 0 : random.nextInt(bound + 1)));
        }
        final List<Integer> order = new ArrayList<>();
        for (int i = 0; i < records; i++)
        {
            order.add(i);
        }
        order.sort(Comparator.comparingLong(arrivalTimes::get));   // stable: ties keep time order

        final List<Step> steps = new ArrayList<>();
        long maxTimestamp = Long.MIN_VALUE;
        long watermark = Long.MIN_VALUE;
        for (final int i : order)
        {
            Step step = inTimeOrder.get(i);
            if (lateEvery > 0 && watermark > Long.MIN_VALUE && random.nextInt(lateEvery) == 0)
            {
                step = new Step(false, step.key, step.id, step.type, watermark - random.nextInt(3));
            }
            steps.add(step);
            maxTimestamp = Math.max(maxTimestamp, step.time);
            if (random.nextInt(3) == 0 && maxTimestamp - bound - 1 > watermark)
            {
                watermark = maxTimestamp - bound - 1;
                steps.add(new Step(true, 0, 0, ' ', watermark));
            }
        }
        steps.add(new Step(true, 0, 0, ' ', Long.MAX_VALUE));
        return steps;
    }

    /** The same records in timestamp order (ties in arrival order), a watermark {@code ts - 1} after each. */
    static List<Step> inOrder(final List<Step> steps)
    {
        final List<Step> records = new ArrayList<>();
        for (final Step step : steps)
        {
            if (!step.watermark)
            {
                records.add(step);
            }
        }
        records.sort(Comparator.comparingLong(Step::time));
        final List<Step> result = new ArrayList<>();
        for (final Step step : records)
        {
            result.add(step);
            result.add(new Step(true, 0, 0, ' ', step.time - 1));
        }
        result.add(new Step(true, 0, 0, ' ', Long.MAX_VALUE));
        return result;
    }

    /** The steps of one key, watermarks included. */
    static List<Step> ofKey(final List<Step> steps, final long key)
    {
        final List<Step> result = new ArrayList<>();
        for (final Step step : steps)
        {
            if (step.watermark || step.key == key)
            {
                result.add(step);
            }
        }
        return result;
    }

    /** The records not late on arrival, in arrival order. */
    static List<Step> accepted(final List<Step> steps)
    {
        final List<Step> result = new ArrayList<>();
        long watermark = Long.MIN_VALUE;
        for (final Step step : steps)
        {
            if (step.watermark)
            {
                watermark = Math.max(watermark, step.time);
            }
            else if (step.time > watermark)
            {
                result.add(step);
            }
        }
        return result;
    }

    static void run(final OperatorTestHarness<Txn, PatternMatch> h, final List<Step> steps)
    {
        for (final Step step : steps)
        {
            if (step.watermark)
            {
                h.processWatermark(step.time);
            }
            else
            {
                h.processElement(step.txn(), step.time);
            }
        }
    }
}
