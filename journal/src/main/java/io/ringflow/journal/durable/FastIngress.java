package io.ringflow.journal.durable;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.ringflow.journal.IngestClock;
import io.ringflow.journal.SequenceAllocator;
import io.ringflow.pipeline.PublishResult;
import io.ringflow.pipeline.RecordTranslator;
import io.ringflow.pipeline.RecordType;
import io.ringflow.pipeline.SequencedIngress;

import java.util.concurrent.locks.LockSupport;

/**
 * The producer's way into a {@link DurablePipeline} in {@link JournalMode#FAST fast mode}: each record
 * enters the pipeline at once, numbered with the sequence the input journal will give it, and is handed to
 * the pipeline's journaling thread, which appends it in parallel with processing.
 * <pre>
 *   producer ─ publish ─┬─► journal ring ──► journaling thread ──► input journal (sequence checked)
 *                       │   (first: an output never waits for an entry still with the producer)
 *                       └─► pipeline ingress ──► stages ──► [waits until journaled] ──► output journal
 * </pre>
 * Checkpoint barriers go in every N records or T ms, as the {@link JournalFeeder} sends them in durable
 * mode, and when {@link DurablePipeline#checkpointSoon()} asked for one.
 * <p>
 * Calls block while either ring is full (back-pressure, never a dropped record) and answer
 * {@link PublishResult#CLOSED} once the stream ended, the producer halted, the pipeline failed, or
 * {@link DurablePipeline#stop()} was called (the call that sees the stop halts: it sends the last
 * barrier; {@code run()} returns after its checkpoint commits). A record answered {@code CLOSED} after
 * a failure may be in the journal all the same (recovery then processes it); one answered {@code OK} but
 * not yet journaled when the process dies — or when the run fails — is not, which is the fast mode's
 * weaker guarantee: after a crash or a failed run, resend from the journal's end.
 * <p>
 * Threading: one producer thread, from the moment {@link DurablePipeline#fastIngress} returned it; since
 * the pipeline cannot publish for it, a stop takes effect at the producer's next call.
 *
 * @param <T> record type.
 */
public final class FastIngress<T>
{
    private static final long FULL_PARK_NS = 1_000;
    private static final int SPACE_SPINS = 200;
    private static final int SPACE_YIELDS = 20;

    private final SequencedIngress<T> ingress;
    private final RecordType<T> type;
    private final RecordTranslator<T, T> copy;
    private final RingBuffer<JournalSlot<T>> journalRing;
    private final SequenceAllocator allocator;
    private final IngestClock clock;
    private final DurablePipeline<T, ?> owner;
    private final long barrierRecords;
    private final long barrierIntervalNs;
    private volatile boolean journalFailed;
    private boolean closed;
    private long nextCheckpointId;
    private long lastBarrierId;
    private long lastSequence;
    private long recordsSinceBarrier;
    private long lastBarrierNs;
    private long published;

    FastIngress(
        final SequencedIngress<T> ingress,
        final RecordType<T> type,
        final RingBuffer<JournalSlot<T>> journalRing,
        final SequenceAllocator allocator,
        final IngestClock clock,
        final DurablePipeline<T, ?> owner,
        final FeederState feeder,
        final long barrierRecords,
        final long barrierIntervalMs)
    {
        this.ingress = ingress;
        this.type = type;
        this.copy = (slot, record) -> type.copy(record, slot);
        this.journalRing = journalRing;
        this.allocator = allocator;
        this.clock = clock;
        this.owner = owner;
        this.barrierRecords = barrierRecords;
        this.barrierIntervalNs = barrierIntervalMs >= Long.MAX_VALUE / 1_000_000 ? Long.MAX_VALUE : barrierIntervalMs * 1_000_000;
        this.nextCheckpointId = feeder.nextCheckpointId;
        this.lastBarrierId = feeder.lastBarrierId;
        this.lastSequence = feeder.lastSequence;
        this.lastBarrierNs = clock.epochNanos();
    }

