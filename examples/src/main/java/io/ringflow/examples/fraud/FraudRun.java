package io.ringflow.examples.fraud;

import io.ringflow.journal.durable.RecoveryReport;
import org.HdrHistogram.Histogram;

import java.nio.file.Path;

/**
 * The figures a fraud demo run ends with; printed by {@link FraudSummary}, checked by the tests.
 *
 * @param journalDir where the journals and checkpoints are.
 * @param recovery   what the durable run did, or null if it failed.
 * @param tally      what the output journal holds, or null if the run failed.
 * @param sent       events this run journaled.
 * @param latency    end-to-end latency after the warm-up.
 * @param counters   dead letters, duplicates, late payments, live alert counts.
 * @param generator  the stream's generator, with what it injected.
 * @param failure    why the detector failed, or null.
 */
record FraudRun(
    Path journalDir,
    RecoveryReport recovery,
    AlertTally tally,
    long sent,
    Histogram latency,
    FraudCounters counters,
    FraudGenerator generator,
    Throwable failure)
{
    /** @return true if the detector failed. */
    boolean failed()
    {
        return null != failure;
    }
}
