package io.ringflow.replay.cli;

import io.ringflow.replay.ReplaySession;
import io.ringflow.replay.StageView;

import java.io.PrintWriter;
import java.util.List;

/**
 * Prints where a replay stopped: each stage's watermark and records, and the state of a key.
 * <p>
 * Threading: the command's thread.
 */
final class StopView
{
    private StopView()
    {
    }

    static void printStages(final PrintWriter out, final ReplaySession<?, ?> session)
    {
        out.printf("%-24s %20s %20s %12s%n", "stage", "watermark in", "watermark out", "records in");
        for (final StageView stage : session.stages())
        {
            out.printf("%-24s %20s %20s %12d%n", stage.stage(), Formats.timestamp(stage.watermark()),
                Formats.timestamp(stage.outputWatermark()), stage.recordsIn());
        }
    }

    static void printKey(final PrintWriter out, final ReplaySession<?, ?> session, final long key)
    {
        final List<String> lines = session.describeKey(key);
        if (lines.isEmpty())
        {
            out.println("key " + key + ": no state in any stage");
            return;
        }
        out.println("key " + key + ":");
        lines.forEach(line -> out.println("  " + line));
    }
}
