package io.ringflow.pipeline.runtime;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.Sequence;
import io.ringflow.operators.OneInputOperator;
import io.ringflow.operators.Timestamps;
import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import io.ringflow.operators.time.WatermarkCombiner;
import io.ringflow.pipeline.DeadLetter;
import io.ringflow.pipeline.DeadLetterHandler;
import io.ringflow.pipeline.ErrorPolicy;
import io.ringflow.pipeline.PipelineException;
import io.ringflow.pipeline.metrics.LatencyRecorder;
import io.ringflow.pipeline.metrics.PipelineCounters;
import io.ringflow.pipeline.metrics.StageCounters;
import org.agrona.concurrent.EpochClock;

import java.util.function.LongSupplier;

/**
 * One stage: a fused operator chain fed by one ring. {@link #doWork()} takes what the ring holds (up
 * to a batch limit), runs it through the chain and returns how much it did — the Agrona agent contract,
 * so the same stage runs on its own thread ({@link StageRunner}) or is stepped by hand.
 * <p>
 * Events are dispatched in ring order: records to the chain under the {@link ErrorPolicy}; watermarks
 * combined over the ring's producers (the minimum over active inputs, see {@link WatermarkCombiner});
 * end-of-stream once every producer has sent it, after firing everything with a final
 * {@link Timestamps#END_OF_STREAM} watermark.
 * <p>
 * Threading: one thread at a time (the runner's, or the stepping caller's).
 *
 * @param <I> input record type.
 * @param <O> output record type.
 */
final class Stage<I, O> implements EventPoller.Handler<I>
{
    final String name;
    private final Ring<I> input;
    private final Envelopes envelopes;
    private final boolean ingress;
    private final OneInputOperator<I, O> chain;
    private final StageOutput<O> output;
    private final WatermarkCombiner combiner;
    private final ErrorPolicy errorPolicy;
    private final DeadLetterHandler deadLetters;
    private final DeadLetter deadLetter = new DeadLetter();
    private final EpochClock clock;
    private final int batchLimit;
    private final int idleCyclesPerTick;
    private final StageCounters counters;
    private final LatencyRecorder serviceTime;
    private final LatencyRecorder endToEnd;

    /** Events between two readings of the clock and publications of the counters, at the most. */
    static final int HOUSEKEEPING_INTERVAL_EVENTS = 1024;

    private int batchCount;
    private int eventsSinceHousekeeping;
    private int idleCycles;
    private boolean countersPublished;
    private int endOfStreams;
    private boolean finished;
    private long currentWatermark = Timestamps.MIN_WATERMARK;
    private long highestTimestamp = Timestamps.MIN_WATERMARK;
    private long lastTickMs = Long.MIN_VALUE;
    private long recordsIn;
    private long deadLetterCount;
    private long lastSequence = -1;
    private boolean clockTicks = true;
    private StageCheckpoints checkpoints;
    private PipelineCounters pipelineCounters;
    private LongSupplier acceptedCount;
    /** How many partitions its stage runs, when it is one of them (its state holds only the keys it owns). */
    private int partitionCount;
    /**
     * Where a partition of a sequenced pipeline says which input ring slots it has processed and published
     * the outputs of; null elsewhere. Such a partition also reads its ring's merge orders and hands them
     * to its outputs.
     */
    private Sequence done;
    /** Where it says the merge order of the last input it has handled and published the outputs of. */
    private final Sequence doneOrder = new Sequence(0);
    private long handledOrder;
    /** Its input: several partitions' rings merged in order, or null for the one ring. */
    private MergedInput<I> merged;
    private int barriersSeen;
    private int ticksSeen;
    private boolean running;

    Stage(
        final String name,
        final Ring<I> input,
        final OneInputOperator<I, O> chain,
        final StageOutput<O> output,
        final ErrorPolicy errorPolicy,
        final DeadLetterHandler deadLetters,
        final EpochClock clock,
        final int batchLimit,
        final int idleCyclesPerTick,
        final StageCounters counters,
        final LatencyRecorder serviceTime,
        final LatencyRecorder endToEnd)
    {
        this.name = name;
        this.input = input;
        this.envelopes = input.envelopes;
        this.ingress = input.ingress;
        this.chain = chain;
        this.output = output;
        this.combiner = input.inputs > 1 ? new WatermarkCombiner(input.inputs) : null;
        this.errorPolicy = errorPolicy;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.batchLimit = batchLimit;
        this.idleCyclesPerTick = idleCyclesPerTick;
        this.counters = counters;
        this.serviceTime = serviceTime;
        this.endToEnd = endToEnd;
        input.consumer(this);
        chain.open(output);
    }