    /**
     * Publish a record stamped with the ingest clock's now.
     *
     * @param record         the record; copied, so the caller may reuse it.
     * @param eventTimestamp its event time, for the journal's header.
     * @return {@link PublishResult#OK} or {@link PublishResult#CLOSED}.
     */
    public PublishResult publish(final T record, final long eventTimestamp)
    {
        return publish(record, eventTimestamp, clock.epochNanos());
    }

    /**
     * Publish a record with its ingest time given, such as a load generator's intended send time.
     *
     * @param record         the record; copied, so the caller may reuse it.
     * @param eventTimestamp its event time, for the journal's header.
     * @param ingestTimeNs   epoch nanoseconds on {@link #clock()}; end-to-end latency counts from it, and it
     *                       picks the journal roll cycle the record lands in: a time far ahead of the clock
     *                       puts every later entry in that future cycle too (times never go back).
     * @return {@link PublishResult#OK} or {@link PublishResult#CLOSED}.
     */
    public PublishResult publish(final T record, final long eventTimestamp, final long ingestTimeNs)
    {
        return publish(record, eventTimestamp, ingestTimeNs, false);
    }

    /**
     * Publish a record stamped with the ingest clock's now, journaled in a batch: see
     * {@link #publishToBatch(Object, long, long)}.
     *
     * @param record         the record; copied, so the caller may reuse it.
     * @param eventTimestamp its event time, for the journal's header.
     * @return {@link PublishResult#OK} or {@link PublishResult#CLOSED}.
     */
    public PublishResult publishToBatch(final T record, final long eventTimestamp)
    {
        return publishToBatch(record, eventTimestamp, clock.epochNanos());
    }

    /**
     * Publish a record into the pipeline at once, and have it journaled in one excerpt with the records
     * published around it (up to {@code JournalRecordDescriptor.SLOTS_PER_EXCERPT}): one Chronicle append
     * for the batch instead of one for each record, the journaling thread's main cost. The batch is
     * appended when it is full, at {@link #commitBatch()}, with the next entry published otherwise (a
     * {@link #publish} or a tick), at the end of the stream, at every checkpoint barrier, and before a publish
     * waits for space in the pipeline. Until then the outputs of its records, and checkpoints after them,
     * wait: a producer that has run out of records for now calls {@link #commitBatch()} — the natural
     * batching idiom: batch while behind, commit when caught up.
     *
     * @param record         the record; copied, so the caller may reuse it.
     * @param eventTimestamp its event time, for the journal's header.
     * @param ingestTimeNs   as in {@link #publish(Object, long, long)}; a batch's roll cycle is its first
     *                       record's.
     * @return {@link PublishResult#OK} or {@link PublishResult#CLOSED}.
     */
    public PublishResult publishToBatch(final T record, final long eventTimestamp, final long ingestTimeNs)
    {
        return publish(record, eventTimestamp, ingestTimeNs, true);
    }

    /**
     * Have the records published to the batch journaled now, so that their outputs can leave.
     *
     * @return {@link PublishResult#OK} (also when no batch was open) or {@link PublishResult#CLOSED} (the
     *         stream ended, the run failed, or a {@link DurablePipeline#stop()} took effect at this call).
     */
    public PublishResult commitBatch()
    {
        if (stopped())   // a stop takes effect here too: an idle producer may call nothing else (halting commits)
        {
            return PublishResult.CLOSED;
        }
        return commitOpenBatch() ? PublishResult.OK : PublishResult.CLOSED;
    }

