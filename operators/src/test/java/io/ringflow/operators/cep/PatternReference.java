package io.ringflow.operators.cep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The documented semantics written the plain way, to check the operator against: per key, the records in
 * (timestamp, arrival) order; every record satisfying the first stage starts a match that greedily takes the
 * first later record for each further stage, all within {@code first.ts + within}; a negated stage is broken by
 * a satisfying record after the last positive one at or before the deadline; with
 * {@link AfterMatchSkip#SKIP_PAST_LAST_EVENT} the next match may only start after the last one's last
 * positive record. Results are ordered as the operator emits them: by emission timestamp, key, matches before
 * timeouts, completing record, first record.
 */
final class PatternReference
{
    private record Result(long emitted, long key, int kind, int last, int first, String text)
    {
    }

    private PatternReference()
    {
    }

    static List<String> expected(final String shape, final long within, final boolean skip, final List<Streams.Step> accepted)
    {
        final int bang = shape.indexOf('!');
        final String positive = bang < 0 ? shape : shape.substring(0, bang);
        final RecordPredicate<Txn> negated = bang < 0 ? null : Txn.is(shape.charAt(bang + 1));

        final Map<Long, List<Streams.Step>> byKey = new TreeMap<>();
        for (final Streams.Step step : accepted)
        {
            byKey.computeIfAbsent(step.key(), k -> new ArrayList<>()).add(step);
        }
        final List<Result> results = new ArrayList<>();
        for (final Map.Entry<Long, List<Streams.Step>> entry : byKey.entrySet())
        {
            final List<Streams.Step> records = new ArrayList<>(entry.getValue());
            records.sort(Comparator.comparingLong(Streams.Step::time));   // stable: equal timestamps keep arrival order
            matchKey(entry.getKey(), records, positive, negated, within, skip, results);
        }
        results.sort(Comparator.comparingLong(Result::emitted).thenComparingLong(Result::key).thenComparingInt(Result::kind)
            .thenComparingInt(Result::last).thenComparingInt(Result::first));
        final List<String> texts = new ArrayList<>();
        for (final Result result : results)
        {
            texts.add(result.text);
        }
        return texts;
    }

    private static void matchKey(
        final long key,
        final List<Streams.Step> records,
        final String positive,
        final RecordPredicate<Txn> negated,
        final long within,
        final boolean skip,
        final List<Result> results)
    {
        int nextStart = 0;
        for (int first = 0; first < records.size(); first++)
        {
            if (first < nextStart || !Txn.is(positive.charAt(0)).test(records.get(first).txn()))
            {
                continue;
            }
            final long deadline = deadline(records.get(first).time(), within);
            final int[] taken = new int[positive.length()];
            taken[0] = first;
            int last = first;
            boolean complete = true;
            for (int stage = 1; stage < positive.length() && complete; stage++)
            {
                int next = last + 1;
                while (next < records.size() && !Txn.is(positive.charAt(stage)).test(records.get(next).txn()))
                {
                    next++;
                }
                complete = next < records.size() && records.get(next).time() <= deadline;
                taken[stage] = next;
                last = next;
            }
            if (!complete)
            {
                continue;
            }
            if (null == negated)
            {
                final long end = records.get(last).time();
                results.add(new Result(end, key, 0, last, first, text("MATCHED", key, positive, records, taken, end)));
            }
            else
            {
                boolean broken = false;
                for (int i = last + 1; i < records.size() && records.get(i).time() <= deadline; i++)
                {
                    broken |= negated.test(records.get(i).txn());
                }
                if (broken)
                {
                    continue;
                }
                results.add(new Result(deadline, key, 1, 0, first, text("TIMED_OUT", key, positive, records, taken, deadline)));
            }
            if (skip)
            {
                nextStart = last + 1;
            }
        }
    }

    private static String text(
        final String kind, final long key, final String positive, final List<Streams.Step> records, final int[] taken, final long end)
    {
        final StringBuilder text = new StringBuilder(kind).append(' ').append(key);
        for (int i = 0; i < taken.length; i++)
        {
            final Streams.Step record = records.get(taken[i]);
            text.append(' ').append(positive.charAt(i)).append('#').append(record.id()).append('@').append(record.time());
        }
        return text.append(" end=").append(end).append(" @").append(end).toString();
    }

    private static long deadline(final long a, final long b)
    {
        final long sum = a + b;
        return sum < a || sum == Long.MAX_VALUE ? Long.MAX_VALUE - 1 : sum;
    }
}