    /**
     * Processing time arrives in-band (TICK events from a sequenced ingress) instead of from the clock,
     * so that a replay delivers it at the same place in the stream.
     */
    void processingTimeInBand()
    {
        clockTicks = false;
    }

    /**
     * The first stage publishes the ingress's accepted count with its own counters: the ingress keeps no
     * shared per-record counter (claims minus skips), so someone has to copy the total into the file.
     *
     * @param counters      the pipeline's counters.
     * @param acceptedCount the ingress's accepted total.
     */
    void publishesAccepted(final PipelineCounters counters, final LongSupplier acceptedCount)
    {
        this.pipelineCounters = counters;
        this.acceptedCount = acceptedCount;
    }

    /**
     * A partition of a key-partitioned stage in a sequenced pipeline: its outputs inherit the merge order
     * of the event they come from, and it publishes its progress for the merging stage.
     *
     * @param partitions how many partitions the stage runs; its checkpoints record it, and a restore into
     *                   another count is refused (each partition's state holds the keys that hash to it).
     */
    void readOrders(final int partitions)
    {
        partitionCount = partitions;
        done = new Sequence();
    }

    /** @return the last input ring slot whose outputs it has published ({@link #readOrders} only). */
    Sequence done()
    {
        return done;
    }

    /**
     * Read several partitions' rings in merge order instead of {@link #input()} alone.
     *
     * @param merged the merged rings ({@link #input()} is the first of them).
     */
    void mergeFrom(final MergedInput<I> merged)
    {
        this.merged = merged;
    }

    /**
     * @param listener receives this stage's state at each barrier.
     */
    void checkpoints(final CheckpointListener listener)
    {
        checkpoints = new StageCheckpoints(this, listener);
    }

    /**
     * Restore a checkpoint's state into this freshly built stage.
     *
     * @param states where the state is.
     */
    void restore(final StageStates states)
    {
        final StageCheckpoints restorer = null == checkpoints ? new StageCheckpoints(this, null) : checkpoints;
        restorer.restore(states);
    }

    /**
     * Process what the input ring holds, up to the batch limit.
     *
     * @return events processed (0 when idle or finished).
     */
    int doWork()
    {
        if (finished)
        {
            return 0;
        }
        batchCount = 0;
        running = true;
        try
        {
            if (null == merged)
            {
                input.poller.poll(this);
            }
            else
            {
                merged.poll(this, batchLimit);
            }
        }
        catch (final RuntimeException | Error ex)
        {
            throw ex;
        }
        catch (final Exception ex)
        {
            throw new PipelineException("stage '" + name + "': " + ex, ex);
        }
        finally
        {
            running = false;
        }
        if (batchCount > 0)
        {
            output.endOfBatch();
            output.sideOutputs().endOfBatch();
            if (null != done)
            {
                done.set(input.consumedSequence());
                doneOrder.set(handledOrder);
            }
            eventsSinceHousekeeping += batchCount;
            if (eventsSinceHousekeeping >= HOUSEKEEPING_INTERVAL_EVENTS)
            {
                housekeeping();
            }
        }
        else if (eventsSinceHousekeeping > 0 || ++idleCycles >= idleCyclesPerTick)
        {
            // processing time must advance while nothing arrives, but a spinning stage polls millions of
            // times a second, and work here would take the core from the producer beside it
            idleCycles = 0;
            housekeeping();
        }
        return batchCount;
    }

    /**
     * Clock and counters are not per batch: under load a batch can be one event, and reading the clock
     * plus eleven counter stores would cost more than the event. They run at least every
     * {@link #HOUSEKEEPING_INTERVAL_EVENTS} events, when the ring is first found empty, and while it stays
     * empty every {@code idleCyclesPerTick} polls (1 for stages that park or block between polls, 64 for
     * spinning ones).
     */
    private void housekeeping()
    {
        if (eventsSinceHousekeeping > 0 || !countersPublished)
        {
            eventsSinceHousekeeping = 0;
            countersPublished = true;
            publishCounters();
        }
        if (clockTicks && tickProcessingTime())
        {
            // processing time may have made operators emit (idleness): publish it now
            output.endOfBatch();
        }
    }

    private void publishCounters()
    {
        if (null != acceptedCount)
        {
            pipelineCounters.publishAccepted(acceptedCount.getAsLong());
        }
        counters.publishTotals(
            recordsIn,
            output.recordsOut(),
            occupancy(),
            output.backPressureWaits(),
            output.backPressureNs(),
            currentWatermark,
            highestTimestamp,
            output.sideOutputs().late(),
            deadLetterCount);
    }