    private PublishResult publish(final T record, final long eventTimestamp, final long ingestTimeNs, final boolean batched)
    {
        if (stopped())
        {
            return PublishResult.CLOSED;
        }
        final long claimed = claimJournalSlot();
        if (claimed < 0)
        {
            return PublishResult.CLOSED;
        }
        final JournalSlot<T> slot = journalRing.get(claimed);
        final long sequence;
        try
        {
            type.copy(record, slot.record);
            // only once nothing more can throw
            sequence = batched ? allocator.nextInBatch(ingestTimeNs / 1_000_000) : allocator.next(ingestTimeNs / 1_000_000);
        }
        catch (final RuntimeException | Error ex)
        {
            slot.kind = JournalSlot.SKIP;   // the claimed slot must still be published, or a later one exposes it
            journalRing.publish(claimed);
            throw ex;
        }
        fill(slot, JournalSlot.RECORD, sequence, eventTimestamp, ingestTimeNs);
        slot.commit = !allocator.batchOpen();
        journalRing.publish(claimed);
        if (allocator.batchOpen() && !ingress.hasCapacity() && !awaitSpaceOrCommit())
        {
            return PublishResult.CLOSED;
        }
        if (PublishResult.OK != ingress.publish(copy, record, sequence, clock.nanoTimeAt(ingestTimeNs)))
        {
            closed = true;
            return PublishResult.CLOSED;
        }
        published++;
        lastSequence = sequence;
        recordsSinceBarrier++;
        if (recordsSinceBarrier >= barrierRecords || ingestTimeNs - lastBarrierNs >= barrierIntervalNs ||
            owner.takeCheckpointRequest())
        {
            barrier(ingestTimeNs);
        }
        return PublishResult.OK;
    }

    /**
     * Journal and deliver a processing-time tick, which operators see as their processing time.
     *
     * @param processingTime in the pipeline's time unit.
     * @return {@link PublishResult#OK} or {@link PublishResult#CLOSED}.
     */
    public PublishResult processingTime(final long processingTime)
    {
        if (stopped())
        {
            return PublishResult.CLOSED;
        }
        final long now = clock.epochNanos();
        final long sequence = allocator.next(now / 1_000_000);
        if (!journal(JournalSlot.TICK, sequence, processingTime, now, 0))
        {
            return PublishResult.CLOSED;
        }
        if (PublishResult.OK != ingress.processingTime(processingTime, sequence))
        {
            closed = true;
            return PublishResult.CLOSED;
        }
        lastSequence = sequence;
        return PublishResult.OK;
    }

    /**
     * End the stream: every window fires, {@code run()} drains the pipeline and returns; a later run on
     * the same journal has nothing left to do.
     *
     * @return {@link PublishResult#OK}, or {@link PublishResult#CLOSED} if already closed.
     */
    public PublishResult endOfStream()
    {
        // The end goes to the pipeline before the journal (below), and that publish may wait for space: an
        // open batch must be on its way to the journal first, or a stage waiting for it would never free any.
        if (closed || journalFailed || !commitOpenBatch())
        {
            return PublishResult.CLOSED;
        }
        final long now = clock.epochNanos();
        final long sequence = allocator.next(now / 1_000_000);
        closed = true;
        // Pipeline first, then the journal: once the journaling thread sees the end it drains the
        // pipeline, which must then already hold it (an output fired by the end waits for its journaling).
        if (PublishResult.OK != ingress.endOfStream(sequence))
        {
            return PublishResult.CLOSED;
        }
        return journal(JournalSlot.END_OF_STREAM, sequence, 0, now, 0) ? PublishResult.OK : PublishResult.CLOSED;
    }

    /**
     * Stop without ending the stream: a last checkpoint, then {@code run()} returns once it is committed;
     * a later run resumes from it. What {@link DurablePipeline#stop()} does at the producer's next call.
     *
     * @return {@link PublishResult#OK}, or {@link PublishResult#CLOSED} if already closed.
     */
    public PublishResult halt()
    {
        if (closed || journalFailed)
        {
            return PublishResult.CLOSED;
        }
        if (recordsSinceBarrier > 0)
        {
            barrier(clock.epochNanos());
        }
        commitOpenBatch();
        closed = true;
        journal(JournalSlot.HALT, lastSequence, 0, 0, lastBarrierId);
        return PublishResult.OK;
    }

    /** @return the sequence of the last record or tick published, or the journal's last before this run. */
    public long lastSequence()
    {
        return lastSequence;
    }

    /** @return records published through this ingress. */
    public long publishedCount()
    {
        return published;
    }

