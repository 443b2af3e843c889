package io.ringflow.journal.durable;

import io.ringflow.journal.InputJournal;
import io.ringflow.journal.JournalEntry;
import io.ringflow.journal.JournalException;
import io.ringflow.journal.JournalReader;
import io.ringflow.journal.checkpoint.CheckpointStore;
import io.ringflow.operators.window.WindowResult;
import io.ringflow.pipeline.Pipeline;
import io.ringflow.pipeline.PublishResult;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link JournalMode#FAST}: records go into the pipeline at once and are journaled beside it, and the
 * journals come out as durable mode's would — the input journal holds what was published, in order,
 * and the output journal equals a durable replay of that input journal, across roll cycles (with the
 * stages on their own thread, or stepped by the journaling thread), a halt and a resume. Crashes:
 * {@link FastModeCrashTest}.
 */
class FastModeTest
{
    private static final long SEED = 5;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "stepped = {0}")
    @ValueSource(booleans = {false, true})
    void shouldJournalWhatWasPublishedAndOutputWhatADurableReplayOutputsAcrossRollCycles(final boolean stepped) throws Exception
    {
        new InputJournal(input(), TestRollCycles.TEST_SECONDLY).close();   // a journal keeps its roll cycle
        final List<Payment> payments = payments(12_000);
        final DurablePipeline<Payment, WindowResult> pipeline = fast(input(), output(), dir.resolve("cp"), stepped);
        final CompletableFuture<RecoveryReport> running = CompletableFuture.supplyAsync(pipeline::run);
        final FastIngress<Payment> ingress = pipeline.fastIngress(30, TimeUnit.SECONDS);
        final long startNs = ingress.clock().epochNanos();
        for (int i = 0; i < payments.size(); i++)
        {
            // ingest times 0.25 ms apart: the records span 3 seconds, so 3 to 4 roll cycles
            assertThat(ingress.publish(payments.get(i), payments.get(i).timeMs, startNs + i * 250_000L)).isEqualTo(PublishResult.OK);
            if (i % 5_000 == 4_999)
            {
                assertThat(ingress.processingTime(i)).isEqualTo(PublishResult.OK);
            }
        }
        assertThat(ingress.endOfStream()).isEqualTo(PublishResult.OK);
        assertThat(ingress.publish(payments.get(0), 0)).as("after the end").isEqualTo(PublishResult.CLOSED);
        final RecoveryReport report = running.get(60, TimeUnit.SECONDS);

        assertThat(report.reachedEndOfStream()).isTrue();
        assertThat(report.recordsFed()).isEqualTo(payments.size());
        assertThat(report.checkpointsCommitted()).as("a barrier every 2,000 records").isGreaterThanOrEqualTo(5);
        final List<Long> sequences = new ArrayList<>();
        assertThat(journaledPayments(sequences)).isEqualTo(describe(payments));
        final Set<Integer> cycles = new HashSet<>();
        sequences.forEach(sequence -> cycles.add(TestRollCycles.TEST_SECONDLY.toCycle(sequence)));
        assertThat(cycles).as("roll cycles the records span").hasSizeGreaterThanOrEqualTo(3);
        assertThat(CrashRecoveryTest.readOutput(output())).isEqualTo(durableReplay());
    }

    @Test
    void shouldStopAtACheckpointAndLetTheNextRunResumeWhereTheProducerLeftOff() throws Exception
    {
        final List<Payment> payments = payments(9_000);
        final DurablePipeline<Payment, WindowResult> first = fast();
        final CompletableFuture<RecoveryReport> firstRun = CompletableFuture.supplyAsync(first::run);
        final FastIngress<Payment> ingress = first.fastIngress(30, TimeUnit.SECONDS);
        for (int i = 0; i < 5_500; i++)
        {
            assertThat(ingress.publish(payments.get(i), payments.get(i).timeMs)).isEqualTo(PublishResult.OK);
        }
        first.stop();
        assertThat(ingress.publish(payments.get(5_500), 0)).as("the call that sees the stop").isEqualTo(PublishResult.CLOSED);
        final RecoveryReport halted = firstRun.get(60, TimeUnit.SECONDS);
        assertThat(halted.reachedEndOfStream()).isFalse();
        assertThat(halted.recordsFed()).isEqualTo(5_500);
        final long lastCheckpoint = new CheckpointStore(dir.resolve("cp"), 2).latest(CrashTestPipeline.PIPELINE_ID)
            .orElseThrow().inputSequence();
        assertThat(lastCheckpoint).as("the halt's checkpoint covers the last record").isEqualTo(ingress.lastSequence());

        final DurablePipeline<Payment, WindowResult> second = fast();
        final CompletableFuture<RecoveryReport> secondRun = CompletableFuture.supplyAsync(second::run);
        final FastIngress<Payment> resumed = second.fastIngress(30, TimeUnit.SECONDS);
        assertThat(resumed.lastSequence()).isEqualTo(lastCheckpoint);
        for (int i = 5_500; i < payments.size(); i++)
        {
            assertThat(resumed.publish(payments.get(i), payments.get(i).timeMs)).isEqualTo(PublishResult.OK);
        }
        resumed.endOfStream();
        final RecoveryReport ended = secondRun.get(60, TimeUnit.SECONDS);
        assertThat(ended.restoredInputSequence()).isEqualTo(lastCheckpoint);
        assertThat(ended.recordsFed()).isEqualTo(3_500);
        assertThat(ended.outputsVerified()).as("nothing to regenerate after the halt's checkpoint").isZero();

        assertThat(journaledPayments(new ArrayList<>())).isEqualTo(describe(payments));
        assertThat(CrashRecoveryTest.readOutput(output())).isEqualTo(durableReplay());
    }

    @Test
    void shouldJournalRecordsWithPastIngestTimesInTheCycleAPretouchOpenedAhead() throws Exception
    {
        // The journal's last entry is seconds old on a one-second roll cycle; the run's pretouch opens the
        // current cycle (closing the old one to appends) and the producer then sends with the old times.
        final long pastMs = System.currentTimeMillis() - 5_000;
        final List<Payment> payments = payments(200);
        try (InputJournal journal = InputJournal.withAppendClock(input(), TestRollCycles.TEST_SECONDLY))
        {
            journal.appendTimeMs(pastMs).append(Payment.CODEC, payments.get(0), payments.get(0).timeMs, pastMs * 1_000_000);
        }
        final DurablePipeline<Payment, WindowResult> pipeline = fast();
        final CompletableFuture<RecoveryReport> running = CompletableFuture.supplyAsync(pipeline::run);
        final FastIngress<Payment> ingress = pipeline.fastIngress(30, TimeUnit.SECONDS);
        for (int i = 1; i < payments.size(); i++)
        {
            assertThat(ingress.publish(payments.get(i), payments.get(i).timeMs, (pastMs + i) * 1_000_000)).isEqualTo(PublishResult.OK);
        }
        ingress.endOfStream();
        assertThat(running.get(30, TimeUnit.SECONDS).reachedEndOfStream()).isTrue();
        assertThat(journaledPayments(new ArrayList<>())).isEqualTo(describe(payments));
    }

    @Test
    void shouldFailTheRunWhenSomethingElseAppendsToItsJournal() throws Exception
    {
        final List<Payment> payments = payments(100);
        final DurablePipeline<Payment, WindowResult> pipeline = fast();
        final CompletableFuture<RecoveryReport> running = CompletableFuture.supplyAsync(pipeline::run);
        final FastIngress<Payment> ingress = pipeline.fastIngress(30, TimeUnit.SECONDS);
        ingress.publish(payments.get(0), 0);
        try (InputJournal intruder = new InputJournal(input()))
        {
            intruder.append(Payment.CODEC, payments.get(1), 1, 1);
        }
        for (int i = 2; i < payments.size() && !running.isDone(); i++)
        {
            ingress.publish(payments.get(i), payments.get(i).timeMs);
            Thread.sleep(1);
        }
        assertThatThrownBy(() -> running.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
            .cause().isInstanceOf(JournalException.class).hasMessageContaining("one writer")
            .hasMessageContaining(input().toString());
        assertThat(ingress.publish(payments.get(0), 0)).isEqualTo(PublishResult.CLOSED);
    }

    @Test
    void shouldRefuseAFastIngressInDurableMode()
    {
        final DurablePipeline<Payment, WindowResult> durable =
            CrashTestPipeline.durable(input(), output(), dir.resolve("cp"), CheckpointStore.Hooks.NONE, false);
        assertThatThrownBy(() -> durable.fastIngress(1, TimeUnit.SECONDS))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("JournalMode.FAST");
    }

    private DurablePipeline<Payment, WindowResult> fast()
    {
        return fast(input(), output(), dir.resolve("cp"), false);
    }

    /**
     * The crash test's pipeline ({@link CrashTestPipeline#plan}) in fast mode; stepped: {@code run()}'s thread
     * journals and runs the stages.
     */
    static DurablePipeline<Payment, WindowResult> fast(
        final Path input, final Path output, final Path checkpoints, final boolean stepped)
    {
        return DurablePipeline.<Payment, WindowResult>builder(CrashTestPipeline.PIPELINE_ID)
            .input(input, Payment.CODEC, Payment.TYPE)
            .output(output, CrashTestPipeline.OUTPUT_CODEC)
            .checkpoints(checkpoints, 2)
            .checkpointEvery(CrashTestPipeline.CHECKPOINT_EVERY_RECORDS, 10_000)
            .mode(JournalMode.FAST)
            .stepped(stepped)
            .plan((source, sink) -> CrashTestPipeline.plan(Pipeline.from(source), sink))
            .build();
    }

    private List<String> durableReplay()
    {
        return durableReplay(input(), dir);
    }

    /** The output a durable, stepped run writes (under {@code scratch}) from the input journal as it now is. */
    static List<String> durableReplay(final Path input, final Path scratch)
    {
        final Path replayed = scratch.resolve("replayed");
        final RecoveryReport report = CrashTestPipeline.run(input, replayed, scratch.resolve("replayed-cp"),
            CheckpointStore.Hooks.NONE, true);
        assertThat(report.reachedEndOfStream()).isTrue();
        final List<String> outputs = CrashRecoveryTest.readOutput(replayed);
        assertThat(outputs).hasSizeGreaterThan(1_000);
        return outputs;
    }

    private List<String> journaledPayments(final List<Long> sequences)
    {
        return journaledPayments(input(), sequences);
    }

    /** Each record in the journal as a comparable line, its sequence added to {@code sequences}. */
    static List<String> journaledPayments(final Path input, final List<Long> sequences)
    {
        final List<String> journaled = new ArrayList<>();
        try (JournalReader<Payment> reader = new JournalReader<>(input, Payment.CODEC))
        {
            final JournalEntry<Payment> entry = reader.newEntry();
            while (reader.next(entry))
            {
                if (entry.isRecord())
                {
                    journaled.add(describe(entry.record()) + " t=" + entry.timestamp());
                    sequences.add(entry.sequence());
                }
            }
        }
        return journaled;
    }

    static List<String> describe(final List<Payment> payments)
    {
        final List<String> described = new ArrayList<>();
        payments.forEach(payment -> described.add(describe(payment) + " t=" + payment.timeMs));
        return described;
    }

    private static String describe(final Payment payment)
    {
        return payment.card + "/" + payment.timeMs + "/" + payment.amount;
    }

    static List<Payment> payments(final int count)
    {
        final Random random = new Random(SEED);
        final List<Payment> payments = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            payments.add(new Payment().set(random.nextInt(500), i / 4 + random.nextInt(40), random.nextInt(1_000) - 20));
        }
        return payments;
    }

    private Path input()
    {
        return dir.resolve("input");
    }

    private Path output()
    {
        return dir.resolve("output");
    }
}
