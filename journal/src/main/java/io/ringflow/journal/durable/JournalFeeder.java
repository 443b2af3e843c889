package io.ringflow.journal.durable;

import io.ringflow.journal.IngestClock;
import io.ringflow.journal.JournalEntry;
import io.ringflow.journal.JournalException;
import io.ringflow.journal.JournalReader;
import io.ringflow.journal.JournalRecordDescriptor;
import io.ringflow.pipeline.PublishResult;
import io.ringflow.pipeline.RecordTranslator;
import io.ringflow.pipeline.RecordType;
import io.ringflow.pipeline.SequencedIngress;

import java.util.Objects;

/**
 * Feeds a {@link SequencedIngress} from an input journal: every record with its journal sequence,
 * journaled watermarks and processing-time ticks where they were journaled, the end-of-stream where it was journaled, and a
 * checkpoint barrier after every {@code barrierRecords} records or {@code barrierIntervalMs} of wall
 * time, whichever comes first. Where barriers fall changes which checkpoints exist, never what the
 * pipeline outputs.
 * <p>
 * Threading: one thread, the pipeline's sequenced producer.
 *
 * @param <T> record type.
 */
public final class JournalFeeder<T>
{
    /** What {@link #feed} stopped at. */
    public enum Stop
    {
        /** The journal's end-of-stream entry was published. */
        END_OF_STREAM,
        /** The journal has no more entries yet (a live journal: call again later). */
        CAUGHT_UP,
        /** The pipeline closed or failed. */
        PIPELINE_CLOSED
    }

    private final JournalReader<T> reader;
    private final JournalEntry<T> entry;
    private final SequencedIngress<T> ingress;
    private final RecordTranslator<T, T> copy;
    private final long barrierRecords;
    private final long barrierIntervalNs;
    private long nextCheckpointId;
    private long lastSequence;
    private long recordsSinceBarrier;
    private long lastBarrierNs = System.nanoTime();
    private long excerptReadNs = lastBarrierNs;
    private long recordsFed;
    private long entriesFed;
    private IngestClock ingestClock;

    /**
     * @param reader            the input journal, positioned at the first entry to feed.
     * @param type              the ingress record type: copies each decoded record into its ring slot.
     * @param ingress           the pipeline's sequenced ingress.
     * @param firstCheckpointId the id of the next barrier.
     * @param lastSequence      the sequence of the last input already in the pipeline's state (the
     *                          restored checkpoint's), or -1.
     * @param barrierRecords    records between barriers, at most; {@code Long.MAX_VALUE} for none.
     * @param barrierIntervalMs wall time between barriers, at most; {@code Long.MAX_VALUE} for none.
     */
    public JournalFeeder(
        final JournalReader<T> reader,
        final RecordType<T> type,
        final SequencedIngress<T> ingress,
        final long firstCheckpointId,
        final long lastSequence,
        final long barrierRecords,
        final long barrierIntervalMs)
    {
        if (barrierRecords < 1 || barrierIntervalMs < 1)
        {
            throw new IllegalArgumentException("checkpoint intervals must be positive: every " + barrierRecords +
                " records, every " + barrierIntervalMs + " ms");
        }
        this.reader = reader;
        this.entry = reader.newEntry();
        this.ingress = ingress;
        this.copy = (slot, record) -> type.copy(record, slot);
        this.nextCheckpointId = firstCheckpointId;
        this.lastSequence = lastSequence;
        this.barrierRecords = barrierRecords;
        this.barrierIntervalNs = barrierIntervalMs >= Long.MAX_VALUE / 1_000_000 ? Long.MAX_VALUE : barrierIntervalMs * 1_000_000;
    }

