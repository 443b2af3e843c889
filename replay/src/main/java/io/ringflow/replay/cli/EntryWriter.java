package io.ringflow.replay.cli;

import io.ringflow.journal.JournalKind;
import io.ringflow.journal.RawJournalEntry;
import io.ringflow.journal.RawJournalReader;
import io.ringflow.journal.durable.PipelineDefinition;

/**
 * Takes the entries a command reads, keeps those its {@link EntryFilter} selects, decodes their records when
 * a pipeline was given, and prints them. The decoder is made at the first entry, when the journal's kind is
 * known (a journal that was empty when opened learns its kind then).
 * <p>
 * Threading: confined to one command's thread.
 */
final class EntryWriter
{
    private final PipelineDefinition<?, ?> pipeline;
    private final EntryFilter filter;
    private final EntryPrinter printer;
    private RecordDecoder<?> decoder;

    /**
     * @param pipeline decodes records, or null to print payload bytes.
     * @param filter   selects entries.
     * @param printer  prints them.
     */
    EntryWriter(final PipelineDefinition<?, ?> pipeline, final EntryFilter filter, final EntryPrinter printer)
    {
        this.pipeline = pipeline;
        this.filter = filter;
        this.printer = printer;
    }

    /**
     * @param reader the reader that read {@code entry}, to decode it from.
     * @param entry  the entry just read.
     * @return true if it was printed.
     * @throws BadInputException if a key is asked for and the pipeline defines none for this kind of journal.
     * @throws io.ringflow.journal.JournalException if the record is of another schema than the pipeline's.
     */
    boolean write(final RawJournalReader reader, final RawJournalEntry entry)
    {
        if (!filter.acceptsHeader(entry))
        {
            return false;
        }
        Object record = null;
        boolean hasKey = false;
        long key = 0;
        if (null != pipeline && entry.isRecord())
        {
            final RecordDecoder<?> decoder = decoder(entry.kind());
            record = decoder.decode(reader);
            hasKey = decoder.hasKey();
            key = hasKey ? decoder.key() : 0;
        }
        if (!filter.acceptsKey(key))
        {
            return false;
        }
        printer.print(entry, record, hasKey, key);
        return true;
    }

    private RecordDecoder<?> decoder(final JournalKind kind)
    {
        if (null == decoder)
        {
            decoder = RecordDecoder.of(pipeline, kind);
            if (filter.byKey() && !decoder.hasKey())
            {
                final String side = JournalKind.INPUT == kind ? "input" : "output";
                throw new BadInputException("pipeline class " + pipeline.getClass().getName() + " defines no " +
                    side + " key (its " + side + "Key() returns null), so --key cannot select records of an " +
                    kind.journalName());
            }
        }
        return decoder;
    }
}
