package io.ringflow.pipeline.runtime;

import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import io.ringflow.operators.snapshot.Snapshots;
import io.ringflow.operators.snapshot.Snapshottable;

/**
 * A stage's part in checkpoints: when a barrier passes, the stage's own progress (watermark, highest
 * timestamp, counts) and its operator chain's state go into one frame, handed to the
 * {@link CheckpointListener}; at build time the same frame restores a fresh stage.
 * <p>
 * Threading: the stage's thread (restore: the building thread, before the stage runs).
 */
final class StageCheckpoints implements Snapshottable
{
    private final Stage<?, ?> stage;
    private final CheckpointListener listener;
    private final SnapshotWriter writer = new SnapshotWriter();

    StageCheckpoints(final Stage<?, ?> stage, final CheckpointListener listener)
    {
        this.stage = stage;
        this.listener = listener;
    }

    /**
     * Snapshot the stage and hand the frame to the listener. Allocation-free once the writer has grown
     * to the state's size.
     *
     * @param checkpointId the barrier's id.
     */
    void snapshot(final long checkpointId)
    {
        writer.reset();
        Snapshots.write(this, writer);
        listener.onStageSnapshot(checkpointId, stage.name, writer.buffer(), writer.position());
    }

    /**
     * @param states where the checkpoint's state is.
     */
    void restore(final StageStates states)
    {
        final byte[] bytes = states.stateOf(stage.name);
        if (null == bytes)
        {
            throw new IllegalStateException("the checkpoint holds no state for stage '" + stage.name + "'");
        }
        Snapshots.restore(this, bytes, "stage '" + stage.name + "'");
    }

    @Override
    public String snapshotType()
    {
        return "stage";
    }

    @Override
    public int snapshotVersion()
    {
        return 1;
    }

    @Override
    public void snapshotState(final SnapshotWriter out)
    {
        stage.snapshotProgress(out);
        Snapshots.write(stage.chain(), out);
    }

    @Override
    public void restoreState(final SnapshotReader in, final int version)
    {
        stage.restoreProgress(in);
        Snapshots.read(stage.chain(), in);
    }
}
