package io.ringflow.operators.table;

import io.ringflow.operators.Timestamps;
import io.ringflow.operators.testing.TwoInputOperatorTestHarness;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Temporal mode against a naive on-heap model of its documented semantics, on random inputs: every
 * changelog version kept forever in a sorted map per key (the later arrival wins at equal timestamps),
 * stream records released at the watermark in (timestamp, arrival) order and joined with the floor
 * version, records of either side at or below {@code watermark - retention} rejected as late. With a
 * history bound that the inputs never reach, the operator's pruning must be invisible.
 */
class TemporalTableJoinModelTest
{
    /** What the model does, step by step, rendered as the harness's output and rejections are. */
    private static final class Model
    {
        final long retention;
        final Map<Long, TreeMap<Long, Long>> versions = new HashMap<>();   // value, or null for a delete
        final List<long[]> held = new ArrayList<>();                        // timestamp, sequence, key, id
        final List<String> output = new ArrayList<>();
        final List<String> rejected = new ArrayList<>();
        long watermark = Long.MIN_VALUE;
        long sequence;

        Model(final long retention)
        {
            this.retention = retention;
        }

        long bound()
        {
            return watermark < Long.MIN_VALUE + retention ? Long.MIN_VALUE : watermark - retention;
        }

        void left(final long key, final long id, final long timestamp)
        {
            if (!Timestamps.isValidEventTime(timestamp))
            {
                rejected.add("INVALID_TIMESTAMP " + id + "@" + timestamp);
            }
            else if (timestamp > watermark)
            {
                held.add(new long[]{timestamp, sequence++, key, id});
            }
            else if (timestamp > bound())
            {
                join(key, id, timestamp);
            }
            else
            {
                rejected.add("LATE " + id + "@" + timestamp);
            }
        }

        void right(final Rate rate, final long timestamp)
        {
            if (!Timestamps.isValidEventTime(timestamp))
            {
                rejected.add("INVALID_TIMESTAMP " + rate + "@" + timestamp);
            }
            else if (timestamp <= bound())
            {
                rejected.add("LATE " + rate + "@" + timestamp);
            }
            else
            {
                versions.computeIfAbsent(rate.key, k -> new TreeMap<>()).put(timestamp, rate.delete ? null : rate.value);
            }
        }

        void watermark(final long next)
        {
            if (next <= watermark)
            {
                return;
            }
            watermark = next;
            final List<long[]> due = new ArrayList<>();
            held.removeIf(record -> record[0] <= next && due.add(record));
            due.sort(Comparator.<long[]>comparingLong(r -> r[0]).thenComparingLong(r -> r[1]));
            for (final long[] record : due)
            {
                join(record[2], record[3], record[0]);
            }
        }

        void join(final long key, final long id, final long timestamp)
        {
            final TreeMap<Long, Long> history = versions.get(key);
            final Map.Entry<Long, Long> inForce = null == history ? null : history.floorEntry(timestamp);
            if (null == inForce || null == inForce.getValue())
            {
                rejected.add("NO_MATCH " + id + "@" + timestamp);
            }
            else
            {
                output.add(id + ":" + inForce.getValue() + "@" + timestamp);
            }
        }
    }

    @Property(tries = 200)
    void shouldJoinExactlyAsTheModel(
        @ForAll final long seed, @ForAll @IntRange(min = 0, max = 12) final int retention, @ForAll @IntRange(min = 0, max = 1) final int holdPolicy)
    {
        final TableJoinOperator<Order, Rate, String> operator = TableJoins.builder().temporal(32, retention).streamCodec(Order.CODEC)
            .missPolicy(holdPolicy == 1 ? MissPolicy.HOLD_UNTIL_WATERMARK : MissPolicy.DROP_TO_SIDE_OUTPUT)
            .build(Rate.DECODER, Rate.DESCRIBE, () -> "");
        final Model model = new Model(retention);
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = TableJoins.harness(operator))
        {
            for (final TableJoinRestoreEquivalenceTest.Step step : TableJoinRestoreEquivalenceTest.stream(seed, 400))
            {
                switch (step.kind)
                {
                    case 'L':
                        h.processLeft(new Order(step.key, step.value), step.time);
                        model.left(step.key, step.value, step.time);
                        break;
                    case 'R':
                        final Rate rate = new Rate().set(step.key, step.value, step.delete);
                        h.processRight(rate, step.time);
                        model.right(rate, step.time);
                        break;
                    default:
                        h.leftWatermark(step.time).rightWatermark(step.time);
                        model.watermark(step.time);
                        break;
                }
            }
            assertThat(h.output()).extracting(Object::toString).containsExactlyElementsOf(model.output);
            assertThat(TableJoins.rejections(h)).containsExactlyElementsOf(model.rejected);
            assertThat(operator.evictedVersions()).as("the model has no history bound").isZero();
            assertThat(operator.heldRecords()).isZero();
        }
    }
}
