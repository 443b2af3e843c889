package io.ringflow.replay.cli;

import io.ringflow.journal.InputJournal;
import io.ringflow.journal.RawJournalEntry;
import io.ringflow.journal.RawJournalReader;
import io.ringflow.journal.OutputJournal;

import java.nio.file.Path;

/**
 * Writes the small journals the CLI tests read: fixed ingest times and timestamps, so that the only values
 * that vary between runs are the Chronicle indexes (they hold the day's roll cycle), which
 * {@link CliResult#normalised} replaces by name.
 */
final class TestJournals
{
    /** 2023-11-14T22:13:20Z in epoch nanoseconds: the first ingest time. */
    static final long INGEST_NS = 1_700_000_000_000_000_000L;

    private TestJournals()
    {
    }

    /**
     * Four orders on accounts 7 and 9, a watermark after the second, a processing-time tick, end of stream.
     *
     * @return the sequences, in order (7 of them).
     */
    static long[] writeInput(final Path directory)
    {
        return writeInput(directory, Order.CODEC);
    }

    /**
     * Three excerpts of several entries and one of one, as a producer that batches writes them: sequences
     * {@code <c>+0, +1, +2, +64, +65, +128, +192}.
     */
    static long[] writeInput(final Path directory, final Order.Codec codec)
    {
        final Order order = new Order();
        try (InputJournal journal = new InputJournal(directory))
        {
            journal.appendToBatch(codec, order.set(7, 1_000, 2_500, Order.Side.BUY), 1_000, INGEST_NS);
            journal.appendToBatch(codec, order.set(9, 1_200, 400, Order.Side.SELL), 1_200, INGEST_NS + 1);
            journal.appendWatermark(1_100, INGEST_NS + 2);
            journal.appendToBatch(codec, order.set(7, 1_700, 100, Order.Side.SELL), 1_700, INGEST_NS + 3);
            journal.appendProcessingTimeTick(5_000, INGEST_NS + 4);
            journal.append(codec, order.set(9, 2_100, 900, Order.Side.BUY), 2_100, INGEST_NS + 5);
            journal.appendEndOfStream(INGEST_NS + 6);
        }
        return lastIndexes(directory, 7);
    }

    /**
     * The balances the test pipeline would write for {@link #writeInput}'s orders, one per order.
     *
     * @param inputSequences what {@link #writeInput} returned.
     * @param changeAt       the output whose amount to change by one cent (a divergence), or -1 for none.
     * @return the positions, in order (4 of them, in one excerpt: {@code <c>+0} to {@code <c>+3}).
     */
    static long[] writeOutput(final Path directory, final long[] inputSequences, final int changeAt)
    {
        final long[][] outputs = {{7, -2_500, 1_000, 0}, {9, 400, 1_200, 1}, {7, 100, 1_700, 3}, {9, -900, 2_100, 5}};
        final Balance balance = new Balance();
        try (OutputJournal journal = new OutputJournal(directory))
        {
            for (int i = 0; i < outputs.length; i++)
            {
                final long[] o = outputs[i];
                balance.set(o[0], o[1] + (i == changeAt ? 1 : 0));
                journal.appendToBatch(Balance.CODEC, balance, o[2], inputSequences[(int)o[3]], 0);
            }
        }
        return lastIndexes(directory, outputs.length);
    }

    /** @return {@link #writeOutput} without its last output, appended as one excerpt. */
    static long[] writeShorterOutput(final Path directory, final long[] inputSequences)
    {
        final Balance balance = new Balance();
        try (OutputJournal journal = new OutputJournal(directory))
        {
            journal.appendToBatch(Balance.CODEC, balance.set(7, -2_500), 1_000, inputSequences[0], 0);
            journal.appendToBatch(Balance.CODEC, balance.set(9, 400), 1_200, inputSequences[1], 0);
            journal.appendToBatch(Balance.CODEC, balance.set(7, 100), 1_700, inputSequences[3], 0);
        }
        return lastIndexes(directory, 3);
    }

    /** @return the sequences or positions of the journal's last {@code n} entries. */
    private static long[] lastIndexes(final Path directory, final int n)
    {
        final long[] indexes = new long[n];
        try (RawJournalReader reader = new RawJournalReader(directory))
        {
            reader.toLast(n);
            final RawJournalEntry entry = new RawJournalEntry();
            for (int i = 0; i < n; i++)
            {
                if (!reader.next(entry))
                {
                    throw new AssertionError("entry " + i + " of the last " + n + " of " + directory + " missing");
                }
                indexes[i] = entry.index();
            }
        }
        return indexes;
    }
}
