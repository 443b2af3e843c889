package io.ringflow.pipeline.metrics;

import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

/**
 * The counters of one pipeline stage. The stage thread counts into plain fields as it works, and calls
 * {@link #publish()} once per batch, which writes every counter with a release store: readers in other
 * processes see values at most one batch old, and the hot path pays no atomic instruction.
 * <p>
 * Labels are {@code "<stageName>: records in"} and so on; type ids are the constants below, so a reader can
 * group counters by kind without parsing labels.
 * <p>
 * <b>Watermark lag</b> is the highest event timestamp the stage has seen minus its current watermark, in
 * whatever unit the event timestamps use (the stage does not know it). It is how far event time runs ahead
 * of the watermark: with a bounded-out-of-orderness strategy it settles near the bound; if it keeps growing,
 * the watermark is stuck (an idle input, a slow partition). It is 0 until both a timestamp and a watermark
 * have been seen, and when the watermark is ahead of every timestamp seen. The watermark counter reads
 * {@link Long#MIN_VALUE} until the first watermark.
 * <p>
 * Threading: single writer. Every method except the factories is called on the stage thread only; the
 * published counters are read from anywhere.
 */
public final class StageCounters
{
    /** Type id: records taken from the input ring. */
    public static final int RECORDS_IN = 1001;
    /** Type id: records emitted downstream. */
    public static final int RECORDS_OUT = 1002;
    /** Type id: input ring occupancy at the last sample. */
    public static final int RING_OCCUPANCY = 1003;
    /** Type id: highest input ring occupancy sampled. */
    public static final int RING_HIGH_WATER_MARK = 1004;
    /** Type id: times the stage waited for room in its output ring. */
    public static final int BACKPRESSURE_WAITS = 1005;
    /** Type id: nanoseconds spent in those waits. */
    public static final int BACKPRESSURE_WAIT_NS = 1006;
    /** Type id: current watermark. */
    public static final int WATERMARK = 1007;
    /** Type id: highest event timestamp seen minus current watermark. */
    public static final int WATERMARK_LAG = 1008;
    /** Type id: records that arrived behind the watermark. */
    public static final int LATE_RECORDS = 1009;
    /** Type id: errors raised by the stage's operators. */
    public static final int ERRORS = 1010;
    /** Type id: records sent to the dead-letter output. */
    public static final int DEAD_LETTERS = 1011;

    /** Counters one stage allocates. */
    public static final int COUNTERS_PER_STAGE = 11;

    private final String stageName;
    private final AtomicCounter recordsInCounter;
    private final AtomicCounter recordsOutCounter;
    private final AtomicCounter ringOccupancyCounter;
    private final AtomicCounter ringHighWaterMarkCounter;
    private final AtomicCounter backpressureWaitsCounter;
    private final AtomicCounter backpressureWaitNsCounter;
    private final AtomicCounter watermarkCounter;
    private final AtomicCounter watermarkLagCounter;
    private final AtomicCounter lateRecordsCounter;
    private final AtomicCounter errorsCounter;
    private final AtomicCounter deadLettersCounter;

    private long recordsIn;
    private long recordsOut;
    private long ringOccupancy;
    private long ringHighWaterMark;
    private long backpressureWaits;
    private long backpressureWaitNs;
    private long watermark = Long.MIN_VALUE;
    private long maxEventTimestamp = Long.MIN_VALUE;
    private long lateRecords;
    private long errors;
    private long deadLetters;

    private StageCounters(final String stageName, final CountersManager manager)
    {
        this.stageName = stageName;
        recordsInCounter = manager.newCounter(stageName + ": records in", RECORDS_IN);
        recordsOutCounter = manager.newCounter(stageName + ": records out", RECORDS_OUT);
        ringOccupancyCounter = manager.newCounter(stageName + ": ring occupancy", RING_OCCUPANCY);
        ringHighWaterMarkCounter = manager.newCounter(stageName + ": ring high-water mark", RING_HIGH_WATER_MARK);
        backpressureWaitsCounter = manager.newCounter(stageName + ": backpressure waits", BACKPRESSURE_WAITS);
        backpressureWaitNsCounter = manager.newCounter(stageName + ": backpressure wait ns", BACKPRESSURE_WAIT_NS);
        watermarkCounter = manager.newCounter(stageName + ": watermark", WATERMARK);
        watermarkLagCounter = manager.newCounter(stageName + ": watermark lag", WATERMARK_LAG);
        lateRecordsCounter = manager.newCounter(stageName + ": late records", LATE_RECORDS);
        errorsCounter = manager.newCounter(stageName + ": errors", ERRORS);
        deadLettersCounter = manager.newCounter(stageName + ": dead letters", DEAD_LETTERS);
        watermarkCounter.setRelease(Long.MIN_VALUE);
    }

    /**
     * Allocate a stage's counters in a counters file; call while the pipeline is built.
     *
     * @param file      where the counters live; needs {@link #COUNTERS_PER_STAGE} free counters.
     * @param stageName prefix of every label.
     * @return the stage's counters, all 0 and the watermark {@link Long#MIN_VALUE}.
     */
    public static StageCounters allocate(final CountersFile file, final String stageName)
    {
        if (file.countersManager().available() < COUNTERS_PER_STAGE)
        {
            throw new IllegalStateException("counters file " + file.path() + ": no room for the " +
                COUNTERS_PER_STAGE + " counters of stage '" + stageName + "'");
        }

        return new StageCounters(stageName, file.countersManager());
    }

