package io.ringflow.journal.durable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Child JVMs for the crash tests: started with this JVM's class path and the module and Chronicle flags
 * (DESIGN.md) it was given, stdout piped for the lines the test waits on, stderr kept in a file for the
 * failure message.
 * <p>
 * Threading: any thread.
 */
final class ChildJvm
{
    private static final Map<Process, Path> STDERR = new ConcurrentHashMap<>();

    private ChildJvm()
    {
    }

    /**
     * @param main       the class whose {@code main} the child runs.
     * @param stderrDir  where its stderr file goes.
     * @param arguments  its arguments.
     * @return the running child.
     */
    static Process start(final Class<?> main, final Path stderrDir, final List<String> arguments) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (argument.startsWith("--add-") || argument.startsWith("--enable-native-access") ||
                argument.startsWith("--sun-misc") || argument.startsWith("-Dchronicle.") || argument.startsWith("-Djna."))
            {
                command.add(argument);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(arguments);
        final Path stderr = Files.createTempFile(stderrDir, "child-", ".err");
        final Process process = new ProcessBuilder(command).redirectError(stderr.toFile())
            .redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        STDERR.put(process, stderr);
        return process;
    }

    /** @return the first line of the child's stdout that starts with {@code prefix}; fails if it ends first. */
    static String awaitLine(final Process child, final String prefix) throws IOException
    {
        final List<String> seen = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = out.readLine()) != null)
            {
                seen.add(line);
                if (line.startsWith(prefix))
                {
                    return line;
                }
            }
        }
        throw new AssertionError("the child ended without printing '" + prefix + "'; it printed: " + seen +
            "; its stderr:\n" + stderrOf(child));
    }

    private static String stderrOf(final Process child)
    {
        try
        {
            child.waitFor(10, TimeUnit.SECONDS);
            return Files.readString(STDERR.get(child));
        }
        catch (final IOException | InterruptedException ex)
        {
            return "(unreadable: " + ex + ")";
        }
    }
}
