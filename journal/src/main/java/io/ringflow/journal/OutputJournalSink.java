package io.ringflow.journal;

import io.ringflow.operators.record.RecordCodec;
import io.ringflow.pipeline.SequencedSink;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;

/**
 * The exactly-once sink: writes a pipeline's outputs to an {@link OutputJournal} so that, after a crash
 * and a recovery from a checkpoint, the journal ends up equal to that of a run without the crash.
 * <p>
 * It is given the <em>resume position</em>: the output position recorded in the checkpoint the pipeline
 * restored from, or {@link OutputJournalReader#NO_POSITION} when it starts without one. Every entry already
 * in the journal after that position is <em>pending</em>: the crashed run wrote it after the checkpoint,
 * and the pipeline, replaying its input from the checkpoint, will regenerate it. While entries are
 * pending each output must equal the next one, with the same key (input sequence, ordinal), the same
 * timestamp and the same encoded bytes, and is then skipped; once none is left, outputs are appended.
 * An output that differs means the replay diverged (a non-deterministic pipeline, or other code or input
 * than the run that wrote the journal): it throws a {@link JournalException} naming the position and both
 * keys rather than write a journal that no single run could have produced. So does the end of the stream
 * while entries are still pending.
 * <p>
 * Outputs are appended in batches: {@link #onRecord} adds an output to the journal's batch, and
 * {@link #onEndOfBatch()} (which the runtime calls at the end of every batch of the sink's stage, and before a
 * checkpoint barrier reaches the sink), {@link #onEndOfStream()} and {@link #close()} append it as one
 * excerpt, as does a full batch of 64 ({@link #close()} drops a batch, as a crash does). A crash loses a
 * batch not yet appended; the pipeline, replaying from a
 * checkpoint that the batch's outputs all follow, regenerates it. {@link #position()} is what the next
 * checkpoint records as its output position. The sink allocates nothing per record: outputs being verified
 * are encoded into a reused buffer and compared with the pending entry's bytes in place.
 * <p>
 * Threading: construct on any thread (it opens the journal, pretouches it, starts its page toucher's
 * daemon thread and reads the first pending entry, so a resume position the journal does not hold fails
 * here), then call {@link #onRecord}, {@link #onEndOfBatch()},
 * {@link #onEndOfStream()} and the accessors on one thread, the sink's stage, which then owns the
 * Chronicle appender and tailer; {@link #close()} once that thread is done. Attach it to the last stage
 * of a sequenced pipeline (parallelism 1): its outputs come in an order that only the input decides, key
 * partitions included, since such a pipeline merges partitions in router order.
 *
 * @param <T> record type.
 */
public final class OutputJournalSink<T> implements SequencedSink<T>, AutoCloseable
{
    private final RecordCodec<T> codec;
    private final OutputJournal journal;
    private final OutputJournalReader<T> reader;
    private final OutputJournalEntry<T> pending;
    private final UnsafeBuffer scratch;
    private boolean verifying;
    private long position;
    private long skippedCount;
    private long appendedCount;
    private boolean batchOpen;

    /**
     * Open or create the output journal and find the entries a replay from {@code resumePosition} will
     * regenerate.
     *
     * @param directory      the output journal's directory; created if absent.
     * @param codec          encodes outputs; pending entries must be of its schema id and version.
     * @param resumePosition the output position of the checkpoint the pipeline restored from, or
     *                       {@link OutputJournalReader#NO_POSITION} without one.
     * @throws JournalException if the journal holds no entry at {@code resumePosition}, or its first
     *                          pending entry is corrupt or of another schema.
     */
    public OutputJournalSink(final Path directory, final RecordCodec<T> codec, final long resumePosition)
    {
        this.codec = codec;
        this.scratch = new UnsafeBuffer(new byte[codec.maxEncodedLength()]);
        this.position = resumePosition;
        this.journal = new OutputJournal(directory);
        OutputJournalReader<T> reader = null;
        try
        {
            journal.pretouch();
            // the sink appends on a stage thread: a fresh page of the mapping must not stall it (PageToucher)
            journal.touchPagesAhead();
            reader = new OutputJournalReader<>(directory, codec);
            this.pending = reader.newEntry();
            moveAfterResumePosition(reader, resumePosition);
            this.verifying = reader.next(pending);
            // Set up here, run on the stage thread: let that thread take the appender and tailer over.
            journal.releaseThread();
            reader.releaseThread();
            this.reader = reader;
        }
        catch (final RuntimeException | Error ex)
        {
            if (reader != null)
            {
                reader.close();
            }
            journal.close();
            throw ex;
        }
    }

