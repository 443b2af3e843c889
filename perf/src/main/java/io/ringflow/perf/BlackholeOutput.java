package io.ringflow.perf;

import io.ringflow.operators.Output;
import io.ringflow.operators.OutputTag;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The end of a benchmarked chain: every record, watermark and side-output record goes into a
 * {@link Blackhole} so that the JIT cannot drop the work that produced it, and is counted so that a
 * benchmark can check at tear-down that its workload did what it claims (windows fired, duplicates
 * were found). Allocates nothing.
 *
 * @param <T> record type.
 */
public final class BlackholeOutput<T> implements Output<T>
{
    private Blackhole blackhole;
    private long records;
    private long watermarks;
    private long sideRecords;

    /**
     * Set the sink; benchmarks call it at the start of every invocation with the Blackhole JMH passes
     * in (one field store per batch).
     *
     * @param blackhole JMH's sink.
     * @return this.
     */
    public BlackholeOutput<T> sinkTo(final Blackhole blackhole)
    {
        this.blackhole = blackhole;
        return this;
    }

    @Override
    public void emit(final T record, final long timestamp)
    {
        records++;
        blackhole.consume(record);
        blackhole.consume(timestamp);
    }

    @Override
    public void emitWatermark(final long watermark)
    {
        watermarks++;
        blackhole.consume(watermark);
    }

    @Override
    public void emitIdle()
    {
    }

    @Override
    public <S> void emitSide(final OutputTag<S> tag, final S record, final long timestamp)
    {
        sideRecords++;
        blackhole.consume(record);
    }

    /** @return records emitted on the main output so far. */
    public long records()
    {
        return records;
    }

    /** @return watermarks emitted so far. */
    public long watermarks()
    {
        return watermarks;
    }

    /** @return side-output records (rejections) so far. */
    public long sideRecords()
    {
        return sideRecords;
    }
}
