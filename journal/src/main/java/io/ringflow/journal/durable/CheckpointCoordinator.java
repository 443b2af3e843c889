package io.ringflow.journal.durable;

import io.ringflow.journal.checkpoint.Checkpoint;
import io.ringflow.journal.checkpoint.CheckpointStore;
import io.ringflow.journal.checkpoint.CheckpointWriter;
import io.ringflow.pipeline.runtime.CheckpointListener;
import org.agrona.DirectBuffer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Turns what barriers collect into committed checkpoints: stages hand their state over as the barrier
 * passes them (copied, on their own threads), and when the barrier reaches the sink the checkpoint is
 * written and committed — snapshot files, then the manifest with the input sequence and the output
 * journal's position, renamed into place as the commit point.
 * <p>
 * Writing happens on the last stage's thread, which therefore pauses for the fsyncs of each
 * checkpoint: simple and exactly ordered with the sink's output, at the cost of a latency spike per
 * checkpoint (measured in the crash test's figures; an asynchronous writer is future work).
 * <p>
 * Threading: {@link #onStageSnapshot} from any stage thread, {@link #onBarrierAtSink} from the last
 * stage's thread; state is handed over through a concurrent map.
 */
public final class CheckpointCoordinator implements CheckpointListener
{
    private final CheckpointStore store;
    private final String pipelineId;
    private final LongSupplier outputPosition;
    private final Map<Long, Map<String, byte[]>> pending = new ConcurrentHashMap<>();
    private volatile Checkpoint lastCommitted;
    private volatile long committed;

    /**
     * @param store          where checkpoints go.
     * @param pipelineId     recorded in each checkpoint; recovery refuses another pipeline's.
     * @param outputPosition the output journal's position once the sink has every output before the
     *                       barrier; read on the sink's thread.
     */
    public CheckpointCoordinator(final CheckpointStore store, final String pipelineId, final LongSupplier outputPosition)
    {
        this.store = store;
        this.pipelineId = pipelineId;
        this.outputPosition = outputPosition;
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
        final Map<String, byte[]> snapshots = pending.remove(checkpointId);
        final CheckpointWriter writer = store.begin(checkpointId);
        if (null != snapshots)
        {
            for (final Map.Entry<String, byte[]> snapshot : snapshots.entrySet())
            {
                writer.addSnapshot(snapshot.getKey(), snapshot.getValue(), 0, snapshot.getValue().length);
            }
        }
        lastCommitted = writer.commit(pipelineId, inputSequence, outputPosition.getAsLong());
        committed++;
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
