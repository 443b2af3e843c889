package io.ringflow.operators.time;

import io.ringflow.operators.snapshot.SnapshotException;
import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimerQueueTest
{
    private static final Comparator<Timer> FIRING_ORDER = Comparator
        .comparingLong(Timer::timestamp)
        .thenComparingLong(Timer::key)
        .thenComparingLong(Timer::namespace);

    record Timer(long timestamp, long key, long namespace)
    {
    }

    enum Kind
    {
        REGISTER, DELETE, POLL, NEXT_TIMESTAMP, SNAPSHOT_RESTORE
    }

    record Op(Kind kind, Timer timer, long watermark)
    {
    }

    @Provide
    Arbitrary<Timer> timers()
    {
        return timers(120);
    }

    /** Narrow ranges make deletes and re-registrations hit registered timers often. */
    private static Arbitrary<Timer> timers(final long maxTimestamp)
    {
        final Arbitrary<Long> timestamp = Arbitraries.frequencyOf(List.of(
            Tuple.of(20, Arbitraries.longs().between(-40, maxTimestamp)),
            Tuple.of(1, Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE - 1))));
        final Arbitrary<Long> key = Arbitraries.frequencyOf(List.of(
            Tuple.of(20, Arbitraries.longs().between(-3, 3)),
            Tuple.of(1, Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE))));
        final Arbitrary<Long> namespace = Arbitraries.longs().between(-1, 2);

        return Combinators.combine(timestamp, key, namespace).as(Timer::new);
    }

    @Provide
    Arbitrary<List<Op>> operations()
    {
        final Arbitrary<Kind> kind = Arbitraries.frequency(List.of(
            Tuple.of(50, Kind.REGISTER),
            Tuple.of(15, Kind.DELETE),
            Tuple.of(10, Kind.POLL),
            Tuple.of(5, Kind.NEXT_TIMESTAMP),
            Tuple.of(2, Kind.SNAPSHOT_RESTORE)));
        final Arbitrary<Long> watermark = Arbitraries.frequencyOf(List.of(
            Tuple.of(20, Arbitraries.longs().between(-50, -10)),
            Tuple.of(1, Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MAX_VALUE))));

        return Combinators.combine(kind, timers(-20), watermark).as(Op::new)
            .list()
            .ofMaxSize(1500)
            .withSizeDistribution(RandomDistribution.uniform());
    }

    @Property(tries = 200)
    void shouldFireInTimestampKeyNamespaceOrderRegardlessOfRegistrationOrder(
        @ForAll @Size(max = 400) final List<@From("timers") Timer> timers)
    {
        final TreeSet<Timer> model = new TreeSet<>(FIRING_ORDER);
        try (TimerQueue queue = new TimerQueue("order", 0))
        {
            for (final Timer timer : timers)
            {
                assertThat(queue.register(timer.timestamp(), timer.key(), timer.namespace()))
                    .isEqualTo(model.add(timer));
            }
            assertThat(queue.size()).isEqualTo(model.size());

            assertThat(pollAll(queue, Long.MAX_VALUE)).containsExactlyElementsOf(model);
            assertThat(queue.size()).isZero();
            assertThat(queue.heapSize()).isZero();
            assertThat(queue.nextTimestamp()).isEqualTo(Long.MAX_VALUE);
        }
    }

    @Property(tries = 200)
    void shouldMatchASortedSetModelUnderRandomRegistrationsDeletionsPollsAndRestores(
        @ForAll("operations") final List<Op> ops)
    {
        final TreeSet<Timer> model = new TreeSet<>(FIRING_ORDER);
        TimerQueue queue = new TimerQueue("model", 4);
        try
        {
            for (final Op op : ops)
            {
                final Timer timer = op.timer();
                switch (op.kind())
                {
                    case REGISTER -> assertThat(queue.register(timer.timestamp(), timer.key(), timer.namespace()))
                        .isEqualTo(model.add(timer));
                    case DELETE -> assertThat(queue.delete(timer.timestamp(), timer.key(), timer.namespace()))
                        .isEqualTo(model.remove(timer));
                    case POLL ->
                    {
                        final List<Timer> expected = new ArrayList<>();
                        while (!model.isEmpty() && model.first().timestamp() <= op.watermark())
                        {
                            expected.add(model.pollFirst());
                        }
                        assertThat(pollAll(queue, op.watermark())).containsExactlyElementsOf(expected);
                    }
                    case NEXT_TIMESTAMP -> assertThat(queue.nextTimestamp())
                        .isEqualTo(model.isEmpty() ? Long.MAX_VALUE : model.first().timestamp());
                    case SNAPSHOT_RESTORE ->
                    {
                        final TimerQueue restored = snapshotAndRestore(queue, "restored");
                        queue.close();
                        queue = restored;
                        assertThat(queue.heapSize()).isEqualTo(model.size());
                    }
                }
                assertThat(queue.size()).isEqualTo(model.size());
                assertThat(queue.heapSize()).isGreaterThanOrEqualTo(queue.size());
            }

            assertThat(pollAll(queue, Long.MAX_VALUE)).containsExactlyElementsOf(model);
        }
        finally
        {
            queue.close();
        }
    }

    @Test
    void shouldRegisterADuplicateOnlyOnce()
    {
        try (TimerQueue queue = new TimerQueue("dup", 4))
        {
            assertThat(queue.register(10, 1, 0)).isTrue();
            assertThat(queue.register(10, 1, 0)).isFalse();
            assertThat(queue.register(10, 1, 1)).isTrue();
            assertThat(queue.size()).isEqualTo(2);
            assertThat(queue.heapSize()).isEqualTo(2);

            assertThat(pollAll(queue, 10)).containsExactly(new Timer(10, 1, 0), new Timer(10, 1, 1));
        }
    }

    @Test
    void shouldSkipADeletedTimerWhenPolling()
    {
        try (TimerQueue queue = new TimerQueue("deleted", 4))
        {
            queue.register(5, 1, 0);
            queue.register(6, 1, 0);
            queue.register(7, 1, 0);

            assertThat(queue.delete(6, 1, 0)).isTrue();
            assertThat(queue.delete(6, 1, 0)).isFalse();
            assertThat(queue.delete(6, 2, 0)).isFalse();
            assertThat(queue.size()).isEqualTo(2);

            assertThat(pollAll(queue, 100)).containsExactly(new Timer(5, 1, 0), new Timer(7, 1, 0));
            assertThat(queue.heapSize()).isZero();
        }
    }

    @Test
    void shouldReviveADeletedTimerExactlyOnceWhenRegisteredAgain()
    {
        try (TimerQueue queue = new TimerQueue("revived", 4))
        {
            queue.register(5, 1, 0);
            queue.delete(5, 1, 0);

            assertThat(queue.register(5, 1, 0)).isTrue();
            assertThat(queue.register(5, 1, 0)).isFalse();
            assertThat(queue.size()).isEqualTo(1);
            assertThat(queue.heapSize()).isEqualTo(1);

            assertThat(pollAll(queue, 5)).containsExactly(new Timer(5, 1, 0));
            assertThat(queue.poll(Long.MAX_VALUE)).isFalse();
        }
    }

    @Test
    void shouldDiscardDeletedTimersAtTheTopWhenAskedForTheNextTimestamp()
    {
        try (TimerQueue queue = new TimerQueue("next", 4))
        {
            queue.register(1, 0, 0);
            queue.register(2, 0, 0);
            queue.register(3, 0, 0);
            queue.delete(1, 0, 0);
            queue.delete(2, 0, 0);

            assertThat(queue.nextTimestamp()).isEqualTo(3);
            assertThat(queue.heapSize()).isEqualTo(1);
            // Discarded, not revivable in place: a new registration pushes it afresh.
            assertThat(queue.register(1, 0, 0)).isTrue();
            assertThat(queue.nextTimestamp()).isEqualTo(1);
        }
    }

    @Test
    void shouldPollTimersRegisteredWhilePollingInTheSameLoop()
    {
        try (TimerQueue queue = new TimerQueue("cascade", 4))
        {
            queue.register(10, 1, 0);
            final List<Timer> fired = new ArrayList<>();
            while (queue.poll(20))
            {
                fired.add(new Timer(queue.timestamp(), queue.key(), queue.namespace()));
                if (queue.timestamp() == 10)
                {
                    queue.register(15, 1, 0);
                    queue.register(25, 1, 0);
                    queue.register(3, 2, 0);
                }
            }

            assertThat(fired).containsExactly(new Timer(10, 1, 0), new Timer(3, 2, 0), new Timer(15, 1, 0));
            assertThat(queue.size()).isEqualTo(1);
            assertThat(queue.nextTimestamp()).isEqualTo(25);
        }
    }

    @Test
    void shouldFireTheSameRemainingSequenceAfterSnapshotAndRestore()
    {
        try (TimerQueue original = new TimerQueue("original", 8))
        {
            for (long i = 0; i < 500; i++)
            {
                original.register((i * 7919) % 97, (i * 31) % 11 - 5, i % 3);
            }
            for (long i = 0; i < 500; i += 5)
            {
                original.delete((i * 7919) % 97, (i * 31) % 11 - 5, i % 3);
            }
            assertThat(pollAll(original, 40)).isNotEmpty();

            try (TimerQueue restored = snapshotAndRestore(original, "restored"))
            {
                assertThat(restored.size()).isEqualTo(original.size());
                assertThat(restored.nextTimestamp()).isEqualTo(original.nextTimestamp());
                final List<Timer> expected = pollAll(original, Long.MAX_VALUE);
                assertThat(expected).isNotEmpty();
                assertThat(pollAll(restored, Long.MAX_VALUE)).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void shouldFireEndOfStreamTimersOnlyAtTheMaximumWatermark()
    {
        try (TimerQueue queue = new TimerQueue("eos", 4))
        {
            queue.register(Long.MAX_VALUE, 1, 0);
            queue.register(Long.MAX_VALUE - 1, 1, 0);
            queue.register(Long.MIN_VALUE, 1, 0);

            assertThat(pollAll(queue, Long.MIN_VALUE)).containsExactly(new Timer(Long.MIN_VALUE, 1, 0));
            assertThat(pollAll(queue, Long.MAX_VALUE - 1)).containsExactly(new Timer(Long.MAX_VALUE - 1, 1, 0));
            assertThat(queue.size()).isEqualTo(1);
            assertThat(pollAll(queue, Long.MAX_VALUE)).containsExactly(new Timer(Long.MAX_VALUE, 1, 0));
            assertThat(queue.size()).isZero();
        }
    }

    @Test
    void shouldOrderTimestampsKeysAndNamespacesAsSignedLongs()
    {
        try (TimerQueue queue = new TimerQueue("signed", 4))
        {
            queue.register(0, 0, 0);
            queue.register(-1, Long.MAX_VALUE, 0);
            queue.register(-1, Long.MIN_VALUE, 5);
            queue.register(-1, Long.MIN_VALUE, -5);

            assertThat(pollAll(queue, 0)).containsExactly(
                new Timer(-1, Long.MIN_VALUE, -5),
                new Timer(-1, Long.MIN_VALUE, 5),
                new Timer(-1, Long.MAX_VALUE, 0),
                new Timer(0, 0, 0));
        }
    }

    @Test
    void shouldGrowTheHeapByDoublingAndAccountForItsMemory()
    {
        try (TimerQueue queue = new TimerQueue("growing", 0))
        {
            final long initialBytes = queue.memoryBytes();
            for (long i = 1000; i > 0; i--)
            {
                queue.register(i, -i, 0);
            }
            assertThat(queue.memoryBytes()).isGreaterThan(initialBytes + 1000L * TimerQueue.ENTRY_BYTES);
            assertThat(pollAll(queue, 1000)).hasSize(1000).isSortedAccordingTo(FIRING_ORDER);
        }
    }

    @Test
    void shouldRejectATruncatedOrDuplicatedSnapshot()
    {
        try (TimerQueue original = new TimerQueue("original", 4);
            TimerQueue target = new TimerQueue("target", 4))
        {
            original.register(1, 2, 3);
            original.register(4, 5, 6);
            target.register(9, 9, 9);
            final SnapshotWriter out = new SnapshotWriter();
            original.snapshot(out);
            final byte[] bytes = out.toByteArray();

            assertThatThrownBy(() -> target.restore(new SnapshotReader(Arrays.copyOf(bytes, bytes.length - 1), "cp-3")))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("cp-3")
                .hasMessageContaining("TimerQueue 'target'")
                .hasMessageContaining("2 timers");
            assertThat(pollAll(target, Long.MAX_VALUE)).containsExactly(new Timer(9, 9, 9));

            final SnapshotWriter duplicate = new SnapshotWriter().putInt(2)
                .putLong(1).putLong(2).putLong(3)
                .putLong(1).putLong(2).putLong(3);
            assertThatThrownBy(() -> target.restore(new SnapshotReader(duplicate.toByteArray(), "cp-4")))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("twice");
        }
    }

    @Test
    void shouldRejectANegativeInitialCapacityNamingTheQueue()
    {
        assertThatThrownBy(() -> new TimerQueue("bad", -1))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("TimerQueue 'bad'")
            .hasMessageContaining("was -1");
    }

    @Test
    void shouldReleaseMemoryOnClose()
    {
        final TimerQueue queue = new TimerQueue("closed", 100);
        queue.register(1, 1, 1);
        assertThat(queue.memoryBytes()).isPositive();
        queue.close();
        assertThat(queue.memoryBytes()).isZero();
        queue.close();
    }

    private static List<Timer> pollAll(final TimerQueue queue, final long watermark)
    {
        final List<Timer> fired = new ArrayList<>();
        while (queue.poll(watermark))
        {
            fired.add(new Timer(queue.timestamp(), queue.key(), queue.namespace()));
        }
        return fired;
    }

    private static TimerQueue snapshotAndRestore(final TimerQueue queue, final String name)
    {
        final SnapshotWriter out = new SnapshotWriter();
        queue.snapshot(out);
        final TimerQueue restored = new TimerQueue(name, 0);
        final SnapshotReader in = new SnapshotReader(out.toByteArray(), "snapshot of " + queue.name());
        restored.restore(in);
        assertThat(in.remaining()).isZero();
        return restored;
    }
}
