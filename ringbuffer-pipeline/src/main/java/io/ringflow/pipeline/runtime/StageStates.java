package io.ringflow.pipeline.runtime;

/**
 * Where a pipeline being built finds each stage's state to restore: a committed checkpoint.
 * <p>
 * Threading: called on the building thread.
 */
@FunctionalInterface
public interface StageStates
{
    /**
     * @param stageName a stage of the pipeline.
     * @return the framed snapshot {@link CheckpointListener#onStageSnapshot} received for it.
     * @throws RuntimeException naming the checkpoint if it holds no state for that stage.
     */
    byte[] stateOf(String stageName);
}
