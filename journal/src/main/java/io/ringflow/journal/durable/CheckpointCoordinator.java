package io.ringflow.journal.durable;

import io.ringflow.journal.JournalException;
import io.ringflow.journal.JournalRetention;
import io.ringflow.journal.checkpoint.Checkpoint;
import io.ringflow.journal.checkpoint.CheckpointStore;
import io.ringflow.journal.checkpoint.CheckpointWriter;
import io.ringflow.pipeline.runtime.CheckpointListener;
import org.agrona.DirectBuffer;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Turns what barriers collect into committed checkpoints: stages hand their state over as the barrier
 * passes them (copied, on their own threads), and when the barrier reaches the sink the checkpoint is
 * written and committed — snapshot files, then the manifest with the input sequence and the output
 * journal's position, renamed into place as the commit point.
 * <p>
 * <b>Writing is asynchronous.</b> The sink's thread only records the output position and hands the
 * checkpoint to a writer thread, which writes, fsyncs and commits checkpoints one at a time, in order. So
 * the pipeline does not pause for the fsyncs (tens of milliseconds for a few MB on an ordinary disk); it
 * still pauses for the stages' snapshots, which are taken on their own threads as the barrier passes.
 * Committing later changes nothing about exactness: a crash before the commit point leaves the previous
 * checkpoint newest, and recovery replays a little more. At most {@value #QUEUED} checkpoints wait; a
 * further barrier at the sink waits for room (back-pressure, never a skipped checkpoint). A failed write
 * (a full disk) fails the pipeline at the next barrier, or at {@link #finish()}.
 * <p>
 * Threading: {@link #onStageSnapshot} from any stage thread, {@link #onBarrierAtSink} from the last
 * stage's thread, {@link #finish()} from the thread that runs the pipeline; state is handed over through
 * a concurrent map, checkpoints through the writer's queue.
 */
public final class CheckpointCoordinator implements CheckpointListener, AutoCloseable
{
    /** Checkpoints waiting for the writer, at most. */
    public static final int QUEUED = 2;

    private final CheckpointStore store;
    private final String pipelineId;
    private final LongSupplier outputPosition;
    private final Map<Long, Map<String, byte[]>> pending = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor writer;
    private volatile Checkpoint lastCommitted;
    private volatile long committed;
    private volatile Throwable writeFailure;
    private boolean failureReported;
    private Path trimmedJournal;
    private Consumer<String> trimWarnings;
    private long trimAgainFrom = Long.MIN_VALUE;   // writer thread only

    /**
     * @param store          where checkpoints go; used by the writer thread only from now on.
     * @param pipelineId     recorded in each checkpoint; recovery refuses another pipeline's.
     * @param outputPosition the output journal's position once the sink has every output before the
     *                       barrier; read on the sink's thread.
     */
    public CheckpointCoordinator(final CheckpointStore store, final String pipelineId, final LongSupplier outputPosition)
    {
        this.store = store;
        this.pipelineId = pipelineId;
        this.outputPosition = outputPosition;
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUED),
            task -> daemon(task, "checkpoint-writer-" + pipelineId), CheckpointCoordinator::waitForRoom);
    }

    @Override
    public void onStageSnapshot(final long checkpointId, final String stageName, final DirectBuffer state, final int length)
    {
        final byte[] bytes = new byte[length];
        state.getBytes(0, bytes);
        pending.computeIfAbsent(checkpointId, id -> new ConcurrentHashMap<>()).put(snapshotName(stageName), bytes);
    }

    @Override
    public void onBarrierAtSink(final long checkpointId, final long inputSequence)
    {
        final Map<String, byte[]> snapshots = pending.remove(checkpointId);   // first: a failing run keeps no copies
        throwIfWriteFailed();
        final long position = outputPosition.getAsLong();   // now, on the sink's thread: every output before the barrier
        writer.execute(() -> write(checkpointId, snapshots, inputSequence, position));
    }

    private void write(final long checkpointId, final Map<String, byte[]> snapshots, final long inputSequence, final long position)
    {
        if (null != writeFailure)
        {
            return;   // a later checkpoint must not commit over a gap
        }
        try
        {
            final CheckpointWriter checkpoint = store.begin(checkpointId);
            if (null != snapshots)
            {
                for (final Map.Entry<String, byte[]> snapshot : snapshots.entrySet())
                {
                    checkpoint.addSnapshot(snapshot.getKey(), snapshot.getValue(), 0, snapshot.getValue().length);
                }
            }
            lastCommitted = checkpoint.commit(pipelineId, inputSequence, position);
            committed++;
        }
        catch (final RuntimeException | Error ex)
        {
            writeFailure = ex;
            return;
        }
        trimInputJournal();
    }

    /**
     * After each commit, delete the input journal's roll cycles before the oldest retained checkpoint's
     * input sequence ({@link JournalRetention}): no recovery can need them. Call before the first barrier.
     *
     * @param inputJournal the pipeline's input journal.
     * @param warnings     receives a line when trimming fails; the pipeline goes on (the files stay).
     * @return this.
     */
    public CheckpointCoordinator trimInputJournal(final Path inputJournal, final Consumer<String> warnings)
    {
        this.trimmedJournal = inputJournal;
        this.trimWarnings = warnings;
        return this;
    }

    private void trimInputJournal()
    {
        if (null == trimmedJournal)
        {
            return;
        }
        try
        {
            final OptionalLong oldest = store.oldestInputSequence();
            if (oldest.isPresent() && oldest.getAsLong() >= trimAgainFrom)   // else its cycle is the journal's first
            {
                trimAgainFrom = JournalRetention.deleteCyclesBefore(trimmedJournal, oldest.getAsLong()).trimAgainFrom();
            }
        }
        catch (final RuntimeException ex)
        {
            // the journal keeps files it could have dropped: a disk-space matter, not a correctness one
            trimWarnings.accept("input journal " + trimmedJournal + ": retention failed, the pipeline goes on: " +
                ex.getMessage());
        }
    }

    /**
     * As {@link #finish()}, except that a failure {@code finish()} has already thrown is not thrown again (a
     * try-with-resources would otherwise attach it to itself, or a copy of it, as suppressed).
     *
     * @throws JournalException if a checkpoint failed to commit and no {@code finish()} reported it yet.
     */
    @Override
    public void close()
    {
        if (!failureReported)
        {
            finish();
        }
    }

    /**
     * Wait until every handed-over checkpoint is committed, and stop the writer thread. Idempotent.
     *
     * @throws JournalException if a checkpoint failed to commit, with the cause.
     */
    public void finish()
    {
        writer.shutdown();
        try
        {
            while (!writer.awaitTermination(1, TimeUnit.SECONDS))
            {
                Thread.onSpinWait();
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new JournalException("interrupted while the last checkpoints were written", ex);
        }
        failureReported = writeFailed();
        throwIfWriteFailed();
    }

    private void throwIfWriteFailed()
    {
        final Throwable failure = writeFailure;
        if (null != failure)
        {
            throw new JournalException("pipeline '" + pipelineId + "': a checkpoint failed to commit (the newest " +
                "committed one is " + lastCommitted + "): " + failure.getMessage(), failure);
        }
    }

    private static Thread daemon(final Runnable task, final String name)
    {
        final Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Back-pressure: the sink's thread waits for the writer to take a queued checkpoint. */
    private static void waitForRoom(final Runnable task, final ThreadPoolExecutor executor)
    {
        if (executor.isShutdown())
        {
            throw handedOverAfterClose();
        }
        try
        {
            executor.getQueue().put(task);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new JournalException("interrupted while waiting to hand a checkpoint to its writer", ex);
        }
        // a finish() between the check and the put may have let the writer stop with the queue empty: a task
        // it will never take is taken back and refused, so finish() cannot report success over a lost checkpoint
        if (executor.isShutdown() && executor.getQueue().remove(task))
        {
            throw handedOverAfterClose();
        }
    }

    private static JournalException handedOverAfterClose()
    {
        return new JournalException("checkpoint handed over after the coordinator closed");
    }

    /** @return true once a checkpoint failed to commit; {@link #finish()} then throws the cause. */
    public boolean writeFailed()
    {
        return null != writeFailure;
    }

    /** @return the last checkpoint this coordinator committed, or null. */
    public Checkpoint lastCommitted()
    {
        return lastCommitted;
    }

    /** @return the id of the last checkpoint this coordinator committed, or -1. */
    public long lastCommittedId()
    {
        final Checkpoint checkpoint = lastCommitted;
        return null == checkpoint ? -1 : checkpoint.checkpointId();
    }

    /** @return checkpoints committed by this coordinator. */
    public long committedCount()
    {
        return committed;
    }

    /**
     * A stage name as a file name the store accepts: letters, digits, '.' and '-' stay, anything else
     * (the escape character '_' included) becomes '_' and four hex digits per UTF-16 unit.
     *
     * @param stageName a stage's name.
     * @return its snapshot's name.
     */
    public static String snapshotName(final String stageName)
    {
        final StringBuilder name = new StringBuilder(stageName.length() + 8);
        for (int i = 0; i < stageName.length(); i++)
        {
            final char c = stageName.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-')
            {
                name.append(c);
            }
            else
            {
                name.append('_').append(String.format("%04x", (int)c));
            }
        }
        return name.toString();
    }
}
