package io.ringflow.examples.fraud;

import io.ringflow.journal.JournalEntry;
import io.ringflow.journal.JournalReader;
import io.ringflow.journal.JournalRecordDescriptor;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How far an existing input journal goes: how many events it holds, and whether it ended. What a
 * restarted demo needs to continue the generated stream exactly where the journal stops.
 *
 * @param records events journaled.
 * @param ended   true if the journal ends with end-of-stream.
 */
record JournalTally(long records, boolean ended)
{
    /**
     * @param inputJournal an input journal directory, possibly absent.
     * @return its tally; zero for a journal not yet written.
     */
    static JournalTally of(final Path inputJournal)
    {
        if (!Files.isDirectory(inputJournal))
        {
            return new JournalTally(0, false);
        }
        long records = 0;
        boolean ended = false;
        try (JournalReader<CardEvent> reader = new JournalReader<>(inputJournal, new CardEventCodec()))
        {
            final JournalEntry<CardEvent> entry = reader.newEntry();
            while (reader.next(entry))
            {
                records += entry.isRecord() ? 1 : 0;
                ended |= JournalRecordDescriptor.TYPE_END_OF_STREAM == entry.type();
            }
        }
        return new JournalTally(records, ended);
    }
}
