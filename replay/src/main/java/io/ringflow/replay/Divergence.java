package io.ringflow.replay;

import java.util.List;

/**
 * The first output of a replay that differs from the recorded output journal.
 *
 * @param position      the recorded entry's position in the output journal, or -1 if the recording ended
 *                      before the replay's outputs did.
 * @param inputSequence the input sequence of the replayed output (its key, with the ordinal).
 * @param ordinal       the replayed output's ordinal.
 * @param replayed      the replayed output, rendered.
 * @param recorded      the recorded output with its key, rendered, or a note that there is none.
 * @param keyState      the state of the output's key in every stage when the replay stopped (empty when
 *                      the pipeline names no output key).
 */
public record Divergence(
    long position, long inputSequence, int ordinal, String replayed, String recorded, List<String> keyState)
{
    /** @return a multi-line report. */
    public String describe()
    {
        final StringBuilder text = new StringBuilder()
            .append("first divergent output: input sequence ").append(inputSequence).append(", ordinal ").append(ordinal)
            .append(position >= 0 ? ", recorded at position " + position : "").append('\n')
            .append("  replayed: ").append(replayed).append('\n')
            .append("  recorded: ").append(recorded).append('\n');
        if (!keyState.isEmpty())
        {
            text.append("  state of its key:\n");
            keyState.forEach(line -> text.append("    ").append(line).append('\n'));
        }
        return text.toString();
    }
}
