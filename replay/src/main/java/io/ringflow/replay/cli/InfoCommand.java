package io.ringflow.replay.cli;

import io.ringflow.journal.JournalKind;
import io.ringflow.journal.JournalRecordDescriptor;
import io.ringflow.journal.JournalRetention;
import io.ringflow.journal.RawJournalEntry;
import io.ringflow.journal.RawJournalReader;
import io.ringflow.journal.durable.PipelineDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code ringflow journal info <dir>}: what a journal holds. It reads every entry, so it also checks every
 * entry's frame (and, with {@code --pipeline}, every record's schema): a journal it describes without an
 * error is readable to its end.
 * <p>
 * Threading: runs on the caller's thread.
 */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = {
        "Describe a journal: its kind, entry count, entries by type, schemas, first and last entry " +
            "(sequence and ingest time for an input journal; position and idempotency key for an output " +
            "journal; event timestamps for both) and its roll cycle files.",
        "Every entry is read and checked (length, CRC32C, stored index), so a corrupt entry is reported."})
final class InfoCommand implements Callable<Integer>
{
    private static final String LABEL_FORMAT = "%-12s %s%n";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<dir>", description = "The journal's directory.")
    private Path directory;

    @Option(names = "--pipeline", paramLabel = "<class>",
        description = "A PipelineDefinition class: also decode every record with its codec (checking its " +
            "schema) and show the first and last record's key.")
    private String pipelineClass;

    @Override
    public Integer call()
    {
        final PipelineDefinition<?, ?> pipeline = null == pipelineClass ? null : PipelineLoader.load(pipelineClass);
        final PrintWriter out = spec.commandLine().getOut();
        try (RawJournalReader reader = JournalDirectory.open(directory))
        {
            final Summary summary = summarise(reader, pipeline);
            out.printf(LABEL_FORMAT, "journal", directory);
            summary.print(out);
        }
        printCycles(out);
        return RingflowCli.EXIT_OK;
    }

    private static Summary summarise(final RawJournalReader reader, final PipelineDefinition<?, ?> pipeline)
    {
        final Summary summary = new Summary();
        final RawJournalEntry entry = new RawJournalEntry();
        RecordDecoder<?> decoder = null;
        while (reader.next(entry))
        {
            boolean hasKey = false;
            long key = 0;
            if (null != pipeline && entry.isRecord())
            {
                decoder = null == decoder ? RecordDecoder.of(pipeline, entry.kind()) : decoder;
                decoder.decode(reader);
                hasKey = decoder.hasKey();
                key = hasKey ? decoder.key() : 0;
            }
            summary.add(entry, hasKey, key);
        }
        return summary;
    }

    private void printCycles(final PrintWriter out)
    {
        final List<Path> files = JournalDirectory.cycleFiles(directory);
        long total = 0;
        for (final Path file : files)
        {
            total += JournalDirectory.size(file);
        }
        out.printf(LABEL_FORMAT, "roll cycles", files.size() + (files.size() == 1 ? " file, " : " files, ") + total +
            " bytes (Chronicle sizes its files up front; on Linux they are sparse)");
        for (final Path file : files)
        {
            out.printf(LABEL_FORMAT, "", file.getFileName() + "  " + JournalDirectory.size(file) + " bytes");
        }
        final long firstRetained = JournalRetention.firstRetainedSequence(directory);
        if (firstRetained >= 0)
        {
            out.printf(LABEL_FORMAT, "trimmed", "entries before sequence " + firstRetained + " were deleted by " +
                "retention: replay it from a checkpoint, not from its start");
        }
    }

    /** What info learns by reading every entry. */
    private static final class Summary
    {
        private final Map<Integer, Long> countsByType = new TreeMap<>();
        private final Map<String, Long> recordsBySchema = new LinkedHashMap<>();
        private final Point first = new Point();
        private final Point last = new Point();
        private JournalKind kind;
        private int formatVersion;
        private long entries;

        Summary()
        {
            for (int type = JournalRecordDescriptor.TYPE_RECORD; type <= JournalRecordDescriptor.TYPE_END_OF_STREAM; type++)
            {
                countsByType.put(type, 0L);
            }
        }

        void add(final RawJournalEntry entry, final boolean hasKey, final long key)
        {
            if (0 == entries)
            {
                kind = entry.kind();
                formatVersion = entry.formatVersion();
                first.set(entry, hasKey, key);
            }
            last.set(entry, hasKey, key);
            entries++;
            countsByType.merge(entry.type(), 1L, Long::sum);
            if (entry.isRecord())
            {
                recordsBySchema.merge(Formats.schema(entry).replace("schema ", ""), 1L, Long::sum);
            }
        }

        void print(final PrintWriter out)
        {
            if (null == kind)
            {
                out.printf(LABEL_FORMAT, "kind", "unknown: the journal holds no entries yet");
                out.printf(LABEL_FORMAT, "entries", "0");
                return;
            }
            out.printf(LABEL_FORMAT, "kind", kind.journalName() + " (records '" + kind.magicText() +
                "', format version " + formatVersion + ")");
            out.printf(LABEL_FORMAT, "entries", JournalKind.INPUT == kind ? entries + ": " + typeCounts() : entries);
            out.printf(LABEL_FORMAT, "schemas", schemas());
            out.printf(LABEL_FORMAT, "first", first.describe(kind));
            out.printf(LABEL_FORMAT, "last", last.describe(kind));
        }

        private String typeCounts()
        {
            final StringBuilder text = new StringBuilder();
            for (final Map.Entry<Integer, Long> count : countsByType.entrySet())
            {
                text.append(text.length() == 0 ? "" : ", ")
                    .append(JournalRecordDescriptor.typeName(count.getKey())).append(' ').append(count.getValue());
            }
            return text.toString();
        }

        private String schemas()
        {
            if (recordsBySchema.isEmpty())
            {
                return "none (no records)";
            }
            final StringBuilder text = new StringBuilder();
            for (final Map.Entry<String, Long> count : recordsBySchema.entrySet())
            {
                text.append(text.length() == 0 ? "" : "; ").append(count.getKey()).append(": ")
                    .append(count.getValue()).append(count.getValue() == 1 ? " record" : " records");
            }
            return text.toString();
        }
    }

    /** The fields of the first or last entry that info shows. */
    private static final class Point
    {
        private long index;
        private int type;
        private long ingestTimeNs;
        private long timestamp;
        private long inputSequence;
        private int ordinal;
        private boolean hasKey;
        private long key;

        void set(final RawJournalEntry entry, final boolean hasKey, final long key)
        {
            index = entry.index();
            type = entry.type();
            ingestTimeNs = entry.ingestTimeNs();
            timestamp = entry.timestamp();
            inputSequence = entry.inputSequence();
            ordinal = entry.ordinal();
            this.hasKey = hasKey;
            this.key = key;
        }

        String describe(final JournalKind kind)
        {
            final String keyText = hasKey ? ", key " + key : "";
            if (JournalKind.INPUT == kind)
            {
                return "sequence " + index + ", " + JournalRecordDescriptor.typeName(type) + ", ingest time " +
                    Formats.instant(ingestTimeNs) + ", timestamp " + timestamp + keyText;
            }
            return "position " + index + ", idempotency key (input sequence " + inputSequence + ", ordinal " +
                ordinal + "), timestamp " + Formats.timestamp(timestamp) + keyText;
        }
    }
}
