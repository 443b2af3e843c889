package io.ringflow.replay.cli;

import io.ringflow.journal.JournalKind;
import io.ringflow.journal.JournalRecordDescriptor;
import io.ringflow.journal.RawJournalEntry;
import io.ringflow.operators.Timestamps;

import java.io.PrintWriter;

import static io.ringflow.replay.cli.Formats.cell;

/**
 * Prints journal entries in one of the {@link EntryFormat}s, one line each. The layouts (documented in
 * docs/CLI.md, and stable):
 * <pre>
 * input,  jsonl: {"sequence":S,"type":"RECORD","ingestTimeNs":N,"timestamp":T,"schemaId":I,"schemaVersion":V,
 *                 "payload":"hex"}   or, decoded, ..."schemaVersion":V,"key":K,"record":{...}}
 *                {"sequence":S,"type":"WATERMARK","ingestTimeNs":N,"timestamp":W}   (control entries)
 * output, jsonl: {"position":P,"inputSequence":S,"ordinal":O,"timestamp":T,"schemaId":I,"schemaVersion":V,
 *                 "payload":"hex"}   or, decoded, ..."schemaVersion":V,"key":K,"record":{...}}
 * </pre>
 * {@code "key"} appears only when the pipeline defines a key for that side; an output timestamp of
 * {@code Timestamps.NO_TIMESTAMP} is {@code null}. The table has the same fields under a header line
 * (ingest time as UTC ISO-8601, the record as {@code field=value} pairs, "-" where a field does not apply).
 * <p>
 * Threading: confined to one command's thread.
 */
final class EntryPrinter
{
    private static final int INDEX_WIDTH = 18;
    private static final int TYPE_WIDTH = 20;
    private static final int INGEST_WIDTH = 30;
    private static final int TIMESTAMP_WIDTH = 14;
    private static final int ORDINAL_WIDTH = 7;
    private static final int KEY_WIDTH = 12;

    private final EntryFormat format;
    private final PrintWriter out;
    private final boolean decoding;
    private boolean headerPrinted;

    /**
     * @param format   the layout.
     * @param out      where lines go.
     * @param decoding whether records are decoded (a pipeline was given): names the table's last column.
     */
    EntryPrinter(final EntryFormat format, final PrintWriter out, final boolean decoding)
    {
        this.format = format;
        this.out = out;
        this.decoding = decoding;
    }

    /**
     * @param entry  the entry.
     * @param record the decoded record, or null to print the payload's bytes.
     * @param hasKey whether {@code key} is the record's key.
     * @param key    the key.
     */
    void print(final RawJournalEntry entry, final Object record, final boolean hasKey, final long key)
    {
        if (EntryFormat.JSONL == format)
        {
            out.println(json(entry, record, hasKey, key));
        }
        else
        {
            if (!headerPrinted)
            {
                headerPrinted = true;
                out.println(tableHeader(entry.kind()));
            }
            out.println(tableRow(entry, record, hasKey, key));
        }
    }

    private static String json(final RawJournalEntry entry, final Object record, final boolean hasKey, final long key)
    {
        final StringBuilder json = new StringBuilder(128);
        if (JournalKind.INPUT == entry.kind())
        {
            json.append("{\"sequence\":").append(entry.index())
                .append(",\"type\":\"").append(JournalRecordDescriptor.typeName(entry.type()))
                .append("\",\"ingestTimeNs\":").append(entry.ingestTimeNs())
                .append(",\"timestamp\":").append(entry.timestamp());
            if (!entry.isRecord())
            {
                return json.append('}').toString();
            }
        }
        else
        {
            json.append("{\"position\":").append(entry.index())
                .append(",\"inputSequence\":").append(entry.inputSequence())
                .append(",\"ordinal\":").append(entry.ordinal())
                .append(",\"timestamp\":")
                .append(Timestamps.NO_TIMESTAMP == entry.timestamp() ? "null" : Long.toString(entry.timestamp()));
        }
        json.append(",\"schemaId\":").append(entry.schemaId())
            .append(",\"schemaVersion\":").append(entry.schemaVersion());
        if (null == record)
        {
            json.append(",\"payload\":\"").append(Formats.payloadHex(entry)).append('"');
        }
        else
        {
            if (hasKey)
            {
                json.append(",\"key\":").append(key);
            }
            json.append(",\"record\":").append(RecordJson.toJson(record));
        }
        return json.append('}').toString();
    }

    private String tableHeader(final JournalKind kind)
    {
        final String last = decoding ? "RECORD" : "PAYLOAD";
        if (JournalKind.INPUT == kind)
        {
            return cell("SEQUENCE", INDEX_WIDTH) + cell("TYPE", TYPE_WIDTH) + cell("INGEST_TIME", INGEST_WIDTH) +
                cell("TIMESTAMP", TIMESTAMP_WIDTH) + cell("KEY", KEY_WIDTH) + last;
        }
        return cell("POSITION", INDEX_WIDTH) + cell("INPUT_SEQUENCE", INDEX_WIDTH) + cell("ORDINAL", ORDINAL_WIDTH) +
            cell("TIMESTAMP", TIMESTAMP_WIDTH) + cell("KEY", KEY_WIDTH) + last;
    }

    private static String tableRow(
        final RawJournalEntry entry, final Object record, final boolean hasKey, final long key)
    {
        final String keyText = hasKey ? Long.toString(key) : "-";
        final String last = !entry.isRecord() ? "-" :
            null == record ? Formats.payloadHex(entry) : RecordJson.toFieldPairs(record);
        if (JournalKind.INPUT == entry.kind())
        {
            return cell(Long.toString(entry.index()), INDEX_WIDTH) +
                cell(JournalRecordDescriptor.typeName(entry.type()), TYPE_WIDTH) +
                cell(Formats.instant(entry.ingestTimeNs()), INGEST_WIDTH) +
                cell(Long.toString(entry.timestamp()), TIMESTAMP_WIDTH) +
                cell(keyText, KEY_WIDTH) + last;
        }
        return cell(Long.toString(entry.index()), INDEX_WIDTH) +
            cell(Long.toString(entry.inputSequence()), INDEX_WIDTH) +
            cell(Integer.toString(entry.ordinal()), ORDINAL_WIDTH) +
            cell(Formats.timestamp(entry.timestamp()), TIMESTAMP_WIDTH) +
            cell(keyText, KEY_WIDTH) + last;
    }
}
