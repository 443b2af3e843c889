package io.ringflow.examples;

import java.io.PrintStream;

/**
 * Prints the demo's figures once a second: redrawn in place on a terminal, one line per interval
 * when the output is piped (so logs stay readable). Shared by the demos.
 * <p>
 * Threading: one thread.
 */
public final class LiveView
{
    private final PrintStream out;
    private final boolean terminal;
    private int linesDrawn;

    /**
     * @param out      where to print.
     * @param terminal redraw in place (true) or print a line per frame (false).
     */
    public LiveView(final PrintStream out, final boolean terminal)
    {
        this.out = out;
        this.terminal = terminal;
    }

    /** @return true if standard output is a terminal that understands cursor movement. */
    public static boolean isTerminal()
    {
        return System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
    }

    /**
     * Draw one frame.
     *
     * @param lines the frame's lines.
     */
    public void show(final String... lines)
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