    private boolean tickProcessingTime()
    {
        final long nowMs = clock.time();
        if (nowMs != lastTickMs)
        {
            lastTickMs = nowMs;
            chain.onProcessingTime(nowMs);
            return true;
        }
        return false;
    }

    /**
     * @return the merge order of the last input this partition has handled and published the outputs
     * of: its inputs come in rising order, so it will not emit anything of that order or below again.
     */
    Sequence doneOrder()
    {
        return doneOrder;
    }

    /** @return true while {@link #doWork()} runs (a stepped merge must not step a stage below it on the stack). */
    boolean isRunning()
    {
        return running;
    }

    @Override
    public boolean onEvent(final I record, final long ringSequence, final boolean endOfBatch)
    {
        final int index = envelopes.index(ringSequence);
        if (ingress)
        {
            if (Envelopes.RECORD != envelopes.kinds[index])
            {
                final int kind = envelopes.kinds[index];
                // undo the rare control write, so that producers of records never need to write a kind
                envelopes.kinds[index] = Envelopes.RECORD;
                return dispatch(record, envelopes, index, ringSequence, kind);
            }
            return dispatch(record, envelopes, index, ringSequence, Envelopes.RECORD);
        }
        return dispatch(record, envelopes, index, envelopes.sequences[index], envelopes.kinds[index]);
    }

    /**
     * Process one event of an input ring.
     *
     * @param record    the slot's record.
     * @param events    the envelopes of the ring it is in.
     * @param index     its slot.
     * @param sequence  the ingress sequence of the input it descends from.
     * @param kind      what it is.
     * @return whether to go on with the batch.
     */
    boolean dispatch(final I record, final Envelopes events, final int index, final long sequence, final int kind)
    {
        batchCount++;
        final long originNs = events.originsNs[index];
        lastSequence = sequence;
        output.context(sequence, originNs);
        if (null != done)
        {
            handledOrder = events.orders[index];
            output.order(handledOrder);
        }
        switch (kind)
        {
            case Envelopes.RECORD:
                onRecord(record, events, index, sequence);
                if (null != endToEnd)
                {
                    endToEnd.record(System.nanoTime() - originNs);
                }
                break;
            case Envelopes.WATERMARK:
                onWatermark(events.producers[index], events.timestamps[index]);
                break;
            case Envelopes.IDLE:
                onIdle(events.producers[index]);
                break;
            case Envelopes.END_OF_STREAM:
                onEndOfStream();
                break;
            case Envelopes.TICK:
                onProcessingTime(events.timestamps[index]);
                break;
            case Envelopes.BARRIER:
                onBarrier(events.timestamps[index]);
                break;
            default:
                break;
        }
        return !finished && batchCount < batchLimit;
    }

    private void onRecord(final I record, final Envelopes events, final int index, final long sequence)
    {
        recordsIn++;
        final long timestamp = events.timestamps[index];
        if (null != combiner)
        {
            combiner.markActive(events.producers[index]);
        }
        if (timestamp > highestTimestamp)
        {
            highestTimestamp = timestamp;
        }
        final long startNs = null == serviceTime ? 0 : System.nanoTime();
        try
        {
            chain.processRecord(record, timestamp);
        }
        catch (final Exception ex)
        {
            onRecordFailure(record, timestamp, sequence, ex);
        }
        if (null != serviceTime)
        {
            serviceTime.record(System.nanoTime() - startNs);
        }
        final long watermarkAfter = events.watermarksAfter[index];
        if (Envelopes.NO_WATERMARK != watermarkAfter)
        {
            onWatermark(events.producers[index], watermarkAfter);
        }
    }

    private void onRecordFailure(final I record, final long timestamp, final long sequence, final Exception ex)
    {
        if (ex instanceof StageAbortedException)
        {
            throw (StageAbortedException)ex;
        }
        if (ErrorPolicy.FAIL == errorPolicy)
        {
            throw new PipelineException("stage '" + name + "' failed on the record at sequence " + sequence +
                " (event time " + timestamp + "): " + describe(record) + ": " + ex, ex);
        }
        deadLetterCount++;
        if (1 == deadLetterCount)
        {
            System.err.println("ringflow: stage '" + name + "' sends records its functions throw on to dead letters; " +
                "first: sequence " + sequence + ": " + ex);
        }
        deadLetters.onDeadLetter(deadLetter.wrap(name, sequence, record, timestamp, ex));
    }

