package io.ringflow.operators.time;

import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TimerQueue#appendOnlyInRegistrationOrder}: timestamps still fire in ascending order, but the timers of
 * one timestamp fire in the order they were registered — also those registered by the code handling a firing,
 * and across a snapshot and restore.
 */
class TimerQueueRegistrationOrderTest
{
    /** A registered timer and when it was registered: the model orders by (timestamp, registration). */
    private record Registered(long timestamp, long key, long namespace, long registration)
    {
    }

    @Test
    void shouldFireOneTimestampsTimersInRegistrationOrderNotKeyOrder()
    {
        try (TimerQueue queue = TimerQueue.appendOnlyInRegistrationOrder("registration-order", 8))
        {
            queue.register(20, 9, 0);
            queue.register(10, 5, 1);
            queue.register(20, 1, 0);
            queue.register(10, 3, 0);
            queue.register(20, 4, 7);

            final List<String> fired = new ArrayList<>();
            while (queue.poll(20))
            {
                fired.add(queue.timestamp() + ":" + queue.key() + "/" + queue.namespace());
            }
            assertThat(fired).containsExactly("10:5/1", "10:3/0", "20:9/0", "20:1/0", "20:4/7");
        }
    }

    @Test
    void shouldStillSortByKeyInTheDefaultAppendOnlyMode()
    {
        try (TimerQueue queue = TimerQueue.appendOnly("sorted", 8))
        {
            queue.register(20, 9, 0);
            queue.register(20, 1, 0);
            queue.register(20, 4, 7);
            final List<Long> keys = new ArrayList<>();
            while (queue.poll(20))
            {
                keys.add(queue.key());
            }
            assertThat(keys).containsExactly(1L, 4L, 9L);
        }
    }

    /**
     * Random registrations and watermarks; the handler of a firing sometimes registers more timers (in the past,
     * at the firing's own timestamp, or ahead); the queue is sometimes snapshotted and replaced by its restored
     * copy, between watermarks or in the middle of a drain. Keys are random and distinct, so an order by key
     * differs from registration order. Every poll must return the model's next timer: the least (timestamp,
     * registration) due.
     */
    @Property(tries = 200)
    void shouldFireInTimestampThenRegistrationOrder(@ForAll final long seed)
    {
        final Random random = new Random(seed);
        final Set<Long> keysUsed = new HashSet<>();
        final TreeSet<Registered> model = new TreeSet<>(
            Comparator.comparingLong(Registered::timestamp).thenComparingLong(Registered::registration));
        long registrations = 0;
        long watermark = 0;
        TimerQueue queue = TimerQueue.appendOnlyInRegistrationOrder("random", 4);
        try
        {
            for (int step = 0; step < 300; step++)
            {
                final int action = random.nextInt(10);
                if (action < 6)
                {
                    // unique keys: a registered duplicate may fire twice in this mode, which the model leaves out
                    final Registered timer = new Registered(
                        watermark + 1 + random.nextInt(8), freshKey(random, keysUsed), random.nextInt(3), registrations++);
                    queue.register(timer.timestamp(), timer.key(), timer.namespace());
                    model.add(timer);
                }
                else if (action < 9)
                {
                    watermark += random.nextInt(4);
                    while (queue.poll(watermark))
                    {
                        final Registered expected = model.pollFirst();
                        assertThat(expected).as("a timer fired that the model does not hold").isNotNull();
                        assertThat(new long[] { queue.timestamp(), queue.key(), queue.namespace() })
                            .as("seed %d step %d", seed, step)
                            .containsExactly(expected.timestamp(), expected.key(), expected.namespace());
                        if (random.nextInt(3) == 0)
                        {
                            final Registered fromHandler = new Registered(
                                queue.timestamp() - 2 + random.nextInt(5), freshKey(random, keysUsed), 0, registrations++);
                            queue.register(fromHandler.timestamp(), fromHandler.key(), fromHandler.namespace());
                            model.add(fromHandler);
                        }
                        if (random.nextInt(8) == 0)
                        {
                            queue = snapshotAndRestore(queue);   // mid-drain: the drain list goes into the snapshot
                        }
                    }
                    assertThat(model.isEmpty() || model.first().timestamp() > watermark)
                        .as("seed %d step %d: the queue stopped with %s due", seed, step, model.isEmpty() ? null : model.first())
                        .isTrue();
                }
                else
                {
                    queue = snapshotAndRestore(queue);
                }
            }
        }
        finally
        {
            queue.close();
        }
    }

    /**
     * Dedup's snapshots written before it switched modes hold the full queue's live timers; the formats match,
     * so they restore into this mode with the same timers.
     */
    @Test
    void shouldRestoreASnapshotOfTheFullQueue()
    {
        try (TimerQueue full = new TimerQueue("full", 8))
        {
            full.register(30, 2, 0);
            full.register(10, 7, 0);
            full.register(10, 3, 0);
            full.delete(30, 2, 0);
            full.register(20, 5, 0);
            final SnapshotWriter out = new SnapshotWriter();
            full.snapshot(out);
            try (TimerQueue restored = TimerQueue.appendOnlyInRegistrationOrder("restored", 0))
            {
                restored.restore(new SnapshotReader(out.toByteArray(), "full queue snapshot"));
                final List<String> fired = new ArrayList<>();
                while (restored.poll(Long.MAX_VALUE - 1))
                {
                    fired.add(restored.timestamp() + ":" + restored.key());
                }
                assertThat(fired).containsExactlyInAnyOrder("10:7", "10:3", "20:5");
                assertThat(fired.get(2)).isEqualTo("20:5");
            }
        }
    }

    private static long freshKey(final Random random, final Set<Long> used)
    {
        long key;
        do
        {
            key = random.nextInt(1 << 20);
        }
        while (!used.add(key));
        return key;
    }

    private static TimerQueue snapshotAndRestore(final TimerQueue queue)
    {
        final SnapshotWriter out = new SnapshotWriter();
        queue.snapshot(out);
        queue.close();
        final TimerQueue restored = TimerQueue.appendOnlyInRegistrationOrder("restored", 0);
        final SnapshotReader in = new SnapshotReader(out.toByteArray(), "snapshot of " + queue.name());
        restored.restore(in);
        assertThat(in.remaining()).isZero();
        return restored;
    }
}
