package io.ringflow.journal.durable;

/**
 * {@link CrashRecoveryTest} with the windows in two key partitions, routed by the first stage and merged
 * into a sink stage: the checkpoints span both partitions, and the merged outputs must come out in the
 * same order, with the same keys, after every SIGKILL. Two random trials (the unpartitioned test runs four).
 */
class PartitionedCrashRecoveryTest extends CrashRecoveryTest
{
    @Override
    int partitions()
    {
        return 2;
    }

    @Override
    int randomTrials()
    {
        return Integer.getInteger("ringflow.crash.trials", 2);
    }
}
