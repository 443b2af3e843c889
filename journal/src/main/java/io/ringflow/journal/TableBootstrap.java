package io.ringflow.journal;

import io.ringflow.operators.record.RecordCodec;
import io.ringflow.operators.table.TableJoinOperator;

import java.nio.file.Path;

/**
 * Loads a stream–table join's table from a journal of its changelog before the stream starts: every
 * RECORD entry, in journal order, through {@link TableJoinOperator#bootstrap}, with its journaled event
 * timestamp. Control entries are skipped; a corrupt entry stops the load with the journal's error, so a
 * table is never half-loaded silently.
 * <p>
 * Threading: call on the thread that will run the operator, before it runs.
 */
public final class TableBootstrap
{
    private TableBootstrap()
    {
    }

    /**
     * @param changelog the changelog journal's directory.
     * @param codec     decodes its records.
     * @param table     the join to load (open or not).
     * @param <C>       changelog record type.
     * @return what was loaded.
     * @throws JournalException if the journal is missing, corrupt or of another schema.
     */
    public static <C> Loaded fromJournal(final Path changelog, final RecordCodec<C> codec, final TableJoinOperator<?, C, ?> table)
    {
        long applied = 0;
        long tooLate = 0;
        try (JournalReader<C> reader = new JournalReader<>(changelog, codec))
        {
            final JournalEntry<C> entry = reader.newEntry();
            while (reader.next(entry))
            {
                if (!entry.isRecord())
                {
                    continue;
                }
                if (table.bootstrap(entry.record(), entry.timestamp()))
                {
                    applied++;
                }
                else
                {
                    tooLate++;
                }
            }
        }
        return new Loaded(applied, tooLate);
    }

    /**
     * @param applied records applied to the table.
     * @param tooLate records not applied: older than the table's retention allows (temporal tables).
     */
    public record Loaded(long applied, long tooLate)
    {
    }
}
