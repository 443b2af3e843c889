package io.ringflow.operators.state;

import io.ringflow.operators.snapshot.SnapshotException;
import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OffHeapHashStoreTest
{
    private static final long[] EXTREME_KEYS = { 0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE };

    enum Kind
    {
        FIND, GET_OR_INSERT, REMOVE, REMOVE_AT, WRITE
    }

    record Op(Kind kind, long k0, long k1, long k2, long value)
    {
    }

    record Scenario(int keyLongs, int valueBytes, int initialCapacity, List<Op> ops)
    {
    }

    record Key(long k0, long k1, long k2)
    {
    }

    @Provide
    Arbitrary<Scenario> scenarios()
    {
        final Arbitrary<Integer> keyLongs = Arbitraries.integers().between(1, 3);
        final Arbitrary<Integer> valueBytes = Arbitraries.of(0, 1, 8, 13);
        final Arbitrary<Integer> initialCapacity = Arbitraries.integers().between(0, 24);
        // Small ranges keep a few dozen keys churning in a small table (collisions, clusters wrapping
        // around its end, backward shifts); large ones force several growths mid-sequence.
        final Arbitrary<Integer> keyRange = Arbitraries.of(3, 16, 200, 5000);
        final Arbitrary<Long> keyBase = Arbitraries.of(0L, -100L, Long.MIN_VALUE, Long.MAX_VALUE - 10_000L);

        return Combinators.combine(keyLongs, valueBytes, initialCapacity, keyRange, keyBase)
            .flatAs((kl, vb, ic, kr, kb) -> ops(kr, kb)
                .list()
                .ofMinSize(1)
                .ofMaxSize(3000)
                .withSizeDistribution(RandomDistribution.uniform())
                .map((ops) -> new Scenario(kl, vb, ic, ops)));
    }

    private static Arbitrary<Op> ops(final int keyRange, final long keyBase)
    {
        final Arbitrary<Kind> kind = Arbitraries.frequency(List.of(
            Tuple.of(35, Kind.GET_OR_INSERT),
            Tuple.of(12, Kind.REMOVE),
            Tuple.of(8, Kind.REMOVE_AT),
            Tuple.of(25, Kind.FIND),
            Tuple.of(20, Kind.WRITE)));
        final Arbitrary<Long> k0 = Arbitraries.longs().between(0, keyRange - 1).map((i) -> keyBase + i);
        final Arbitrary<Long> kN = Arbitraries.longs().between(-1, 1);

        return Combinators.combine(kind, k0, kN, kN, Arbitraries.longs()).as(Op::new);
    }

    @Property(tries = 300)
    void shouldBehaveLikeAHashMapUnderRandomOperations(@ForAll("scenarios") final Scenario scenario)
    {
        final int keyLongs = scenario.keyLongs();
        final int valueBytes = scenario.valueBytes();
        final Map<Key, Long> model = new HashMap<>();
        boolean sawMigration = false;

        try (OffHeapHashStore store = new OffHeapHashStore("model", keyLongs, valueBytes, scenario.initialCapacity()))
        {
            assertThat(store.slotBytes()).isEqualTo(8 + 8 * keyLongs + ((valueBytes + 7) & ~7));
            int opIndex = 0;
            for (final Op op : scenario.ops())
            {
                final Key key = modelKey(keyLongs, op.k0(), op.k1(), op.k2());
                switch (op.kind())
                {
                    case FIND ->
                    {
                        store.touch(op.k0(), op.k1(), op.k2());
                        final int offset = store.find(op.k0(), op.k1(), op.k2());
                        if (model.containsKey(key))
                        {
                            assertThat(offset).isNotEqualTo(OffHeapHashStore.NOT_FOUND);
                            assertValue(store, offset, model.get(key));
                        }
                        else
                        {
                            assertThat(offset).isEqualTo(OffHeapHashStore.NOT_FOUND);
                        }
                    }
                    case GET_OR_INSERT ->
                    {
                        final int offset = store.getOrInsert(op.k0(), op.k1(), op.k2());
                        assertThat(store.inserted()).isEqualTo(!model.containsKey(key));
                        model.putIfAbsent(key, 0L);
                        assertValue(store, offset, model.get(key));
                    }
                    case REMOVE -> assertThat(store.remove(op.k0(), op.k1(), op.k2()))
                        .isEqualTo(model.remove(key) != null);
                    case REMOVE_AT ->
                    {
                        final int offset = store.find(op.k0(), op.k1(), op.k2());
                        if (model.remove(key) != null)
                        {
                            store.removeAt(offset);
                        }
                        else
                        {
                            assertThatThrownBy(() -> store.removeAt(offset)).isInstanceOf(IllegalArgumentException.class);
                        }
                    }
                    case WRITE ->
                    {
                        final int offset = store.getOrInsert(op.k0(), op.k1(), op.k2());
                        assertThat(store.inserted()).isEqualTo(!model.containsKey(key));
                        store.buffer().putBytes(offset, pattern(op.value(), valueBytes));
                        model.put(key, op.value());
                    }
                }

                sawMigration |= store.migrating();
                assertThat(store.size()).isEqualTo(model.size());
                assertMemoryAccounting(store);
                if (++opIndex % 128 == 0)
                {
                    assertContentEquals(store, model);
                }
            }
            assertContentEquals(store, model);

            final SnapshotWriter out = new SnapshotWriter();
            store.snapshot(out);
            try (OffHeapHashStore restored = new OffHeapHashStore("restored", keyLongs, valueBytes, 0))
            {
                restored.getOrInsert(Long.MIN_VALUE + 7, 8, 9);
                final SnapshotReader in = new SnapshotReader(out.toByteArray(), "model snapshot");
                restored.restore(in);

                assertThat(in.remaining()).isZero();
                assertContentEquals(restored, model);
                assertThat(restored.migrating()).isFalse();
                assertMemoryAccounting(restored);
            }
        }

        Statistics.label("grew").collect(sawMigration);
        Statistics.label("ops").collect(scenario.ops().size() / 500 * 500);
        Statistics.label("grew").coverage((checker) -> checker.check(true).percentage((p) -> p >= 20));
    }

    @Test
    void shouldKeepEntriesReachableWhileGrowingIncrementally()
    {
        try (OffHeapHashStore store = new OffHeapHashStore("growing", 1, 8, 0))
        {
            final int initialCapacity = store.capacity();
            long nextKey = 0;
            while (!store.migrating())
            {
                insertLong(store, nextKey, 0, 0, ~nextKey);
                nextKey++;
            }

            assertThat(store.capacity()).isEqualTo(2 * initialCapacity);
            assertThat(store.memoryBytes()).isEqualTo(3L * initialCapacity * store.slotBytes() + 2 * OffHeapHashStore.TABLE_ALIGNMENT_BYTES);

            // Each write moves at least 16 old slots, so a table of C slots drains within C / 16 writes.
            int writes = 0;
            while (store.migrating())
            {
                insertLong(store, nextKey, 0, 0, ~nextKey);
                nextKey++;
                writes++;
            }
            assertThat(writes).isBetween(1, (initialCapacity + 15) / 16);
            assertThat(store.memoryBytes()).isEqualTo((long)store.capacity() * store.slotBytes() + OffHeapHashStore.TABLE_ALIGNMENT_BYTES);

            for (int growths = 0; growths < 6; growths++)
            {
                final int capacityBefore = store.capacity();
                while (store.capacity() == capacityBefore)
                {
                    insertLong(store, nextKey, 0, 0, ~nextKey);
                    nextKey++;
                }
                assertThat(store.migrating()).isTrue();
                assertThat(store.memoryBytes()).isEqualTo(3L * capacityBefore * store.slotBytes() + 2 * OffHeapHashStore.TABLE_ALIGNMENT_BYTES);

                // Half the entries are pulled across by lookups, the rest by later writes.
                for (long key = 0; key < nextKey; key += 2)
                {
                    final int offset = store.find(key, 0, 0);
                    assertThat(offset).as("key %d", key).isNotEqualTo(OffHeapHashStore.NOT_FOUND);
                    assertThat(store.buffer().getLong(offset)).isEqualTo(~key);
                }

                while (store.migrating())
                {
                    insertLong(store, nextKey, 0, 0, ~nextKey);
                    nextKey++;
                    // Removing an entry that may still sit in the old table must not lose its neighbours.
                    final long victim = nextKey / 2 + 1;
                    assertThat(store.remove(victim, 0, 0)).isTrue();
                    insertLong(store, victim, 0, 0, ~victim);
                    assertThat(store.inserted()).isTrue();
                }
            }

            assertThat(store.size()).isEqualTo((int)nextKey);
            for (long key = 0; key < nextKey; key++)
            {
                assertThat(findLong(store, key, 0, 0)).isEqualTo(~key);
            }
        }
    }

    @Test
    void shouldReturnOffsetsIntoTheNewTableForEntriesFoundInTheOldOne()
    {
        try (OffHeapHashStore store = new OffHeapHashStore("moving", 2, 16, 0))
        {
            long nextKey = 0;
            while (!store.migrating())
            {
                final int offset = store.getOrInsert(nextKey, -nextKey, 0);
                store.buffer().putLong(offset, nextKey);
                store.buffer().putLong(offset + 8, -nextKey);
                nextKey++;
            }

            // Finds do not migrate by themselves, so these entries are still in the old table.
            final long memoryWhileMigrating = store.memoryBytes();
            for (long key = 0; key < nextKey - 1; key++)
            {
                final int offset = store.find(key, -key, 0);
                assertThat(store.buffer().getLong(offset)).isEqualTo(key);
                assertThat(store.buffer().getLong(offset + 8)).isEqualTo(-key);
                store.buffer().putLong(offset + 8, key * 3);
            }
            assertThat(store.migrating()).isFalse();
            assertThat(store.memoryBytes()).isLessThan(memoryWhileMigrating);

            for (long key = 0; key < nextKey - 1; key++)
            {
                final int offset = store.find(key, -key, 0);
                assertThat(store.buffer().getLong(offset)).isEqualTo(key);
                assertThat(store.buffer().getLong(offset + 8)).isEqualTo(key * 3);
            }
        }
    }

    @Test
    void shouldKeepClustersThatWrapAroundTheTableEndReachableAfterRemovals()
    {
        try (OffHeapHashStore store = new OffHeapHashStore("wrap", 1, 8, 11))
        {
            final int capacity = store.capacity();
            final int mask = capacity - 1;
            final List<Long> homedAtEnd = keysWithHome(store, mask, mask, 4);
            final List<Long> homedAtStart = keysWithHome(store, 0, mask, 2);

            // Cluster: end-1 end-2 end-3 end-4 start-1 start-2 occupying slots [mask, 0, 1, 2, 3, 4].
            final List<Long> all = new ArrayList<>(homedAtEnd);
            all.addAll(homedAtStart);
            for (final long key : all)
            {
                insertLong(store, key, 0, 0, key * 31);
            }
            assertThat(store.capacity()).isEqualTo(capacity);

            assertThat(store.remove(homedAtEnd.get(0), 0, 0)).isTrue();
            assertThat(store.remove(homedAtStart.get(0), 0, 0)).isTrue();
            assertThat(store.find(homedAtEnd.get(0), 0, 0)).isEqualTo(OffHeapHashStore.NOT_FOUND);
            assertThat(store.find(homedAtStart.get(0), 0, 0)).isEqualTo(OffHeapHashStore.NOT_FOUND);
            for (final long key : List.of(homedAtEnd.get(1), homedAtEnd.get(2), homedAtEnd.get(3), homedAtStart.get(1)))
            {
                final int offset = store.find(key, 0, 0);
                assertThat(offset).as("key %d", key).isNotEqualTo(OffHeapHashStore.NOT_FOUND);
                assertThat(store.buffer().getLong(offset)).isEqualTo(key * 31);
            }

            // Backward shift must have closed the gap: the start-homed key sits at or after its home.
            final int survivorOffset = store.find(homedAtStart.get(1), 0, 0);
            final int survivorSlot = survivorOffset / store.slotBytes();
            assertThat(survivorSlot).isBetween(0, 3);
            assertThat(store.size()).isEqualTo(4);
        }
    }

    @Test
    void shouldSpreadSequentialIdsInEveryKeyPositionOverTheTable()
    {
        final int capacity = 1024;
        final int keys = 716;
        // Uniform hashing fills capacity * (1 - e^(-keys / capacity)) distinct home slots, about 515.
        final double expectedHomes = capacity * (1 - Math.exp(-(double)keys / capacity));
        for (int keyLongs = 1; keyLongs <= 3; keyLongs++)
        {
            try (OffHeapHashStore store = new OffHeapHashStore("spread", keyLongs, 0, keys))
            {
                assertThat(store.capacity()).isEqualTo(capacity);
                for (int position = 0; position < keyLongs; position++)
                {
                    final boolean[] used = new boolean[capacity];
                    int homes = 0;
                    for (long id = 0; id < keys; id++)
                    {
                        final long hash = store.hash(position == 0 ? id : 7, position == 1 ? id : 7, position == 2 ? id : 7);
                        final int home = OffHeapHashStore.homeIndex(hash | OffHeapHashStore.OCCUPIED_BIT, capacity - 1);
                        if (!used[home])
                        {
                            used[home] = true;
                            homes++;
                        }
                    }
                    assertThat(homes).as("homes of %d sequential ids in key long %d", keys, position)
                        .isGreaterThan((int)(0.9 * expectedHomes));
                }
            }
        }
    }

    @Test
    void shouldZeroFillNewEntriesEvenInSlotsFreedByBackwardShift()
    {
        try (OffHeapHashStore store = new OffHeapHashStore("zero", 1, 13, 64))
        {
            final byte[] ones = new byte[13];
            Arrays.fill(ones, (byte)-1);
            for (long key = 0; key < 40; key++)
            {
                final int offset = store.getOrInsert(key, 0, 0);
                store.buffer().putBytes(offset, ones);
            }
            for (long key = 0; key < 40; key += 2)
            {
                assertThat(store.remove(key, 0, 0)).isTrue();
            }
            for (long key = 100; key < 120; key++)
            {
                final int offset = store.getOrInsert(key, 0, 0);
                assertThat(store.inserted()).isTrue();
                assertThat(valueAt(store, offset, 13)).containsOnly((byte)0);
            }
            for (long key = 1; key < 40; key += 2)
            {
                assertThat(valueAt(store, store.find(key, 0, 0), 13)).isEqualTo(ones);
            }
        }
    }

    @Test
    void shouldStoreKeysAtTheExtremesOfLong()
    {
        for (int keyLongs = 1; keyLongs <= 3; keyLongs++)
        {
            try (OffHeapHashStore store = new OffHeapHashStore("extremes", keyLongs, 8, 0))
            {
                final Map<Key, Long> model = new HashMap<>();
                long value = 1;
                for (final long k0 : EXTREME_KEYS)
                {
                    for (final long k1 : EXTREME_KEYS)
                    {
                        for (final long k2 : EXTREME_KEYS)
                        {
                            final Key key = modelKey(keyLongs, k0, k1, k2);
                            final int offset = store.getOrInsert(k0, k1, k2);
                            assertThat(store.inserted()).isEqualTo(!model.containsKey(key));
                            store.buffer().putLong(offset, value);
                            model.put(key, value);
                            value++;
                        }
                    }
                }
                assertThat(store.size()).isEqualTo((int)Math.pow(4, keyLongs));
                for (final Map.Entry<Key, Long> entry : model.entrySet())
                {
                    final Key key = entry.getKey();
                    assertThat(findLong(store, key.k0(), key.k1(), key.k2())).isEqualTo(entry.getValue());
                }

                assertThat(store.remove(0, 0, 0)).isTrue();
                assertThat(store.find(0, 0, 0)).isEqualTo(OffHeapHashStore.NOT_FOUND);
                assertThat(store.remove(Long.MIN_VALUE, Long.MAX_VALUE, -1)).isTrue();
                assertThat(store.find(Long.MIN_VALUE, Long.MAX_VALUE, -1)).isEqualTo(OffHeapHashStore.NOT_FOUND);
                assertThat(store.size()).isEqualTo(model.size() - 2);
            }
        }
    }

    @Test
    void shouldIgnoreKeyLongsBeyondTheKeyWidth()
    {
        try (OffHeapHashStore store = new OffHeapHashStore("narrow", 1, 8, 0))
        {
            insertLong(store, 5, 1, 2, 42);
            assertThat(store.getOrInsert(5, 9, 9)).isEqualTo(store.find(5, -3, 7));
            assertThat(store.inserted()).isFalse();
            store.forEach((k0, k1, k2, buffer, offset) ->
            {
                assertThat(new long[]{ k0, k1, k2 }).containsExactly(5, 0, 0);
                assertThat(buffer.getLong(offset)).isEqualTo(42);
            });
        }
    }

    @Test
    void shouldRestoreIntoAStoreOfAnotherCapacityAndReplaceItsContent()
    {
        try (OffHeapHashStore source = new OffHeapHashStore("source", 2, 8, 10_000);
            OffHeapHashStore target = new OffHeapHashStore("target", 2, 8, 0))
        {
            for (long key = 0; key < 1000; key++)
            {
                insertLong(source, key, key + 1, 0, key * key);
            }
            target.getOrInsert(-5, -5, 0);

            final SnapshotWriter out = new SnapshotWriter();
            source.snapshot(out);
            target.restore(new SnapshotReader(out.toByteArray(), "source snapshot"));

            assertThat(target.size()).isEqualTo(1000);
            assertThat(target.capacity()).isLessThan(source.capacity());
            assertThat(target.find(-5, -5, 0)).isEqualTo(OffHeapHashStore.NOT_FOUND);
            for (long key = 0; key < 1000; key++)
            {
                assertThat(findLong(target, key, key + 1, 0)).isEqualTo(key * key);
            }
        }
    }

    @Test
    void shouldRejectATruncatedSnapshotNamingTheStoreAndLeaveItUnchanged()
    {
        try (OffHeapHashStore source = new OffHeapHashStore("orders", 1, 8, 0);
            OffHeapHashStore target = new OffHeapHashStore("orders", 1, 8, 0))
        {
            for (long key = 0; key < 10; key++)
            {
                insertLong(source, key, 0, 0, key);
            }
            insertLong(target, 77, 0, 0, 78);
            final SnapshotWriter out = new SnapshotWriter();
            source.snapshot(out);
            final byte[] bytes = out.toByteArray();

            final byte[] cutInEntries = Arrays.copyOf(bytes, bytes.length - 3);
            assertThatThrownBy(() -> target.restore(new SnapshotReader(cutInEntries, "checkpoint 7")))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("checkpoint 7")
                .hasMessageContaining("OffHeapHashStore 'orders'")
                .hasMessageContaining("10 entries")
                .hasMessageContaining("truncated");
            assertThat(target.size()).isEqualTo(1);
            assertThat(findLong(target, 77, 0, 0)).isEqualTo(78);

            final byte[] cutInHeader = Arrays.copyOf(bytes, 6);
            assertThatThrownBy(() -> target.restore(new SnapshotReader(cutInHeader, "checkpoint 8")))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("truncated snapshot checkpoint 8");
        }
    }

    @Test
    void shouldRejectASnapshotOfAnotherKeyOrValueWidth()
    {
        try (OffHeapHashStore wide = new OffHeapHashStore("wide", 3, 8, 0);
            OffHeapHashStore narrow = new OffHeapHashStore("narrow", 2, 8, 0);
            OffHeapHashStore bigValues = new OffHeapHashStore("big", 3, 16, 0))
        {
            wide.getOrInsert(1, 2, 3);
            final SnapshotWriter out = new SnapshotWriter();
            wide.snapshot(out);
            final byte[] bytes = out.toByteArray();

            assertThatThrownBy(() -> narrow.restore(new SnapshotReader(bytes, "wide.snap")))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("wide.snap")
                .hasMessageContaining("OffHeapHashStore 'narrow'")
                .hasMessageContaining("keyLongs=2")
                .hasMessageContaining("keyLongs=3");
            assertThatThrownBy(() -> bigValues.restore(new SnapshotReader(bytes, "wide.snap")))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("valueBytes=16")
                .hasMessageContaining("valueBytes=8");
        }
    }

    @Test
    void shouldRejectASnapshotWithAnImpossibleCountOrDuplicateKeys()
    {
        try (OffHeapHashStore store = new OffHeapHashStore("counts", 1, 0, 0))
        {
            final SnapshotWriter negative = new SnapshotWriter().putInt(1).putInt(0).putInt(-4);
            assertThatThrownBy(() -> store.restore(new SnapshotReader(negative.toByteArray(), "negative")))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("count -4");

            final SnapshotWriter duplicate = new SnapshotWriter().putInt(1).putInt(0).putInt(2).putLong(9).putLong(9);
            assertThatThrownBy(() -> store.restore(new SnapshotReader(duplicate.toByteArray(), "duplicate")))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("twice");
        }
    }

    @Test
    void shouldValidateConstructorArgumentsNamingTheStore()
    {
        assertThatThrownBy(() -> new OffHeapHashStore("s1", 0, 8, 0))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'s1'")
            .hasMessageContaining("keyLongs")
            .hasMessageContaining("was 0");
        assertThatThrownBy(() -> new OffHeapHashStore("s2", 4, 8, 0))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'s2'")
            .hasMessageContaining("was 4");
        assertThatThrownBy(() -> new OffHeapHashStore("s3", 1, -1, 0))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'s3'")
            .hasMessageContaining("valueBytes")
            .hasMessageContaining("was -1");
        assertThatThrownBy(() -> new OffHeapHashStore("s4", 1, 8, -1))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'s4'")
            .hasMessageContaining("initialCapacity")
            .hasMessageContaining("was -1");
        assertThatThrownBy(() -> new OffHeapHashStore("s5", 1, 8, Integer.MAX_VALUE))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'s5'")
            .hasMessageContaining(String.valueOf(Integer.MAX_VALUE))
            .hasMessageContaining("below 2^31 bytes");
        assertThatThrownBy(() -> new OffHeapHashStore("s6", 3, Integer.MAX_VALUE, 0))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'s6'")
            .hasMessageContaining("below 2^31 bytes");
    }

    @Test
    void shouldFailClearlyWhenGrowthWouldExceedTheTableLimitAndKeepItsEntries()
    {
        // 16-byte slots and a 256-byte limit: at most 16 slots, so at most 11 entries.
        try (OffHeapHashStore store = new OffHeapHashStore("capped", 1, 0, 0, 256))
        {
            for (long key = 0; key < 11; key++)
            {
                store.getOrInsert(key, 0, 0);
            }
            while (store.migrating())
            {
                store.getOrInsert(0, 0, 0);
            }
            assertThat(store.capacity()).isEqualTo(16);

            assertThatThrownBy(() -> store.getOrInsert(11, 0, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OffHeapHashStore 'capped'")
                .hasMessageContaining("below 2^31 bytes");
            assertThat(store.size()).isEqualTo(11);
            assertThat(store.getOrInsert(10, 0, 0)).isNotNegative();
            assertThat(store.inserted()).isFalse();
            assertThat(store.remove(3, 0, 0)).isTrue();
            store.getOrInsert(11, 0, 0);
            assertThat(store.inserted()).isTrue();
        }
    }

    @Test
    void shouldClearEverythingKeepingTheCurrentTable()
    {
        try (OffHeapHashStore store = new OffHeapHashStore("cleared", 1, 8, 0))
        {
            long key = 0;
            while (!store.migrating())
            {
                insertLong(store, key++, 0, 0, -1);
            }
            final int capacity = store.capacity();
            store.clear();

            assertThat(store.size()).isZero();
            assertThat(store.migrating()).isFalse();
            assertThat(store.capacity()).isEqualTo(capacity);
            assertThat(store.memoryBytes()).isEqualTo((long)capacity * store.slotBytes() + OffHeapHashStore.TABLE_ALIGNMENT_BYTES);
            assertThat(store.find(0, 0, 0)).isEqualTo(OffHeapHashStore.NOT_FOUND);
            final int[] visits = { 0 };
            store.forEach((k0, k1, k2, buffer, offset) -> visits[0]++);
            assertThat(visits[0]).isZero();
            final int offset = store.getOrInsert(0, 0, 0);
            assertThat(store.buffer().getLong(offset)).isZero();
        }
    }

    @Test
    void shouldReleaseMemoryOnCloseAndTolerateASecondClose()
    {
        final OffHeapHashStore store = new OffHeapHashStore("closed", 2, 8, 100);
        assertThat(store.memoryBytes()).isEqualTo((long)store.capacity() * store.slotBytes() + OffHeapHashStore.TABLE_ALIGNMENT_BYTES).isPositive();
        store.close();
        assertThat(store.memoryBytes()).isZero();
        store.close();
    }

    /** Headers and keys are read without Agrona's bounds check: a closed store must fail in Java, not read freed memory. */
    @Test
    void shouldFailInsteadOfReadingFreedMemoryWhenUsedAfterClose()
    {
        final OffHeapHashStore store = new OffHeapHashStore("closed", 1, 8, 100);
        insertLong(store, 7, 0, 0, 42);
        store.close();
        assertThatThrownBy(() -> store.find(7, 0, 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.getOrInsert(8, 0, 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.touch(7, 0, 0)).isInstanceOf(NullPointerException.class);
    }

    private static void insertLong(
        final OffHeapHashStore store, final long k0, final long k1, final long k2, final long value)
    {
        // Not store.buffer().putLong(store.getOrInsert(...), value): Java reads buffer() first, and an
        // insert that grows the table replaces it.
        final int offset = store.getOrInsert(k0, k1, k2);
        store.buffer().putLong(offset, value);
    }

    private static long findLong(final OffHeapHashStore store, final long k0, final long k1, final long k2)
    {
        final int offset = store.find(k0, k1, k2);
        assertThat(offset).as("offset of (%d, %d, %d)", k0, k1, k2).isNotEqualTo(OffHeapHashStore.NOT_FOUND);
        return store.buffer().getLong(offset);
    }

    private static Key modelKey(final int keyLongs, final long k0, final long k1, final long k2)
    {
        return new Key(k0, keyLongs > 1 ? k1 : 0, keyLongs > 2 ? k2 : 0);
    }

    private static List<Long> keysWithHome(final OffHeapHashStore store, final int home, final int mask, final int count)
    {
        final List<Long> keys = new ArrayList<>();
        for (long key = 0; keys.size() < count; key++)
        {
            if (OffHeapHashStore.homeIndex(store.hash(key, 0, 0) | OffHeapHashStore.OCCUPIED_BIT, mask) == home)
            {
                keys.add(key);
            }
        }
        return keys;
    }

    private static byte[] pattern(final long value, final int valueBytes)
    {
        final byte[] bytes = new byte[valueBytes];
        for (int i = 0; i < valueBytes; i++)
        {
            bytes[i] = (byte)(value >>> (8 * (i % 8)));
        }
        return bytes;
    }

    private static byte[] valueAt(final OffHeapHashStore store, final int offset, final int valueBytes)
    {
        final byte[] bytes = new byte[valueBytes];
        store.buffer().getBytes(offset, bytes);
        return bytes;
    }

    private static void assertValue(final OffHeapHashStore store, final int offset, final long expected)
    {
        assertThat(offset + store.valueBytes()).isLessThanOrEqualTo(store.buffer().capacity());
        assertThat(valueAt(store, offset, store.valueBytes())).isEqualTo(pattern(expected, store.valueBytes()));
    }

    private static void assertMemoryAccounting(final OffHeapHashStore store)
    {
        final long slots = store.capacity() + (store.migrating() ? store.capacity() / 2 : 0);
        final int tables = store.migrating() ? 2 : 1;
        assertThat(store.memoryBytes()).isEqualTo(slots * store.slotBytes() + tables * OffHeapHashStore.TABLE_ALIGNMENT_BYTES);
    }

    private static void assertContentEquals(final OffHeapHashStore store, final Map<Key, Long> model)
    {
        assertThat(store.size()).isEqualTo(model.size());
        for (final Map.Entry<Key, Long> entry : model.entrySet())
        {
            final Key key = entry.getKey();
            final int offset = store.find(key.k0(), key.k1(), key.k2());
            assertThat(offset).as("offset of %s", key).isNotEqualTo(OffHeapHashStore.NOT_FOUND);
            assertValue(store, offset, entry.getValue());
        }

        final Map<Key, byte[]> visited = new HashMap<>();
        store.forEach((k0, k1, k2, buffer, offset) ->
        {
            final byte[] bytes = new byte[store.valueBytes()];
            buffer.getBytes(offset, bytes);
            assertThat(visited.put(new Key(k0, k1, k2), bytes)).as("visited twice").isNull();
        });
        assertThat(visited.keySet()).isEqualTo(model.keySet());
        visited.forEach((key, bytes) -> assertThat(bytes).isEqualTo(pattern(model.get(key), store.valueBytes())));
    }
}
