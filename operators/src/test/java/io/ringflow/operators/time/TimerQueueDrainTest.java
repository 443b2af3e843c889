package io.ringflow.operators.time;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bucketed drain keeps the exact (timestamp, key, namespace) order, also for timers registered or
 * deleted by the code that handles a firing — what window triggers and process functions do.
 */
class TimerQueueDrainTest
{
    private static final class Model implements Comparable<Model>
    {
        final long timestamp;
        final long key;
        final long namespace;

        Model(final long timestamp, final long key, final long namespace)
        {
            this.timestamp = timestamp;
            this.key = key;
            this.namespace = namespace;
        }

        @Override
        public int compareTo(final Model o)
        {
            return TimerQueue.compare(timestamp, key, namespace, o.timestamp, o.key, o.namespace);
        }

        @Override
        public boolean equals(final Object o)
        {
            return o instanceof Model && compareTo((Model)o) == 0;
        }

        @Override
        public int hashCode()
        {
            return Long.hashCode(timestamp) * 961 + Long.hashCode(key) * 31 + Long.hashCode(namespace);
        }

        @Override
        public String toString()
        {
            return "(" + timestamp + ", " + key + ", " + namespace + ")";
        }
    }

    @Test
    void shouldShowQueuedTimersInTheOrderTheyArePolled()
    {
        try (TimerQueue queue = TimerQueue.appendOnly("ahead", 16))
        {
            for (long key = 100; key > 0; key--)
            {
                queue.register(50, key, key * 3);
                queue.register(60, key, key);
            }
            assertThat(queue.queued()).isZero();
            final List<Long> seenAhead = new ArrayList<>();
            final List<Long> polled = new ArrayList<>();
            while (queue.poll(50))
            {
                polled.add(queue.key());
                if (queue.queued() > 0)
                {
                    assertThat(queue.queuedNamespace(0)).isEqualTo(queue.queuedKey(0) * 3);
                    seenAhead.add(queue.queuedKey(0));
                }
                for (int i = 1; i < queue.queued(); i++)
                {
                    assertThat(queue.queuedKey(i)).isGreaterThan(queue.queuedKey(i - 1));
                }
            }
            assertThat(polled).hasSize(100);
            assertThat(seenAhead).isEqualTo(polled.subList(1, 100));
            assertThat(queue.queued()).isZero();
        }
    }

    @Test
    void shouldFireManyTimersOfOneTimestampInKeyOrder()
    {
        try (TimerQueue queue = new TimerQueue("aligned", 16))
        {
            for (long key = 10_000; key > 0; key--)
            {
                queue.register(59_999, key * 7919 % 10_007, 0);
            }
            long previous = Long.MIN_VALUE;
            int fired = 0;
            while (queue.poll(59_999))
            {
                assertThat(queue.key()).isGreaterThan(previous);
                previous = queue.key();
                fired++;
            }
            assertThat(fired).isEqualTo(10_000);
            assertThat(queue.size()).isZero();
            assertThat(queue.heapSize()).isZero();
        }
    }

    @Property(tries = 200)
    void shouldFireInTotalOrderWhenFiringsRegisterAndDeleteTimers(@ForAll final long seed)
    {
        final Random random = new Random(seed);
        final TreeSet<Model> model = new TreeSet<>();
        try (TimerQueue queue = new TimerQueue("drain", 4))
        {
            long watermark = random.nextInt(50) - 25;
            for (int round = 0; round < 30; round++)
            {
                for (int i = random.nextInt(40); i > 0; i--)
                {
                    final Model timer = new Model(watermark + random.nextInt(30) - 5, random.nextInt(8), random.nextInt(3));
                    assertThat(queue.register(timer.timestamp, timer.key, timer.namespace)).isEqualTo(model.add(timer));
                }
                watermark += random.nextInt(20);
                final List<Model> fired = new ArrayList<>();
                final List<Model> expected = new ArrayList<>();
                while (queue.poll(watermark))
                {
                    fired.add(new Model(queue.timestamp(), queue.key(), queue.namespace()));
                    final Model due = model.first();
                    expected.add(due);
                    model.remove(due);
                    assertThat(due.timestamp).isLessThanOrEqualTo(watermark);
                    // the handler registers and deletes timers, some due at once, some at the same timestamp
                    if (random.nextInt(3) == 0)
                    {
                        final Model more = new Model(queue.timestamp() + random.nextInt(4) - 2, random.nextInt(8), random.nextInt(3));
                        assertThat(queue.register(more.timestamp, more.key, more.namespace)).isEqualTo(model.add(more));
                    }
                    if (random.nextInt(4) == 0 && !model.isEmpty())
                    {
                        final Model victim = random.nextBoolean() ? model.first() : model.last();
                        assertThat(queue.delete(victim.timestamp, victim.key, victim.namespace)).isTrue();
                        model.remove(victim);
                    }
                }
                assertThat(fired).isEqualTo(expected);
                assertThat(model.isEmpty() || model.first().timestamp > watermark).isTrue();
                assertThat(queue.size()).isEqualTo(model.size());
                assertThat(queue.nextTimestamp()).isEqualTo(model.isEmpty() ? Long.MAX_VALUE : model.first().timestamp);
            }
        }
    }
}
