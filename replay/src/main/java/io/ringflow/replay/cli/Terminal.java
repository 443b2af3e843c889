package io.ringflow.replay.cli;

import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;

/**
 * Whether output goes to a person at a terminal, who gets screens refreshed in place, or to a pipe or file,
 * which gets plain lines.
 * <p>
 * Threading: stateless.
 */
final class Terminal
{
    /** Move the cursor up this many lines: {@code ESC [ n A}. */
    static final String CURSOR_UP_FORMAT = "\u001b[%dA";
    /** Erase from the cursor to the end of the screen. */
    static final String ERASE_BELOW = "\u001b[J";

    private Terminal()
    {
    }

    /**
     * @param out the stream a command writes to.
     * @return true if it is the process's standard output and that is a terminal.
     */
    static boolean isInteractive(final PrintStream out)
    {
        final Console console = System.console();
        return out == System.out && null != console && isTerminal(console);
    }

    private static boolean isTerminal(final Console console)
    {
        // From JDK 22 System.console() is not null when output is redirected; Console.isTerminal() (JDK 22+)
        // tells. Looked up by reflection because the build targets JDK 17.
        try
        {
            final Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean)isTerminal.invoke(console);
        }
        catch (final NoSuchMethodException ex)
        {
            return true;
        }
        catch (final ReflectiveOperationException | RuntimeException ex)
        {
            return false;
        }
    }
}
