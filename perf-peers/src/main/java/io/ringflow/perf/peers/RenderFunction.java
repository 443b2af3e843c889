package io.ringflow.perf.peers;

import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * For tests: each result rendered as the Ringflow result renders, with its timestamp
 * ({@code "WindowMax(end 102000 id 3 value 2) at 101999"}), so the two engines' outputs compare as lists.
 * <p>
 * Threading: Flink's contract: called on the task's thread only.
 *
 * @param <T> the query's result type.
 */
final class RenderFunction<T extends ResultRecord> extends ProcessFunction<T, String>
{
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(final T result, final Context context, final Collector<String> out)
    {
        out.collect(result.render() + " at " + context.timestamp());
    }
}