    private static String describe(final Object record)
    {
        try
        {
            return String.valueOf(record);
        }
        catch (final RuntimeException ex)
        {
            return record.getClass().getName() + " (toString threw " + ex + ")";
        }
    }

    private void onWatermark(final int producer, final long watermark)
    {
        final long combined = null == combiner ? watermark : combiner.onWatermark(producer, watermark);
        advanceWatermark(combined);
    }

    private void advanceWatermark(final long watermark)
    {
        if (watermark > currentWatermark)
        {
            currentWatermark = watermark;
            try
            {
                chain.processWatermark(watermark);
            }
            catch (final StageAbortedException ex)
            {
                throw ex;
            }
            catch (final RuntimeException ex)
            {
                throw new PipelineException("stage '" + name + "' failed firing at watermark " + watermark +
                    " (after the record at sequence " + lastSequence + "): " + ex, ex);
            }
        }
    }

    private void onIdle(final int producer)
    {
        if (null == combiner)
        {
            chain.processIdle();
            return;
        }
        advanceWatermark(combiner.markIdle(producer));
        if (combiner.allIdle())
        {
            chain.processIdle();
        }
    }

    private void onProcessingTime(final long time)
    {
        if (null != combiner && ++ticksSeen < input.inputs)
        {
            // every partition forwards the tick, and the merge order puts the copies next to each other,
            // behind what each partition emitted for it: deliver it once, at the last copy
            return;
        }
        ticksSeen = 0;
        try
        {
            chain.onProcessingTime(time);
        }
        catch (final StageAbortedException ex)
        {
            throw ex;
        }
        catch (final RuntimeException ex)
        {
            throw new PipelineException("stage '" + name + "' failed at processing time " + time +
                " (after the record at sequence " + lastSequence + "): " + ex, ex);
        }
        output.processingTime(time);
    }

    private void onBarrier(final long checkpointId)
    {
        if (null != combiner && ++barriersSeen < input.inputs)
        {
            // merged in order, the partitions' barriers arrive one after another: snapshot at the last
            return;
        }
        barriersSeen = 0;
        if (null != checkpoints)
        {
            checkpoints.snapshot(checkpointId);
        }
        output.barrier(checkpointId);
    }

    void snapshotProgress(final SnapshotWriter out)
    {
        out.putLong(currentWatermark).putLong(highestTimestamp).putLong(lastTickMs)
            .putLong(recordsIn).putLong(deadLetterCount);
        if (null != combiner)
        {
            // what each partition's watermark was: without it a restored merge would advance elsewhere
            combiner.snapshot(out);
        }
        if (null != done)
        {
            out.putInt(partitionCount);
        }
    }

    void restoreProgress(final SnapshotReader in)
    {
        currentWatermark = in.getLong();
        highestTimestamp = in.getLong();
        lastTickMs = in.getLong();
        recordsIn = in.getLong();
        deadLetterCount = in.getLong();
        if (null != combiner)
        {
            combiner.restore(in);
        }
        if (null != done)
        {
            final int checkpointed = in.getInt();
            if (checkpointed != partitionCount)
            {
                throw new IllegalStateException("stage '" + name + "' was checkpointed as one of " + checkpointed +
                    " partitions, and this pipeline runs " + partitionCount + ": each partition's state holds the " +
                    "keys that hash to it, so a checkpoint restores only into the same parallelism");
            }
        }
    }

    private void onEndOfStream()
    {
        if (++endOfStreams < input.inputs)
        {
            return;
        }
        advanceWatermark(Timestamps.END_OF_STREAM);
        output.endOfStream();
        output.sideOutputs().endOfStream();
        publishCounters();
        finished = true;
    }

    /** @return true once end-of-stream passed through this stage. */
    boolean isFinished()
    {
        return finished;
    }

    Ring<I> input()
    {
        return input;
    }

    /** @return events waiting in its input ring or rings (racy off the stage's thread). */
    long occupancy()
    {
        return null == merged ? input.occupancy() : merged.occupancy();
    }

    StageOutput<O> output()
    {
        return output;
    }

    OneInputOperator<I, O> chain()
    {
        return chain;
    }

    long recordsIn()
    {
        return recordsIn;
    }

    long deadLetterCount()
    {
        return deadLetterCount;
    }

    long currentWatermark()
    {
        return currentWatermark;
    }

    long highestTimestamp()
    {
        return highestTimestamp;
    }

    @Override
    public String toString()
    {
        return "stage '" + name + "'";
    }
}
