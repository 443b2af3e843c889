package io.ringflow.replay.cli;

import io.ringflow.journal.JournalReader;
import io.ringflow.journal.durable.PipelineDefinition;
import io.ringflow.replay.ReplaySession;
import io.ringflow.replay.StopReason;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ringflow state <journal> --pipeline <class> --at <sequence>}: time travel. The state of every
 * stage just after the input at a sequence, found by restoring the newest checkpoint at or before it
 * (with {@code --checkpoints}) and replaying up to it; without checkpoints the replay starts at the
 * journal's beginning. Prints each stage's watermark, and the state of a key or the size of each stage's
 * state.
 * <p>
 * Threading: runs on the caller's thread.
 */
@Command(
    name = "state",
    mixinStandardHelpOptions = true,
    description = {"The pipeline's state just after the input at a sequence: the nearest checkpoint before " +
        "it, restored, plus a replay up to it."},
    footer = {"", "Example: ringflow state run/input --pipeline com.acme.FraudPipeline --checkpoints " +
        "run/checkpoints --at 5713062417924288 --key 42"})
final class StateCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<journal>", description = "The input journal's directory.")
    private Path input;

    @Option(names = "--pipeline", required = true, paramLabel = "<class>", description = "A PipelineDefinition class.")
    private String pipelineClass;

    @Option(names = "--checkpoints", paramLabel = "<dir>", description = "The pipeline's checkpoints.")
    private Path checkpoints;

    @Option(names = "--at", required = true, paramLabel = "<sequence>", description = "An input sequence.")
    private long at;

    @Option(names = "--key", paramLabel = "<key>", description = "Print this key's state in every stage.")
    private Long key;

    @Override
    public Integer call()
    {
        return state(PipelineLoader.load(pipelineClass));
    }

    private <I, O> int state(final PipelineDefinition<I, O> pipeline)
    {
        final PrintWriter out = spec.commandLine().getOut();
        requireInJournal(pipeline);
        final ReplaySession.Builder<I, O> builder = ReplaySession.builder(pipeline, input).fromSequence(at + 1);
        if (null != checkpoints)
        {
            builder.checkpoints(checkpoints).warnings(warning -> out.println("warning: " + warning));
        }
        try (ReplaySession<I, O> session = builder.open())
        {
            final StopReason reason = session.runTo(at);
            if (session.position() != at)
            {
                throw new BadInputException("input sequence " + at + " is not an entry of " + input + " (the replay " +
                    "stopped at " + session.position() + ": " + reason + ")");
            }
            out.println("state at input sequence " + at + ": " + session.restoredCheckpoint()
                .map(checkpoint -> "restored checkpoint " + checkpoint.checkpointId() + " (input sequence " +
                    checkpoint.inputSequence() + "), then replayed " + session.recordsProcessed() + " records")
                .orElse("replayed " + session.recordsProcessed() + " records from the journal's start"));
            StopView.printStages(out, session);
            if (null != key)
            {
                StopView.printKey(out, session, key);
            }
            else
            {
                for (final Map.Entry<String, byte[]> stage : session.snapshot().entrySet())
                {
                    out.println("stage " + stage.getKey() + ": " + stage.getValue().length + " bytes of state");
                }
            }
        }
        return RingflowCli.EXIT_OK;
    }

    private <I> void requireInJournal(final PipelineDefinition<I, ?> pipeline)
    {
        try (JournalReader<I> reader = new JournalReader<>(input, pipeline.inputCodec()))
        {
            final long first = reader.firstSequence();
            if (JournalReader.NO_SEQUENCE == first || at < first || at > reader.lastSequence())
            {
                throw new BadInputException("input sequence " + at + " is out of range: " + input + " holds " +
                    reader.count() + " entries from " + reader.firstSequence() + " to " + reader.lastSequence());
            }
        }
    }
}
