package io.ringflow.journal.durable;

import io.ringflow.journal.checkpoint.CheckpointStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast mode's guarantee under SIGKILL: a child JVM ({@link FastCrashChild}) publishes a seeded stream
 * through a {@link FastIngress} and is killed at random moments, then restarted until it ends the stream;
 * each restart recovers and the producer resumes after the last payment the journal holds. At the end
 * the input journal holds every payment exactly once, in order (what the crash did not journal was sent
 * again), and the output journal equals what a durable replay of that input journal outputs — no output
 * of an input the journal lost, none twice. After each kill, before any restart, no output and no checkpoint
 * may name an input the journal lacks (a kill rarely lands in the microseconds where that could go wrong:
 * {@link JournaledOutputsTest} checks the gates deterministically).
 */
class FastModeCrashTest
{
    private static final int PAYMENTS = 30_000;
    private static final int TRIALS = Integer.getInteger("ringflow.crash.trials", 2);
    private static final int KILLS_PER_TRIAL = 3;

    @Test
    void shouldJournalEveryPaymentOnceAndOutputExactlyAfterSigkillAtRandomMoments(@TempDir final Path dir) throws Exception
    {
        final Random random = new Random(20261126L);
        final List<String> published = FastModeTest.describe(FastModeTest.payments(PAYMENTS));
        int kills = 0;
        int midStream = 0;
        for (int trial = 0; trial < TRIALS; trial++)
        {
            final Path trialDir = dir.resolve("trial-" + trial);
            final List<String> arguments = List.of(trialDir.resolve("input").toString(),
                trialDir.resolve("output").toString(), trialDir.resolve("cp").toString(), String.valueOf(PAYMENTS));
            Files.createDirectories(trialDir);
            for (int kill = 0; kill < KILLS_PER_TRIAL; kill++)
            {
                final Process child = ChildJvm.start(FastCrashChild.class, trialDir, arguments);
                ChildJvm.awaitLine(child, "PUBLISHING");   // recovered: the kill lands while it publishes
                if (!child.waitFor(10 + random.nextInt(140), TimeUnit.MILLISECONDS))
                {
                    child.destroyForcibly().waitFor();
                    kills++;
                    final List<Long> sequences = new ArrayList<>();
                    final int journaled = FastModeTest.journaledPayments(trialDir.resolve("input"), sequences).size();
                    midStream += journaled > 0 && journaled < PAYMENTS ? 1 : 0;
                    assertNothingAheadOfTheJournal(trialDir, sequences.isEmpty() ? -1 : sequences.get(sequences.size() - 1));
                }
                else
                {
                    assertThat(child.exitValue()).as("a child that ended before its kill").isZero();
                }
            }
            final Process last = ChildJvm.start(FastCrashChild.class, trialDir, arguments);
            final String done = ChildJvm.awaitLine(last, "DONE");
            assertThat(last.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(last.exitValue()).as(done).isZero();
            assertThat(done).contains("end of stream");

            final Path input = trialDir.resolve("input");
            assertThat(FastModeTest.journaledPayments(input, new ArrayList<>())).as("trial %d: the input journal", trial)
                .isEqualTo(published);
            assertThat(CrashRecoveryTest.readOutput(trialDir.resolve("output"))).as("trial %d: the output journal", trial)
                .isEqualTo(FastModeTest.durableReplay(input, trialDir));
        }
        System.out.printf("fast-mode crash test: %d SIGKILLs survived (%d mid-stream) over %d trials of %d payments%n",
            kills, midStream, TRIALS, PAYMENTS);
        assertThat(midStream).as("kills that hit a producer mid-stream").isGreaterThanOrEqualTo(1);
    }

    /**
     * The crash's own evidence, before a restart could repair anything: no output and no checkpoint of an
     * input the journal does not hold (the payments resent after a restart get the same sequences, so the
     * final comparison alone would not see it).
     */
    private static void assertNothingAheadOfTheJournal(final Path trialDir, final long lastJournaled)
    {
        for (final String output : CrashRecoveryTest.readOutput(trialDir.resolve("output")))
        {
            final long inputSequence = Long.parseLong(output.substring(0, output.indexOf('/')));
            assertThat(inputSequence).as("output %s after a kill", output).isLessThanOrEqualTo(lastJournaled);
        }
        new CheckpointStore(trialDir.resolve("cp"), 2).latest(CrashTestPipeline.PIPELINE_ID).ifPresent(checkpoint ->
            assertThat(checkpoint.inputSequence()).as("the newest checkpoint after a kill").isLessThanOrEqualTo(lastJournaled));
    }
}
