package io.ringflow.journal.durable;

import io.ringflow.journal.InputJournal;
import io.ringflow.journal.checkpoint.CheckpointStore;
import io.ringflow.operators.aggregate.Aggregates;
import io.ringflow.operators.time.WatermarkStrategy;
import io.ringflow.operators.window.WindowResult;
import io.ringflow.operators.window.WindowResultCodec;
import io.ringflow.operators.window.Windows;
import io.ringflow.pipeline.KeyedStream;
import io.ringflow.pipeline.Pipeline;

import java.nio.file.Path;
import java.util.Random;

/**
 * The crash test's subject, run in a child JVM that the test kills: a keyed, windowed, two-stage
 * pipeline from an input journal of payments to an output journal of window results, with frequent
 * checkpoints. {@code main} optionally pauses at a checkpoint commit step (printing {@code PAUSED}) so
 * that the parent can kill it exactly there.
 */
public final class CrashTestPipeline
{
    static final String PIPELINE_ID = "crash-test-v1";
    static final int SLOTS = 2;
    static final WindowResultCodec OUTPUT_CODEC = new WindowResultCodec(SLOTS);
    static final long CHECKPOINT_EVERY_RECORDS = 2_000;
    /** Payments {@link #appendPayments} puts in one input journal excerpt. */
    static final int PAYMENTS_PER_EXCERPT = 11;

    private CrashTestPipeline()
    {
    }

    /**
     * @param args input, output and checkpoint directories, the windows stage's partitions; optionally a
     *             pause point ({@code snapshot}, {@code before-rename}, {@code after-rename}) and the
     *             checkpoint id to pause at.
     */
    public static void main(final String[] args)
    {
        final CheckpointStore.Hooks hooks = args.length > 4 ? pauseAt(args[4], Long.parseLong(args[5])) :
            new CheckpointStore.Hooks()
            {
            };
        final RecoveryReport report = run(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), hooks, false,
            Integer.parseInt(args[3]));
        System.out.println("DONE " + report.describe());
    }

    /** @return the pipeline id of the plan with that many window partitions (their state differs). */
    static String pipelineId(final int partitions)
    {
        return 1 == partitions ? PIPELINE_ID : "crash-test-" + partitions + "-partitions-v1";
    }

    static RecoveryReport run(
        final Path input, final Path output, final Path checkpoints, final CheckpointStore.Hooks hooks, final boolean stepped)
    {
        return run(input, output, checkpoints, hooks, stepped, 1);
    }

    static RecoveryReport run(
        final Path input, final Path output, final Path checkpoints, final CheckpointStore.Hooks hooks,
        final boolean stepped, final int partitions)
    {
        return durable(input, output, checkpoints, hooks, stepped, partitions).run();
    }

    static DurablePipeline<Payment, WindowResult> durable(
        final Path input, final Path output, final Path checkpoints, final CheckpointStore.Hooks hooks, final boolean stepped)
    {
        return durable(input, output, checkpoints, hooks, stepped, 1);
    }

    static DurablePipeline<Payment, WindowResult> durable(
        final Path input, final Path output, final Path checkpoints, final CheckpointStore.Hooks hooks,
        final boolean stepped, final int partitions)
    {
        return DurablePipeline.<Payment, WindowResult>builder(pipelineId(partitions))
            .input(input, Payment.CODEC, Payment.TYPE)
            .output(output, OUTPUT_CODEC)
            .checkpoints(checkpoints, 2)
            .checkpointEvery(CHECKPOINT_EVERY_RECORDS, 10_000)
            .hooks(hooks)
            .stepped(stepped)
            .plan((source, sink) -> plan(Pipeline.from(source), sink, partitions))
            .build();
    }

    static Pipeline<Payment> plan(
        final io.ringflow.pipeline.Stream<Payment, Payment> source, final io.ringflow.pipeline.Sink<WindowResult> sink)
    {
        return plan(source, sink, 1);
    }

    /**
     * One partition: the windows in a stage of their own. More: the windows in that many key partitions,
     * fed by the first stage and merged into a sink stage.
     */
    static Pipeline<Payment> plan(
        final io.ringflow.pipeline.Stream<Payment, Payment> source, final io.ringflow.pipeline.Sink<WindowResult> sink,
        final int partitions)
    {
        final io.ringflow.pipeline.Stream<Payment, Payment> payments = source
            .assignTimestamps("event-time",
                WatermarkStrategy.<Payment>forBoundedOutOfOrderness(50).withTimestampAssigner(Payment::timeMs))
            .filter("positive", payment -> payment.amount > 0);
        final KeyedStream<Payment, Payment> byCard = 1 == partitions ?
            payments.stage("windows").keyBy(Payment::card) :
            payments.keyBy(Payment::card).parallelism("windows", partitions);
        return byCard
            .window(Windows.sliding(400, 100))
            .aggregate("per-card", Aggregates.of(Aggregates.count(), Aggregates.sum(Payment::amount)))
            .to(sink);
    }

    /**
     * Write a seeded input journal: {@code records} payments over 500 cards, slightly out of order,
     * with processing-time ticks between them, and an end-of-stream.
     */
    static void writeInput(final Path directory, final long seed, final int records)
    {
        try (InputJournal journal = new InputJournal(directory))
        {
            appendPayments(journal, new Random(seed), 0, records);
            journal.appendEndOfStream(records);
        }
    }

    /**
     * Append payments {@code from} to {@code to} (exclusive) of the seeded sequence that
     * {@link #writeInput} writes, with a processing-time tick after every 5,000th. {@link #PAYMENTS_PER_EXCERPT}
     * payments go to an excerpt (a tick joins the excerpt it follows), so checkpoints fall inside excerpts and
     * recovery resumes from the middle of one. Where excerpts end depends on the payment's number only, so
     * that a journal written in parts holds the same sequences as one written at once: the last payments may
     * stay batched until the next append or the journal's close.
     */
    static void appendPayments(final InputJournal journal, final Random random, final int from, final int to)
    {
        final Payment payment = new Payment();
        for (int i = from; i < to; i++)
        {
            payment.set(random.nextInt(500), i / 4 + random.nextInt(40), random.nextInt(1_000) - 20);
            if (i % PAYMENTS_PER_EXCERPT == PAYMENTS_PER_EXCERPT - 1)
            {
                journal.append(Payment.CODEC, payment, payment.timeMs, i);
            }
            else
            {
                journal.appendToBatch(Payment.CODEC, payment, payment.timeMs, i);
            }
            if (i % 5_000 == 4_999)
            {
                journal.appendProcessingTimeTick(i, i);
            }
        }
    }

    private static CheckpointStore.Hooks pauseAt(final String point, final long checkpointId)
    {
        return new CheckpointStore.Hooks()
        {
            @Override
            public void afterSnapshotWritten(final long id, final String name)
            {
                pauseIf("snapshot", id);
            }

            @Override
            public void beforeManifestRename(final long id)
            {
                pauseIf("before-rename", id);
            }

            @Override
            public void afterManifestRename(final long id)
            {
                pauseIf("after-rename", id);
            }

            private void pauseIf(final String here, final long id)
            {
                if (here.equals(point) && id == checkpointId)
                {
                    System.out.println("PAUSED " + here + " " + id);
                    System.out.flush();
                    try
                    {
                        Thread.sleep(Long.MAX_VALUE);
                    }
                    catch (final InterruptedException ex)
                    {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
    }
}
