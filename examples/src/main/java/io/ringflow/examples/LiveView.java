package io.ringflow.examples;

import java.io.PrintStream;

/**
 * Prints the demo's figures once a second: redrawn in place on a terminal, one line per interval
 * when the output is piped (so logs stay readable).
 */
final class LiveView
{
    private final PrintStream out;
    private final boolean terminal;
    private int linesDrawn;

    LiveView(final PrintStream out, final boolean terminal)
    {
        this.out = out;
        this.terminal = terminal;
    }

    static boolean isTerminal()
    {
        return System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
    }

    void show(final String... lines)
    {
        if (!terminal)
        {
            out.println(String.join(" | ", lines));
            return;
        }
        final StringBuilder frame = new StringBuilder();
        if (linesDrawn > 0)
        {
            frame.append("\033[").append(linesDrawn).append('A');
        }
        for (final String line : lines)
        {
            frame.append("\033[2K").append(line).append('\n');
        }
        out.print(frame);
        out.flush();
        linesDrawn = lines.length;
    }
}
