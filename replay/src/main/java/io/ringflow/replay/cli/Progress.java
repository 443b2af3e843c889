package io.ringflow.replay.cli;

import java.io.PrintWriter;

/**
 * The progress line of a long replay: records, share of the journal, rate and time left, redrawn in place
 * at most five times a second on a terminal; nothing at all when the output is piped.
 * <p>
 * Threading: the command's thread.
 */
final class Progress
{
    private static final long REDRAW_NS = 200_000_000L;

    private final PrintWriter out;
    private final boolean interactive;
    private final long totalEntries;
    private final long startNs = System.nanoTime();
    private long lastDrawNs;
    private boolean drawn;

    Progress(final PrintWriter out, final boolean interactive, final long totalEntries)
    {
        this.out = out;
        this.interactive = interactive;
        this.totalEntries = totalEntries;
    }

    void update(final long records)
    {
        final long nowNs = System.nanoTime();
        if (!interactive || nowNs - lastDrawNs < REDRAW_NS)
        {
            return;
        }
        lastDrawNs = nowNs;
        final double seconds = Math.max(1e-9, (nowNs - startNs) / 1e9);
        final double rate = records / seconds;
        final double share = totalEntries > 0 ? Math.min(1.0, (double)records / totalEntries) : 0;
        final double eta = rate > 0 ? Math.max(0, totalEntries - records) / rate : 0;
        out.printf("\rreplaying: %,d records (%.0f%%), %,.0f records/s, ETA %.0f s   ", records, share * 100, rate, eta);
        out.flush();
        drawn = true;
    }

    void done()
    {
        if (drawn)
        {
            out.print("\r" + " ".repeat(78) + "\r");
            out.flush();
        }
    }
}
