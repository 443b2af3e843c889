package io.ringflow.examples;

import io.ringflow.journal.InputJournal;
import io.ringflow.journal.OutputJournalEntry;
import io.ringflow.journal.OutputJournalReader;
import io.ringflow.journal.durable.DurablePipeline;
import io.ringflow.operators.window.WindowResult;
import io.ringflow.operators.window.WindowResultCodec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The README's durable quick start: trades appended to an input journal, a checkpointed pipeline from it
 * to an output journal, run twice — the second run recovers from the last checkpoint, replays, and
 * finds every output already journaled. A test keeps the README's copy of the code between the markers
 * equal to this one.
 */
public final class DurableQuickStart
{
    private DurableQuickStart()
    {
    }

    /**
     * @param args optionally, the directory to keep the journals in (default: a new temporary one).
     */
    public static void main(final String[] args)
    {
        try
        {
            run(System.out, args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("ringflow-durable"));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static long epochNanos()
    {
        return System.currentTimeMillis() * 1_000_000L;
    }

    static void run(final PrintStream out, final Path dir)
    {
        // durable:start
        long[][] trades = {{7, 100, 1_001, 250}, {7, 300, 1_002, 900}, {9, 200, 2_000, 1_050},
                           {9, 100, 2_001, 1_300}, {7, 500, 1_003, 2_100}};

        try (InputJournal journal = new InputJournal(dir.resolve("input")))   // what producers append to
        {
            Trade trade = new Trade();
            for (long[] t : trades)
            {
                journal.append(new TradeCodec(), trade.set(t[0], t[1], t[2], t[3]), t[3], epochNanos());
            }
            journal.appendEndOfStream(epochNanos());
        }

        DurablePipeline<Trade, WindowResult> durable = DurablePipeline.builder(new VolumePipeline())
            .input(dir.resolve("input"))
            .output(dir.resolve("output"))
            .checkpoints(dir.resolve("checkpoints"), 3)                       // keep the newest 3
            .checkpointEvery(2, 1_000)                     // a barrier every 2 records or 1 s (tiny, to show it)
            .build();

        out.println("first run:  " + durable.run().describe());
        out.println("second run: " + durable.run().describe());          // recovers, replays, verifies

        try (OutputJournalReader<WindowResult> outputs =
                 new OutputJournalReader<>(dir.resolve("output"), new WindowResultCodec(2)))
        {
            OutputJournalEntry<WindowResult> entry = outputs.newEntry();
            while (outputs.next(entry))
            {
                WindowResult r = entry.record();
                out.printf("input %d #%d: symbol %d [%d, %d) %d trades, %d shares%n", entry.inputSequence(),
                    entry.ordinal(), r.key(), r.start(), r.end(), r.longValue(0), r.longValue(1));
            }
        }
        // durable:end
    }
}