    /**
     * Verify the output against the next pending entry and skip it, or append it once none is pending.
     *
     * @throws JournalException if the output differs from the pending entry.
     */
    @Override
    public void onRecord(final T record, final long timestamp, final long inputSequence, final int ordinal)
    {
        if (verifying)
        {
            verify(record, timestamp, inputSequence, ordinal);
        }
        else
        {
            journal.appendToBatch(codec, record, timestamp, inputSequence, ordinal);
            batchOpen = true;
            appendedCount++;
        }
    }

    /** Append the outputs batched since the last call as one excerpt. */
    @Override
    public void onEndOfBatch()
    {
        if (batchOpen)
        {
            position = journal.commitBatch();   // the last this sink appended, also when a full batch went before
            batchOpen = false;
        }
    }

    /**
     * @throws JournalException if entries are still pending: the journal holds outputs this run did not
     *                          produce.
     */
    @Override
    public void onEndOfStream()
    {
        if (verifying)
        {
            throw unmatchedAtEnd();
        }
        onEndOfBatch();
    }

    /** @return outputs recognised as already in the journal and skipped. */
    public long skippedCount()
    {
        return skippedCount;
    }

    /** @return outputs appended to the journal, the batch not yet appended included. */
    public long appendedCount()
    {
        return appendedCount;
    }

    /**
     * @return the position of the last output appended or verified (the resume position before any), as of
     * the last {@link #onEndOfBatch()}: what a checkpoint records as its output position.
     */
    public long position()
    {
        return position;
    }

    /** @return true while entries written before the crash remain to be matched. */
    public boolean isVerifying()
    {
        return verifying;
    }

    /** @return the output journal's directory. */
    public Path directory()
    {
        return journal.directory();
    }

    /**
     * Release the journal's appender and reader. Outputs that no {@link #onEndOfBatch()} or
     * {@link #onEndOfStream()} appended are dropped, as a crash would drop them: a pipeline's runtime ends
     * every batch it delivers, so only a run that failed leaves any, and its recovery regenerates them. Not
     * writing them here also keeps this thread off the writer if the stage thread did not stop.
     */
    @Override
    public void close()
    {
        journal.discardBatch();
        reader.close();
        journal.close();
    }

    private void verify(final T record, final long timestamp, final long inputSequence, final int ordinal)
    {
        final int length = codec.encode(record, scratch, 0);
        if (pending.inputSequence() != inputSequence ||
            pending.ordinal() != ordinal ||
            pending.timestamp() != timestamp ||
            !reader.payloadEquals(scratch.byteArray(), 0, length))
        {
            throw diverged(record, timestamp, inputSequence, ordinal);
        }
        position = pending.position();
        skippedCount++;
        verifying = reader.next(pending);
    }

    private JournalException diverged(final T record, final long timestamp, final long inputSequence, final int ordinal)
    {
        final String difference = pending.inputSequence() != inputSequence || pending.ordinal() != ordinal ?
            "key" : pending.timestamp() != timestamp ? "timestamp" : "payload";
        return new JournalException("replay diverged from output journal " + journal.directory() + " at position " +
            pending.position() + " (0x" + Long.toHexString(pending.position()) + "): the journal holds " +
            key(pending.inputSequence(), pending.ordinal()) + " timestamp " + pending.timestamp() + " " +
            pending.record() + ", the replay produced " + key(inputSequence, ordinal) + " timestamp " + timestamp +
            " " + record + " (the " + difference + " differs) after " + skippedCount + " matching outputs: the " +
            "pipeline is not deterministic, or runs other code or input than the run that wrote the journal");
    }

    private JournalException unmatchedAtEnd()
    {
        final long firstPosition = pending.position();
        final String firstKey = key(pending.inputSequence(), pending.ordinal());
        long unmatched = 1;
        while (reader.next(pending))
        {
            unmatched++;
        }
        return new JournalException("output journal " + journal.directory() + " holds " + unmatched +
            " outputs that this run did not produce, from position " + firstPosition + " (0x" +
            Long.toHexString(firstPosition) + ") with " + firstKey + ": the stream ended after " + skippedCount +
            " matching outputs; the replay's input is shorter than the crashed run's, or the pipeline is not " +
            "deterministic");
    }

    private static void moveAfterResumePosition(final OutputJournalReader<?> reader, final long resumePosition)
    {
        try
        {
            reader.moveAfter(resumePosition);
        }
        catch (final JournalException ex)
        {
            throw new JournalException("cannot resume after output position " + resumePosition +
                ", the checkpoint's: " + ex.getMessage(), ex);
        }
    }

    private static String key(final long inputSequence, final int ordinal)
    {
        return "key (input sequence " + inputSequence + ", ordinal " + ordinal + ")";
    }
}