    /** @return the clock ingest times are read from; give explicit ingest times on it. */
    public IngestClock clock()
    {
        return clock;
    }

    /** The journaling thread failed: every call from now on answers CLOSED. Any thread. */
    void journalFailed()
    {
        journalFailed = true;
    }

    private boolean stopped()
    {
        if (closed || journalFailed)
        {
            return true;
        }
        if (owner.stopRequested())
        {
            halt();
            return true;
        }
        return false;
    }

    private void barrier(final long nowNs)
    {
        // the checkpoint waits until its input is journaled, and a third waiting checkpoint holds the
        // producer up: the producer must not hold the batch its checkpoint waits for
        if (!commitOpenBatch())
        {
            return;
        }
        final long id = nextCheckpointId++;
        if (PublishResult.OK != ingress.barrier(id, lastSequence))
        {
            closed = true;
            return;
        }
        lastBarrierId = id;
        recordsSinceBarrier = 0;
        lastBarrierNs = nowNs;
    }

    /**
     * The pipeline's ring is full while a batch is open. Normally the stages are taking from it and space
     * comes within microseconds, so wait a little first, or a producer that outruns the pipeline would
     * commit at every record and batch nothing. But a stage may be waiting for this very batch to be
     * journaled, and so not taking: then commit it before waiting on, or both would wait for ever. With one
     * producer, space found is still there at its publish.
     *
     * @return false (and closed) once journaling failed.
     */
    private boolean awaitSpaceOrCommit()
    {
        for (int attempt = 0; attempt < SPACE_SPINS + SPACE_YIELDS; attempt++)
        {
            if (attempt < SPACE_SPINS)
            {
                Thread.onSpinWait();
            }
            else
            {
                Thread.yield();
            }
            if (ingress.hasCapacity())
            {
                return true;
            }
        }
        return commitOpenBatch();
    }

    /** @return false (and closed) once journaling failed. */
    private boolean commitOpenBatch()
    {
        if (!allocator.batchOpen())
        {
            return true;
        }
        return journal(JournalSlot.COMMIT, allocator.closeBatch(), 0, 0, 0);
    }

    private boolean journal(final int kind, final long sequence, final long timestamp, final long ingestTimeNs, final long value)
    {
        final long claimed = claimJournalSlot();
        if (claimed < 0)
        {
            return false;
        }
        final JournalSlot<T> slot = journalRing.get(claimed);
        fill(slot, kind, sequence, timestamp, ingestTimeNs);
        slot.value = value;
        journalRing.publish(claimed);
        return true;
    }

    private void fill(final JournalSlot<T> slot, final int kind, final long sequence, final long timestamp, final long ingestTimeNs)
    {
        slot.kind = kind;
        slot.commit = true;
        slot.sequence = sequence;
        slot.timestamp = timestamp;
        slot.ingestTimeNs = ingestTimeNs;
        slot.appendTimeMs = allocator.appendTimeMs();
    }

    /** @return the claimed slot, or -1 (and closed) once journaling failed. */
    private long claimJournalSlot()
    {
        for (int attempt = 0; ; attempt++)
        {
            if (journalFailed)
            {
                closed = true;
                return -1;
            }
            try
            {
                return journalRing.tryNext();
            }
            catch (final InsufficientCapacityException full)
            {
                if (attempt < 100)
                {
                    Thread.onSpinWait();
                }
                else
                {
                    LockSupport.parkNanos(FULL_PARK_NS);
                }
            }
        }
    }

    /**
     * Where the recovery's feeder left the barrier schedule, so that ids continue and a halt waits for
     * the right checkpoint.
     */
    static final class FeederState
    {
        final long nextCheckpointId;
        final long lastBarrierId;
        final long lastSequence;

        FeederState(final long nextCheckpointId, final long lastBarrierId, final long lastSequence)
        {
            this.nextCheckpointId = nextCheckpointId;
            this.lastBarrierId = lastBarrierId;
            this.lastSequence = lastSequence;
        }
    }
}
