package io.ringflow.operators.stateless;

import io.ringflow.operators.AbstractOperator;
import io.ringflow.operators.OutputTag;
import io.ringflow.operators.Timestamps;
import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;

import java.util.Objects;

/**
 * Runs a {@link ProcessFunction}: main output, side outputs and event-time reads for user code, with
 * nothing allocated per record (the context is one object made with the operator).
 * <p>
 * Keeps no per-key state; its only state is the last watermark received, which it snapshots so that
 * a function reading {@link ProcessFunction.Context#currentWatermark()} behaves the same after a
 * restore as in an uninterrupted run.
 * <p>
 * Threading: single-threaded, called on the operator's thread.
 *
 * @param <I> input type.
 * @param <O> main-output type.
 */
public final class ProcessOperator<I, O> extends AbstractOperator<I, O>
{
    private final String name;
    private final ProcessFunction<I, O> function;
    private final CallContext context = new CallContext();
    private long currentWatermark = Timestamps.MIN_WATERMARK;
    private long inputTimestamp;
    private boolean inCall;

    /**
     * @param name     names the operator in errors.
     * @param function the user function.
     */
    public ProcessOperator(final String name, final ProcessFunction<I, O> function)
    {
        this.name = StatelessOperator.requireName(name);
        this.function = Objects.requireNonNull(function, "function");
    }

    @Override
    public void processRecord(final I record, final long timestamp)
    {
        inputTimestamp = timestamp;
        inCall = true;
        try
        {
            function.processElement(record, context);
        }
        finally
        {
            // a throwing function must not leave the context usable outside a call
            inCall = false;
        }
    }

    @Override
    public void processWatermark(final long watermark)
    {
        currentWatermark = watermark;
        output.emitWatermark(watermark);
    }

    /** @return the name given at construction. */
    public String name()
    {
        return name;
    }

    /** @return the last watermark received, {@link Timestamps#MIN_WATERMARK} before any. */
    public long currentWatermark()
    {
        return currentWatermark;
    }

    @Override
    public String snapshotType()
    {
        return "process";
    }

    @Override
    public int snapshotVersion()
    {
        return 1;
    }

    /** Layout v1: the last watermark received (long). */
    @Override
    public void snapshotState(final SnapshotWriter out)
    {
        out.putLong(currentWatermark);
    }

    @Override
    public void restoreState(final SnapshotReader in, final int version)
    {
        currentWatermark = in.getLong();
    }

    private void checkInCall()
    {
        if (!inCall)
        {
            throw new IllegalStateException(
                "process '" + name + "': context used outside processElement; it must not be kept");
        }
    }

    private final class CallContext implements ProcessFunction.Context<O>
    {
        @Override
        public void emit(final O record)
        {
            checkInCall();
            output.emit(record, inputTimestamp);
        }

        @Override
        public <S> void output(final OutputTag<S> tag, final S record)
        {
            checkInCall();
            output.emitSide(tag, record, inputTimestamp);
        }

        @Override
        public long timestamp()
        {
            checkInCall();
            return inputTimestamp;
        }

        @Override
        public long currentWatermark()
        {
            return currentWatermark;
        }
    }
}
