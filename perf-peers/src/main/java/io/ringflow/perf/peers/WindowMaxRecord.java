package io.ringflow.perf.peers;

import io.ringflow.perf.nexmark.WindowMax;

/**
 * Q5's and Q7's result on Flink, field for field Ringflow's {@link WindowMax}: for the window ending at
 * {@link #windowEnd}, the largest {@link #value} and the id holding it. A Flink POJO.
 * <p>
 * Threading: not thread-safe; Flink hands a record to one operator at a time.
 */
public class WindowMaxRecord implements ResultRecord
{
    /** The window's end, exclusive, ms. */
    public long windowEnd;
    /** The id holding the maximum (an auction). */
    public long id;
    /** The maximum (a bid count, or a price in cents). */
    public long value;

    /** For Flink's POJO serializer. */
    public WindowMaxRecord()
    {
    }

    /**
     * @param windowEnd the window's end, exclusive, ms.
     * @param packed    a {@link WindowMax#pack}ed value and id.
     * @return the result.
     */
    public static WindowMaxRecord of(final long windowEnd, final long packed)
    {
        final WindowMax unpacked = new WindowMax().set(windowEnd, packed);
        final WindowMaxRecord result = new WindowMaxRecord();
        result.windowEnd = windowEnd;
        result.id = unpacked.id();
        result.value = unpacked.value();
        return result;
    }

    @Override
    public long resultHash()
    {
        return ResultHash.window(windowEnd, id, value);
    }

    @Override
    public String render()
    {
        return new WindowMax().set(windowEnd, WindowMax.pack(value, id)).toString();
    }

    @Override
    public String toString()
    {
        return render();
    }
}