    /**
     * Measure end-to-end latency from each record's ingest time, as stamped with {@code clock}, instead of
     * from the moment this feeder reads it. Entries older than the clock (a previous run's, replayed in
     * recovery) still count from their read.
     *
     * @param clock the clock the producers stamp ingest times with.
     * @return this.
     */
    public JournalFeeder<T> latencyFrom(final IngestClock clock)
    {
        this.ingestClock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Feed entries until the end-of-stream, the journal's current end, or a closed pipeline.
     *
     * @param limit feed at most this many entries in this call.
     * @return why it stopped; {@link Stop#CAUGHT_UP} also when the limit was reached.
     * @throws JournalException for a corrupt entry, naming journal and sequence; nothing after it is fed.
     */
    public Stop feed(final long limit)
    {
        for (long fed = 0; fed < limit; fed++)
        {
            if (!reader.next(entry))
            {
                barrierIfDue(System.nanoTime());
                return Stop.CAUGHT_UP;
            }
            // One clock read per excerpt, for the record's origin for end-to-end latency and for the barrier
            // interval: the entries of an excerpt became visible together, so they arrived at the same time.
            if (reader.readFromFreshExcerpt())
            {
                excerptReadNs = System.nanoTime();
            }
            final long nowNs = excerptReadNs;
            final long sequence = entry.sequence();
            entriesFed++;
            final PublishResult result = publish(entry, ingress, copy, originOf(entry, nowNs), reader);
            if (JournalRecordDescriptor.TYPE_END_OF_STREAM == entry.type())
            {
                return PublishResult.OK == result ? Stop.END_OF_STREAM : Stop.PIPELINE_CLOSED;
            }
            if (PublishResult.OK != result)
            {
                return Stop.PIPELINE_CLOSED;
            }
            if (entry.isRecord())
            {
                recordsSinceBarrier++;
                recordsFed++;
            }
            lastSequence = sequence;
            barrierIfDue(nowNs);
        }
        return Stop.CAUGHT_UP;
    }

    private long originOf(final JournalEntry<T> entry, final long nowNs)
    {
        final IngestClock clock = ingestClock;
        return null != clock && clock.coversTime(entry.ingestTimeNs()) ? clock.nanoTimeAt(entry.ingestTimeNs()) : nowNs;
    }

    /**
     * Publish one journal entry as what it is: a record with its sequence, a processing-time tick, a
     * watermark or the end of the stream. What a durable run and a replay both feed a pipeline with.
     *
     * @param entry    the entry read.
     * @param ingress  the pipeline's sequenced ingress.
     * @param copy     copies the decoded record into the ring slot.
     * @param originNs the record's origin for end-to-end latency.
     * @param reader   the journal it came from, for errors.
     * @param <T>      record type.
     * @return the ingress's answer.
     * @throws JournalException for an entry type this version cannot feed.
     */
    public static <T> PublishResult publish(
        final JournalEntry<T> entry,
        final SequencedIngress<T> ingress,
        final RecordTranslator<T, T> copy,
        final long originNs,
        final JournalReader<T> reader)
    {
        final long sequence = entry.sequence();
        switch (entry.type())
        {
            case JournalRecordDescriptor.TYPE_RECORD:
                return ingress.publish(copy, entry.record(), sequence, originNs);
            case JournalRecordDescriptor.TYPE_PROCESSING_TIME_TICK:
                return ingress.processingTime(entry.timestamp(), sequence);
            case JournalRecordDescriptor.TYPE_WATERMARK:
                return ingress.watermark(entry.timestamp(), sequence);
            case JournalRecordDescriptor.TYPE_END_OF_STREAM:
                return ingress.endOfStream(sequence);
            default:
                throw new JournalException("journal " + reader.directory() + ": sequence " + sequence + " is a " +
                    JournalRecordDescriptor.typeName(entry.type()) + " entry, which this version cannot feed");
        }
    }

    private void barrierIfDue(final long nowNs)
    {
        if (0 == recordsSinceBarrier)
        {
            return;
        }
        if (recordsSinceBarrier >= barrierRecords || nowNs - lastBarrierNs >= barrierIntervalNs)
        {
            ingress.barrier(nextCheckpointId++, lastSequence);
            recordsSinceBarrier = 0;
            lastBarrierNs = nowNs;
        }
    }

    /**
     * Send a barrier now, unless no record came since the last one.
     *
     * @return its checkpoint id, or -1 if none was due.
     */
    public long barrierNow()
    {
        if (0 == recordsSinceBarrier)
        {
            return -1;
        }
        final long id = nextCheckpointId++;
        ingress.barrier(id, lastSequence);
        recordsSinceBarrier = 0;
        lastBarrierNs = System.nanoTime();
        return id;
    }

    /** @return journal entries of any kind fed so far. */
    public long entriesFed()
    {
        return entriesFed;
    }

    /** @return records fed so far. */
    public long recordsFed()
    {
        return recordsFed;
    }

    /** @return the sequence of the last entry fed, or the one given at construction. */
    public long lastSequence()
    {
        return lastSequence;
    }

    /** @return the id the next barrier will carry. */
    public long nextCheckpointId()
    {
        return nextCheckpointId;
    }
}
