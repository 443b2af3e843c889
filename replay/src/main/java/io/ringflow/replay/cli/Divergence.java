package io.ringflow.replay.cli;

import io.ringflow.journal.JournalKind;
import io.ringflow.journal.RawJournalEntry;
import io.ringflow.journal.RawJournalReader;
import io.ringflow.journal.durable.PipelineDefinition;

import java.io.PrintWriter;
import java.util.List;

/**
 * The report {@code ringflow diff} prints about the first divergent output (layout in docs/CLI.md):
 * <pre>
 * first difference at output N (counting from 0): payload differs
 *   A         position P, idempotency key (input sequence S, ordinal O), timestamp T, schema id I version V
 *   B         ...
 *   A record  {"field":value,...}      (or: payload hex, without --pipeline)
 *   B record  ...
 *   key       K
 *   state     of key K before input sequence S: ...
 * </pre>
 * When one journal ends first the heading says so and only the other journal's lines follow.
 * <p>
 * Threading: confined to the diff's thread.
 */
final class Divergence
{
    private static final String LINE_FORMAT = "  %-9s %s%n";

    private final PipelineDefinition<?, ?> pipeline;
    private final PrintWriter out;
    private boolean hasKey;
    private long key;

    /**
     * @param pipeline decodes records and names keys, or null.
     * @param out      where the report goes.
     */
    Divergence(final PipelineDefinition<?, ?> pipeline, final PrintWriter out)
    {
        this.pipeline = pipeline;
        this.out = out;
    }

    /**
     * @param ordinal     how many outputs were equal before this one.
     * @param readerA     journal A's reader, or null if A ended.
     * @param a           A's entry, if it did not end.
     * @param readerB     journal B's reader, or null if B ended.
     * @param b           B's entry, if it did not end.
     * @param differences what differs, when neither ended.
     */
    void print(
        final long ordinal,
        final RawJournalReader readerA,
        final RawJournalEntry a,
        final RawJournalReader readerB,
        final RawJournalEntry b,
        final List<String> differences)
    {
        final String what;
        if (null == readerA)
        {
            what = "A ends after " + outputs(ordinal) + ", B goes on";
        }
        else if (null == readerB)
        {
            what = "B ends after " + outputs(ordinal) + ", A goes on";
        }
        else
        {
            what = String.join(", ", differences) + (differences.size() == 1 ? " differs" : " differ");
        }
        out.println("first difference at output " + ordinal + " (counting from 0): " + what);
        if (null != readerA)
        {
            out.printf(LINE_FORMAT, "A", header(a));
        }
        if (null != readerB)
        {
            out.printf(LINE_FORMAT, "B", header(b));
        }
        final String keyA = null == readerA ? null : record("A", readerA, a);
        final String keyB = null == readerB ? null : record("B", readerB, b);
        printKey(keyA, keyB);
    }

    /**
     * @param inspector names the state of the key.
     * @param entry     the divergent entry whose input sequence to name (A's, or B's if A ended).
     */
    void printKeyState(final KeyStateInspector inspector, final RawJournalEntry entry)
    {
        final String subject = (hasKey ? "of key " + key : "of the key") + " before input sequence " +
            entry.inputSequence() + ": ";
        out.printf(LINE_FORMAT, "state", subject + inspector.stateBefore(pipeline, entry.inputSequence(), hasKey, key));
    }

    private String record(final String side, final RawJournalReader reader, final RawJournalEntry entry)
    {
        if (null == pipeline)
        {
            out.printf(LINE_FORMAT, side + " record", "payload " + Formats.payloadHex(entry));
            return null;
        }
        final RecordDecoder<?> decoder = RecordDecoder.of(pipeline, JournalKind.OUTPUT);
        if (!decoder.readsSchemaOf(entry))
        {
            out.printf(LINE_FORMAT, side + " record", "payload " + Formats.payloadHex(entry) + " (" +
                Formats.schema(entry) + "; the pipeline's output codec reads " + decoder.schema() + ")");
            return null;
        }
        out.printf(LINE_FORMAT, side + " record", RecordJson.toJson(decoder.decode(reader)));
        if (!decoder.hasKey())
        {
            return null;
        }
        if (!hasKey)
        {
            hasKey = true;
            key = decoder.key();
        }
        return Long.toString(decoder.key());
    }

    private void printKey(final String keyA, final String keyB)
    {
        final String text;
        if (null == keyA && null == keyB)
        {
            text = null == pipeline ? "unknown: give --pipeline <class> with an outputKey() to name it" :
                "unknown: the pipeline's outputKey() is null, or no record decoded";
        }
        else if (null != keyA && null != keyB && !keyA.equals(keyB))
        {
            text = "A " + keyA + ", B " + keyB;
        }
        else
        {
            text = null != keyA ? keyA : keyB;
        }
        out.printf(LINE_FORMAT, "key", text);
    }

    private static String header(final RawJournalEntry entry)
    {
        return "position " + entry.index() + ", idempotency key (input sequence " + entry.inputSequence() +
            ", ordinal " + entry.ordinal() + "), timestamp " + Formats.timestamp(entry.timestamp()) + ", " +
            Formats.schema(entry);
    }

    private static String outputs(final long count)
    {
        return count + (count == 1 ? " output" : " outputs");
    }
}
