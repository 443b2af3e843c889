package io.ringflow.replay.cli;

import io.ringflow.journal.JournalReader;
import io.ringflow.journal.OutputJournalSink;
import io.ringflow.journal.durable.PipelineDefinition;
import io.ringflow.operators.KeySelector;
import io.ringflow.replay.Divergence;
import io.ringflow.replay.PacingClock;
import io.ringflow.replay.ReplaySession;
import io.ringflow.replay.StopReason;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code ringflow replay <journal> --pipeline <class>}: runs an input journal through the pipeline,
 * deterministically, on one thread: from the start, a sequence or an event time (restoring the nearest
 * checkpoint when given the checkpoint directory), to the end, a sequence or the next record of a key;
 * as fast as it goes or paced by event time. It can write the outputs to a new output journal and
 * verify them against a recorded one. At the stop it prints each stage's watermark and, with
 * {@code --key}, the state of that key. A progress line (records, rate, ETA) redraws on a terminal and
 * stays silent when piped.
 * <p>
 * Threading: runs on the caller's thread.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
        "Replay an input journal through a pipeline, deterministically, and show where it stopped.",
        "Exit code 0 when the replay ran as asked, 1 when --verify found a divergence (printed with the " +
            "state of its key), 3 for bad input."},
    footer = {"", "Examples:",
        "  ringflow replay run/input --pipeline com.acme.FraudPipeline --verify run/output",
        "  ringflow replay run/input --pipeline com.acme.FraudPipeline --checkpoints run/checkpoints " +
            "--from-seq 5713062417924288 --break-key 42 --key 42"})
final class ReplayCommand implements Callable<Integer>
{
    private static final long PROGRESS_SLICE = 1 << 16;

    private final boolean interactive;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<journal>", description = "The input journal's directory.")
    private Path input;

    @Option(names = "--pipeline", required = true, paramLabel = "<class>",
        description = "A PipelineDefinition class (public, no-argument constructor) on the classpath.")
    private String pipelineClass;

    @Option(names = "--checkpoints", paramLabel = "<dir>",
        description = "The pipeline's checkpoints: a replay from the middle restores the nearest one before it.")
    private Path checkpoints;

    @Option(names = "--from-seq", paramLabel = "<sequence>",
        description = "Deliver outputs from this input sequence on (earlier inputs only rebuild state).")
    private Long fromSequence;

    @Option(names = "--from-time", paramLabel = "<event-time>",
        description = "Start at the first record with at least this event time.")
    private Long fromTime;

    @Option(names = "--to-seq", paramLabel = "<sequence>", description = "Stop after this input sequence.")
    private Long toSequence;

    @Option(names = "--break-key", paramLabel = "<key>",
        description = "Stop before the next record of this key (the pipeline's inputKey()).")
    private Long breakKey;

    @Option(names = "--speed", paramLabel = "<x>", defaultValue = "0",
        description = "Pace records by event time (ms): 1 = as recorded, 10 = ten times faster; 0 = as fast " +
            "as possible (default).")
    private double speed;

    @Option(names = "--out", paramLabel = "<dir>", description = "Write the outputs to a new output journal here.")
    private Path out;

    @Option(names = "--verify", paramLabel = "<dir>",
        description = "Compare every output with this recorded output journal; stop at the first difference.")
    private Path verify;

    @Option(names = "--key", paramLabel = "<key>", description = "At the stop, print this key's state in every stage.")
    private Long key;

    ReplayCommand(final boolean interactive)
    {
        this.interactive = interactive;
    }

    @Override
    public Integer call()
    {
        if (null != fromSequence && null != fromTime)
        {
            throw new BadInputException("give --from-seq or --from-time, not both");
        }
        return replay(PipelineLoader.load(pipelineClass));
    }

