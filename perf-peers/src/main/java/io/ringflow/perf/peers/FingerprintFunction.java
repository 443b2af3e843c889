package io.ringflow.perf.peers;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The measured Flink jobs' sink end: adds each result to a {@link Fingerprint}'s two numbers, kept in Flink
 * accumulators so that the job's {@code JobExecutionResult} carries them back, and emits nothing (a
 * {@code DiscardingSink} follows, chained). Results do not leave the task, which keeps the sink as cheap as
 * the Ringflow side's {@link RingflowOutput}.
 * <p>
 * Threading: Flink's contract: called on the task's thread only.
 *
 * @param <T> the query's result type.
 */
final class FingerprintFunction<T extends ResultRecord> extends ProcessFunction<T, Void>
{
    /** Accumulator holding the result count. */
    static final String COUNT = "ringflow.results";
    /** Accumulator holding the checksum. */
    static final String CHECKSUM = "ringflow.checksum";
    private static final long serialVersionUID = 1L;

    private transient LongCounter count;
    private transient LongCounter checksum;

    @Override
    public void open(final OpenContext openContext)
    {
        count = new LongCounter();
        checksum = new LongCounter();
        getRuntimeContext().addAccumulator(COUNT, count);
        getRuntimeContext().addAccumulator(CHECKSUM, checksum);
    }

    @Override
    public void processElement(final T result, final Context context, final Collector<Void> out)
    {
        count.add(1);
        // The sum wraps on overflow, as Fingerprint's does: the checksum is a sum modulo 2^64.
        checksum.add(Fingerprint.term(result.resultHash(), context.timestamp()));
    }
}
