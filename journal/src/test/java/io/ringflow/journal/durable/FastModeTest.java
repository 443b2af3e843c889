package io.ringflow.journal.durable;

import io.ringflow.journal.InputJournal;
import io.ringflow.journal.JournalEntry;
import io.ringflow.journal.JournalException;
import io.ringflow.journal.JournalReader;
import io.ringflow.journal.JournalRecordDescriptor;
import io.ringflow.journal.checkpoint.CheckpointStore;
import io.ringflow.operators.RecordFilter;
import io.ringflow.operators.window.WindowResult;
import io.ringflow.pipeline.Pipeline;
import io.ringflow.pipeline.PublishResult;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
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

    /**
     * Batched: most records go to a batch, every 97th is published at once (closing the batch it joins), the
     * producer commits every 1,000 (half way between ticks), ticks every 5,000 join open batches and close
     * them, full batches close themselves, and the end of the stream finds a batch open.
     */
    @ParameterizedTest(name = "stepped = {0}, batched = {1}")
    @CsvSource({"false, false", "true, false", "false, true", "true, true"})
    void shouldJournalWhatWasPublishedAndOutputWhatADurableReplayOutputsAcrossRollCycles(
        final boolean stepped, final boolean batched) throws Exception
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
            final Payment payment = payments.get(i);
            final long ingestNs = startNs + i * 250_000L;
            final PublishResult published = batched && i % 97 != 0 ?
                ingress.publishToBatch(payment, payment.timeMs, ingestNs) : ingress.publish(payment, payment.timeMs, ingestNs);
            assertThat(published).isEqualTo(PublishResult.OK);
            if (batched && i % 1_000 == 500)
            {
                assertThat(ingress.commitBatch()).isEqualTo(PublishResult.OK);
            }
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
        assertThat(sequences.stream().filter(sequence -> slot(sequence) > 0).count()).as("records in a batch's later slots")
            .isEqualTo(batched ? sequences.size() - excerpts(sequences) : 0);
        assertThat(excerpts(sequences)).as("excerpts").isLessThan(batched ? payments.size() / 10 : Long.MAX_VALUE);
        assertThat(CrashRecoveryTest.readOutput(output())).isEqualTo(durableReplay());
    }

    /**
     * Every output waits until its input is journaled; with a 16-slot ring, a producer that kept its batch
     * open while waiting for ring space would wait for ever for the stage, which waits for the batch.
     */
    @ParameterizedTest(name = "stepped = {0}")
    @ValueSource(booleans = {false, true})
    void shouldCommitTheBatchBeforeWaitingForSpaceInThePipeline(final boolean stepped) throws Exception
    {
        final List<Payment> payments = payments(5_010);   // not a multiple of the barrier interval: the end finds a batch open
        final List<String> delivered = new CopyOnWriteArrayList<>();
        final List<Long> sequences = publishAllBatchedAndEnd(passThrough(stepped, delivered, payment -> true), payments);
        assertThat(delivered).isEqualTo(describe(payments));
        assertThat(excerpts(sequences)).as("batched, if into short batches").isLessThan(payments.size());
    }

    /**
     * The end of the stream goes to the pipeline before the journal, and may wait for ring space there: with
     * 16 records batched, exactly enough to fill the 16-slot ring, the stage waits for the batch and the end
     * must not wait for the stage. 17: the 17th waited and committed.
     */
    @ParameterizedTest(name = "stepped = {0}, records = {1}")
    @CsvSource({"false, 16", "true, 16", "false, 17", "true, 17"})
    void shouldEndTheStreamWhileABatchThatFilledTheRingIsOpen(final boolean stepped, final int records) throws Exception
    {
        final List<Payment> payments = payments(records);
        final List<String> delivered = new CopyOnWriteArrayList<>();
        publishAllBatchedAndEnd(passThrough(stepped, delivered, payment -> true), payments);
        assertThat(delivered).isEqualTo(describe(payments));
    }

    /**
     * Batching survives back-pressure: a producer that merely outruns the pipeline (a stage that takes ~2 µs
     * a record and waits for nothing; 16 ring slots) still puts many records in each excerpt, rather than one.
     * (The stage frees ring space a poll's batch at a time, so even a producer that committed at once on a
     * full ring would batch about a ring's worth; the short wait before committing saves more when the stage
     * frees slots one by one.)
     */
    @Test
    void shouldKeepBatchingWhileTheProducerOutrunsThePipeline() throws Exception
    {
        final List<Payment> payments = payments(4_000);
        final List<Long> sequences = publishAllBatchedAndEnd(passThrough(false, new ArrayList<>(), payment ->
        {
            final long until = System.nanoTime() + 2_000;
            while (System.nanoTime() < until)
            {
                Thread.onSpinWait();
            }
            return false;
        }), payments);
        // 64 at most (and the barriers every 1,000 close some early)
        assertThat(excerpts(sequences)).as("excerpts for %d records", payments.size()).isLessThanOrEqualTo(payments.size() / 4);
    }

    /**
     * Publish every payment to the batch and end the stream, from a producer thread of its own (a deadlock
     * fails the wait, not the JVM).
     *
     * @return the sequences of the journaled records, which must be the payments in order.
     */
    private List<Long> publishAllBatchedAndEnd(final DurablePipeline<Payment, Payment> pipeline, final List<Payment> payments)
        throws Exception
    {
        final CompletableFuture<RecoveryReport> running = CompletableFuture.supplyAsync(pipeline::run);
        final FastIngress<Payment> ingress = pipeline.fastIngress(30, TimeUnit.SECONDS);
        final CompletableFuture<Void> producer = CompletableFuture.runAsync(() ->
        {
            payments.forEach(payment -> assertThat(ingress.publishToBatch(payment, payment.timeMs)).isEqualTo(PublishResult.OK));
            assertThat(ingress.endOfStream()).isEqualTo(PublishResult.OK);
        }, Executors.newSingleThreadExecutor(daemon()));
        producer.get(60, TimeUnit.SECONDS);
        final RecoveryReport report = running.get(60, TimeUnit.SECONDS);
        assertThat(report.reachedEndOfStream()).isTrue();
        assertThat(report.recordsFed()).isEqualTo(payments.size());
        final List<Long> sequences = new ArrayList<>();
        assertThat(journaledPayments(sequences)).isEqualTo(describe(payments));
        return sequences;
    }

    /**
     * An idle batching producer may call nothing but {@code commitBatch()}: a stop takes effect there, halting
     * with the batch journaled and checkpointed.
     */
    @Test
    void shouldHaltAtACommitAfterAStop() throws Exception
    {
        final List<Payment> payments = payments(10);
        final List<String> delivered = new CopyOnWriteArrayList<>();
        final DurablePipeline<Payment, Payment> pipeline = passThrough(false, delivered, payment -> true);
        final CompletableFuture<RecoveryReport> running = CompletableFuture.supplyAsync(pipeline::run);
        final FastIngress<Payment> ingress = pipeline.fastIngress(30, TimeUnit.SECONDS);
        payments.forEach(payment -> assertThat(ingress.publishToBatch(payment, payment.timeMs)).isEqualTo(PublishResult.OK));
        pipeline.stop();
        assertThat(ingress.commitBatch()).as("the call that sees the stop").isEqualTo(PublishResult.CLOSED);
        final RecoveryReport halted = running.get(30, TimeUnit.SECONDS);
        assertThat(halted.reachedEndOfStream()).isFalse();
        assertThat(delivered).isEqualTo(describe(payments));
        assertThat(journaledPayments(new ArrayList<>())).isEqualTo(describe(payments));
        assertThat(new CheckpointStore(dir.resolve("cp"), 2).latest("fast-pass-through").orElseThrow().inputSequence())
            .as("the halt's checkpoint covers the batch").isEqualTo(ingress.lastSequence());
    }

    /** A batch's records are journaled, and so their outputs delivered, only once it is committed. */
    @ParameterizedTest(name = "stepped = {0}")
    @ValueSource(booleans = {false, true})
    void shouldHoldABatchsOutputsUntilItIsCommitted(final boolean stepped) throws Exception
    {
        final List<Payment> payments = payments(3);
        final List<String> delivered = new CopyOnWriteArrayList<>();
        final DurablePipeline<Payment, Payment> pipeline = passThrough(stepped, delivered, payment -> true);
        final CompletableFuture<RecoveryReport> running = CompletableFuture.supplyAsync(pipeline::run);
        final FastIngress<Payment> ingress = pipeline.fastIngress(30, TimeUnit.SECONDS);
        payments.forEach(payment -> assertThat(ingress.publishToBatch(payment, payment.timeMs)).isEqualTo(PublishResult.OK));
        Thread.sleep(300);
        assertThat(delivered).as("before the commit").isEmpty();
        assertThat(journaledPayments(new ArrayList<>())).as("journaled before the commit").isEmpty();
        assertThat(ingress.commitBatch()).isEqualTo(PublishResult.OK);
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (delivered.size() < payments.size() && System.nanoTime() < deadline)
        {
            Thread.sleep(5);
        }
        assertThat(delivered).as("after the commit").isEqualTo(describe(payments));
        assertThat(ingress.endOfStream()).isEqualTo(PublishResult.OK);
        running.get(60, TimeUnit.SECONDS);
        final List<Long> sequences = new ArrayList<>();
        assertThat(journaledPayments(sequences)).isEqualTo(describe(payments));
        assertThat(excerpts(sequences)).as("one excerpt").isEqualTo(1);
    }

    /**
     * One stage passing the payments {@code filter} keeps to the output journal and {@code delivered}; a
     * 16-slot ingress ring.
     */
    private DurablePipeline<Payment, Payment> passThrough(
        final boolean stepped, final List<String> delivered, final RecordFilter<Payment> filter)
    {
        return DurablePipeline.<Payment, Payment>builder("fast-pass-through")
            .input(input(), Payment.CODEC, Payment.TYPE)
            .output(output(), Payment.CODEC)
            .checkpoints(dir.resolve("cp"), 2)
            .checkpointEvery(1_000, 10_000)
            .mode(JournalMode.FAST)
            .stepped(stepped)
            .callback((payment, timestamp, inputSequence, ordinal) -> delivered.add(describe(payment) + " t=" + payment.timeMs))
            .plan((source, sink) -> Pipeline.from(source.ringSize(16)).filter("filter", filter).to(sink))
            .build();
    }

    private static ThreadFactory daemon()
    {
        return runnable ->
        {
            final Thread thread = new Thread(runnable, "fast-mode-test-producer");
            thread.setDaemon(true);
            return thread;
        };
    }

    private static long slot(final long sequence)
    {
        return sequence & (JournalRecordDescriptor.SLOTS_PER_EXCERPT - 1);   // in every roll cycle's entry number
    }

    private static long excerpts(final List<Long> sequences)
    {
        return sequences.stream().filter(sequence -> slot(sequence) == 0).count();
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