    private <I, O> int replay(final PipelineDefinition<I, O> pipeline)
    {
        final PrintWriter console = spec.commandLine().getOut();
        final long entries = countEntries(pipeline);
        final OutputJournalSink<O> written = null == out ? null : OutputDirectory.create(out, pipeline.outputCodec());
        final ReplaySession.Builder<I, O> builder = ReplaySession.builder(pipeline, input);
        if (null != checkpoints)
        {
            builder.checkpoints(checkpoints).warnings(warning -> console.println("warning: " + warning));
        }
        if (null != fromSequence)
        {
            builder.fromSequence(fromSequence);
        }
        if (null != fromTime)
        {
            builder.fromEventTime(fromTime);
        }
        if (speed > 0)
        {
            builder.paced(speed, PacingClock.SYSTEM);
        }
        if (null != written)
        {
            builder.outputs(written);
        }
        if (null != verify)
        {
            builder.verifyAgainst(verify);
        }
        try (ReplaySession<I, O> session = builder.open())
        {
            final Progress progress = new Progress(console, interactive, entries);
            final StopReason reason = run(session, pipeline, progress);
            progress.done();
            session.restoredCheckpoint().ifPresent(checkpoint -> console.println("restored checkpoint " +
                checkpoint.checkpointId() + " at input sequence " + checkpoint.inputSequence()));
            console.println("stopped: " + describe(reason) + " at input sequence " + session.position() + " after " +
                session.recordsProcessed() + " records");
            console.println("outputs: " + session.outputsDelivered() + " delivered" +
                (null == written ? "" : ", written to " + out) +
                (null == verify ? "" : ", " + session.outputsVerified() + " equal to " + verify));
            session.peek().filter(entry -> StopReason.BREAKPOINT == reason).ifPresent(entry ->
                console.println("next: input sequence " + entry.sequence() + ", event time " + entry.timestamp() +
                    ": " + RecordJson.toJson(entry.record())));
            StopView.printStages(console, session);
            if (null != key)
            {
                StopView.printKey(console, session, key);
            }
            final Optional<Divergence> divergence = session.divergence();
            divergence.ifPresent(found -> console.print(found.describe()));
            return divergence.isPresent() ? RingflowCli.EXIT_DIFFERENT : RingflowCli.EXIT_OK;
        }
        finally
        {
            closeWritten(written);
        }
    }

    /**
     * Append what the replay produced up to its stop or failure (a failure can end a batch half way; the
     * replay ran on this thread, so nothing else writes), then release the journal.
     */
    private static void closeWritten(final OutputJournalSink<?> written)
    {
        if (null != written)
        {
            try
            {
                written.onEndOfBatch();
            }
            finally
            {
                written.close();
            }
        }
    }

    private <I, O> StopReason run(
        final ReplaySession<I, O> session, final PipelineDefinition<I, O> pipeline, final Progress progress)
    {
        if (null != breakKey)
        {
            final KeySelector<I> inputKey = pipeline.inputKey();
            if (null == inputKey)
            {
                throw new BadInputException("--break-key needs a pipeline whose inputKey() is not null");
            }
            final long wanted = breakKey;
            final long stopAfter = null == toSequence ? Long.MAX_VALUE : toSequence;
            return session.runUntil((record, sequence, timestamp) -> sequence > stopAfter || inputKey.key(record) == wanted);
        }
        if (null != toSequence)
        {
            return session.runTo(toSequence);
        }
        while (true)
        {
            final StopReason reason = session.runEntries(PROGRESS_SLICE);
            progress.update(session.recordsProcessed());
            if (StopReason.LIMIT != reason)
            {
                return reason;
            }
        }
    }

    private <I> long countEntries(final PipelineDefinition<I, ?> pipeline)
    {
        try (JournalReader<I> reader = new JournalReader<>(input, pipeline.inputCodec()))
        {
            return reader.count();
        }
    }

    private static String describe(final StopReason reason)
    {
        switch (reason)
        {
            case END_OF_STREAM:
                return "end of stream";
            case END_OF_JOURNAL:
                return "end of the journal (no end-of-stream entry)";
            case REACHED_SEQUENCE:
                return "reached --to-seq";
            case BREAKPOINT:
                return "breakpoint";
            case DIVERGED:
                return "diverged from the recorded output";
            default:
                return reason.name();
        }
    }
}
