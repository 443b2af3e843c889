package io.ringflow.pipeline;

import io.ringflow.operators.window.WindowResult;

/**
 * How {@link WindowResult}s cross rings: a pre-allocated result with the aggregate's slot count, copied
 * field by field.
 */
public final class WindowResultType
{
    private WindowResultType()
    {
    }

    /**
     * @param slots result slots of the aggregate that produces them.
     * @return the record type.
     */
    public static RecordType<WindowResult> withSlots(final int slots)
    {
        return RecordType.of("WindowResult[" + slots + "]", () -> new WindowResult(slots), (from, to) ->
        {
            to.set(from.key(), from.start(), from.end(), from.kind());
            for (int i = 0; i < slots; i++)
            {
                to.setLong(i, from.longValue(i));
            }
        });
    }
}
