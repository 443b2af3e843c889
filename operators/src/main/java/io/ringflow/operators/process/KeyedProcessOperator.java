package io.ringflow.operators.process;

import io.ringflow.operators.Collector;
import io.ringflow.operators.KeySelector;
import io.ringflow.operators.OneInputOperator;
import io.ringflow.operators.Output;
import io.ringflow.operators.OutputTag;
import io.ringflow.operators.Timestamps;
import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import io.ringflow.operators.state.OffHeapHashStore;
import io.ringflow.operators.time.TimerQueue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs a {@link KeyedProcessFunction}: sets the current key, hands it its states and timers, fires
 * timers on watermarks before forwarding them. State and timers live off-heap and are snapshotted with
 * the watermark.
 * <p>
 * Threading: the runtime contract of {@code io.ringflow.operators}.
 *
 * @param <I> input type.
 * @param <O> output type.
 */
public final class KeyedProcessOperator<I, O>
    implements OneInputOperator<I, O>, KeyedProcessFunction.Context, Collector<O>, KeyedStateRegistry, KeyScope
{
    private final String name;
    private final KeySelector<I> keySelector;
    private final KeyedProcessFunction<I, O> function;
    private final int expectedKeys;
    private final TimerQueue timers;
    private final List<String> stateNames = new ArrayList<>();
    private final List<OffHeapHashStore> stateStores = new ArrayList<>();

    private Output<O> output;
    private long watermark = Timestamps.MIN_WATERMARK;
    private long currentKey;
    private long currentTimestamp;
    private boolean opening;

    /**
     * @param name         names the operator in errors and snapshots.
     * @param keySelector  the key of each record.
     * @param function     the user's logic.
     * @param expectedKeys presizes state and timers.
     */
    public KeyedProcessOperator(
        final String name, final KeySelector<I> keySelector, final KeyedProcessFunction<I, O> function, final int expectedKeys)
    {
        this.name = Objects.requireNonNull(name, "name");
        this.keySelector = Objects.requireNonNull(keySelector, "keySelector");
        this.function = Objects.requireNonNull(function, "function");
        if (expectedKeys <= 0)
        {
            throw new IllegalArgumentException("keyed process operator '" + name + "': expected keys must be > 0, was " +
                expectedKeys);
        }
        this.expectedKeys = expectedKeys;
        this.timers = new TimerQueue(name + ".timers", expectedKeys);
    }

    @Override
    public void open(final Output<O> output)
    {
        if (this.output != null)
        {
            throw new IllegalStateException("keyed process operator '" + name + "' is already open");
        }
        this.output = output;
        opening = true;
        function.open(this);
        opening = false;
    }

    @Override
    public ValueState valueState(final String stateName, final int bytes)
    {
        if (!opening)
        {
            throw new IllegalStateException("operator '" + name + "': declare state '" + stateName + "' in open()");
        }
        if (bytes <= 0)
        {
            throw new IllegalArgumentException("state '" + stateName + "' of operator '" + name +
                "' must be > 0 bytes wide, was " + bytes);
        }
        if (stateNames.contains(stateName))
        {
            throw new IllegalArgumentException("operator '" + name + "' already has a state named '" + stateName + "'");
        }
        final OffHeapHashStore store = new OffHeapHashStore(name + "." + stateName, 1, bytes, expectedKeys);
        stateNames.add(stateName);
        stateStores.add(store);
        return new ValueState(stateName, store, this, bytes);
    }

    @Override
    public LongValueState longState(final String stateName)
    {
        return new LongValueState(valueState(stateName, Long.BYTES));
    }

    @Override
    public void processRecord(final I record, final long timestamp)
    {
        currentKey = keySelector.key(record);
        currentTimestamp = timestamp;
        function.processElement(record, this, this);
    }

    @Override
    public void processWatermark(final long watermark)
    {
        if (watermark <= this.watermark)
        {
            return;
        }
        this.watermark = watermark;
        while (timers.poll(watermark))
        {
            currentKey = timers.key();
            currentTimestamp = timers.timestamp();
            function.onTimer(currentTimestamp, this, this);
        }
        output.emitWatermark(watermark);
    }

    @Override
    public void processIdle()
    {
        output.emitIdle();
    }

    @Override
    public void collect(final O record)
    {
        output.emit(record, currentTimestamp);
    }

    @Override
    public long currentKey()
    {
        return currentKey;
    }

    @Override
    public long timestamp()
    {
        return currentTimestamp;
    }

    @Override
    public long currentWatermark()
    {
        return watermark;
    }

    @Override
    public void registerEventTimeTimer(final long timestamp)
    {
        timers.register(timestamp, currentKey, 0);
    }

    @Override
    public void deleteEventTimeTimer(final long timestamp)
    {
        timers.delete(timestamp, currentKey, 0);
    }

    @Override
    public <S> void output(final OutputTag<S> tag, final S record)
    {
        output.emitSide(tag, record, currentTimestamp);
    }

    /** @return pending timers. */
    public int pendingTimers()
    {
        return timers.size();
    }

    /** @return off-heap bytes held by states and timers. */
    public long memoryBytes()
    {
        long bytes = timers.memoryBytes();
        for (final OffHeapHashStore store : stateStores)
        {
            bytes += store.memoryBytes();
        }
        return bytes;
    }

    @Override
    public String snapshotType()
    {
        return "keyed-process";
    }

    @Override
    public int snapshotVersion()
    {
        return 1;
    }

    @Override
    public void snapshotState(final SnapshotWriter out)
    {
        out.putLong(watermark);
        timers.snapshot(out);
        out.putInt(stateStores.size());
        for (int i = 0; i < stateStores.size(); i++)
        {
            out.putString(stateNames.get(i));
            stateStores.get(i).snapshot(out);
        }
    }

    @Override
    public void restoreState(final SnapshotReader in, final int version)
    {
        watermark = in.getLong();
        timers.restore(in);
        final int count = in.getCount("state", stateStores.size());
        if (count != stateStores.size())
        {
            throw in.corrupt("operator '" + name + "' snapshot holds " + count + " states, the function declares " +
                stateStores.size() + " " + stateNames);
        }
        for (int i = 0; i < count; i++)
        {
            final String stored = in.getString();
            if (!stored.equals(stateNames.get(i)))
            {
                throw in.corrupt("operator '" + name + "' snapshot state " + i + " is '" + stored + "', expected '" +
                    stateNames.get(i) + "'");
            }
            stateStores.get(i).restore(in);
        }
    }

    @Override
    public void close()
    {
        timers.close();
        for (final OffHeapHashStore store : stateStores)
        {
            store.close();
        }
    }
}