    /**
     * Counters for a pipeline run with counters disabled: they behave the same but live in private memory
     * that no other process sees, and no file is created.
     *
     * @param stageName prefix of every label.
     * @return the stage's private counters.
     */
    public static StageCounters disabled(final String stageName)
    {
        return new StageCounters(stageName, PrivateCounters.manager(COUNTERS_PER_STAGE));
    }

    /** @return the name the labels start with. */
    public String stageName()
    {
        return stageName;
    }

    /** @param count records taken from the input ring. */
    public void addRecordsIn(final long count)
    {
        recordsIn += count;
    }

    /** @param count records emitted downstream. */
    public void addRecordsOut(final long count)
    {
        recordsOut += count;
    }

    /**
     * Sample the input ring's occupancy, typically once per batch; the high-water mark follows it.
     *
     * @param occupancy entries published to the ring and not yet consumed.
     */
    public void recordRingOccupancy(final long occupancy)
    {
        ringOccupancy = occupancy;
        if (occupancy > ringHighWaterMark)
        {
            ringHighWaterMark = occupancy;
        }
    }

    /** @param waitNs how long one wait for room in the output ring lasted. */
    public void onBackpressureWait(final long waitNs)
    {
        backpressureWaits++;
        backpressureWaitNs += waitNs;
    }

    /** @param timestamp the event timestamp of a record the stage took in. */
    public void onEventTimestamp(final long timestamp)
    {
        if (timestamp > maxEventTimestamp)
        {
            maxEventTimestamp = timestamp;
        }
    }

    /** @param watermark the stage's current watermark. */
    public void onWatermark(final long watermark)
    {
        this.watermark = watermark;
    }

    /** Count one record that arrived behind the watermark. */
    public void onLateRecord()
    {
        lateRecords++;
    }

    /** Count one error raised by an operator. */
    public void onError()
    {
        errors++;
    }

    /** Count one record sent to the dead-letter output. */
    public void onDeadLetter()
    {
        deadLetters++;
    }

    /**
     * Overwrite the counts with a stage's running totals and {@link #publish()} them: for a stage that
     * keeps its own totals. Occupancy feeds the high-water mark; event time and watermark the lag.
     *
     * @param recordsIn          records taken in.
     * @param recordsOut         records emitted.
     * @param occupancy          entries waiting in the input ring now.
     * @param backpressureWaits  times the output ring was full.
     * @param backpressureWaitNs nanoseconds waited for it.
     * @param watermark          the current watermark.
     * @param maxEventTimestamp  highest event timestamp taken in.
     * @param lateRecords        late records seen.
     * @param deadLetters        records sent to dead letters.
     */
    public void publishTotals(
        final long recordsIn,
        final long recordsOut,
        final long occupancy,
        final long backpressureWaits,
        final long backpressureWaitNs,
        final long watermark,
        final long maxEventTimestamp,
        final long lateRecords,
        final long deadLetters)
    {
        this.recordsIn = recordsIn;
        this.recordsOut = recordsOut;
        recordRingOccupancy(occupancy);
        this.backpressureWaits = backpressureWaits;
        this.backpressureWaitNs = backpressureWaitNs;
        this.watermark = watermark;
        this.maxEventTimestamp = maxEventTimestamp;
        this.lateRecords = lateRecords;
        this.deadLetters = deadLetters;
        this.errors = deadLetters;
        publish();
    }

    /**
     * Make everything counted so far visible to readers, once per batch. Each store is a release store:
     * a plain store on x86, so the cost is eleven stores to eleven cache lines this thread already owns.
     */
    public void publish()
    {
        recordsInCounter.setRelease(recordsIn);
        recordsOutCounter.setRelease(recordsOut);
        ringOccupancyCounter.setRelease(ringOccupancy);
        ringHighWaterMarkCounter.setRelease(ringHighWaterMark);
        backpressureWaitsCounter.setRelease(backpressureWaits);
        backpressureWaitNsCounter.setRelease(backpressureWaitNs);
        watermarkCounter.setRelease(watermark);
        watermarkLagCounter.setRelease(watermarkLag());
        lateRecordsCounter.setRelease(lateRecords);
        errorsCounter.setRelease(errors);
        deadLettersCounter.setRelease(deadLetters);
    }

    /** @return records taken in, counted so far (published or not). */
    public long recordsIn()
    {
        return recordsIn;
    }

    /** @return records emitted, counted so far. */
    public long recordsOut()
    {
        return recordsOut;
    }

    /** @return highest ring occupancy sampled so far. */
    public long ringHighWaterMark()
    {
        return ringHighWaterMark;
    }

    /** @return the current watermark, {@link Long#MIN_VALUE} before the first. */
    public long watermark()
    {
        return watermark;
    }

    /** @return highest event timestamp seen minus the current watermark; see the class comment. */
    public long watermarkLag()
    {
        return watermarkLag(maxEventTimestamp, watermark);
    }

    /**
     * @param maxEventTimestamp highest event timestamp seen, {@link Long#MIN_VALUE} before the first.
     * @param watermark         current watermark, {@link Long#MIN_VALUE} before the first.
     * @return the lag: 0 until both exist or when the watermark is ahead; saturates at {@link Long#MAX_VALUE}.
     */
    public static long watermarkLag(final long maxEventTimestamp, final long watermark)
    {
        if (Long.MIN_VALUE == watermark || Long.MIN_VALUE == maxEventTimestamp || maxEventTimestamp <= watermark)
        {
            return 0;
        }

        // Saturate rather than wrap when an end-of-input watermark meets very old timestamps.
        final long lag = maxEventTimestamp - watermark;
        return lag < 0 ? Long.MAX_VALUE : lag;
    }

    /** {@inheritDoc} */
    @Override
    public String toString()
    {
        return "StageCounters{" + stageName + '}';
    }
}
