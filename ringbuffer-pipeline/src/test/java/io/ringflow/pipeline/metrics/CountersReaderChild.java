package io.ringflow.pipeline.metrics;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Main class of the second JVM in {@link CountersFileChildProcessTest}: opens the counters file, says so,
 * polls one counter until it reaches the expected value, prints it and exits 0; exits 2 if it never does.
 * <p>
 * Threading: runs on the child's main thread only.
 */
public final class CountersReaderChild
{
    private static final long DEADLINE_NS = 20_000_000_000L;
    private static final List<String> FORWARDED_FLAGS = List.of(
        "--add-opens", "--add-exports", "--enable-native-access", "--sun-misc-unsafe-memory-access");

    private CountersReaderChild()
    {
    }

    /**
     * @param args counters file path, counter label, expected value.
     */
    public static void main(final String[] args)
    {
        final Path path = Path.of(args[0]);
        final String label = args[1];
        final long expected = Long.parseLong(args[2]);
        try (CountersFileReader reader = CountersFileReader.open(path))
        {
            System.out.println("opened pid=" + reader.pid() + " startTimeMs=" + reader.startTimeMs() + " " +
                label + "=" + reader.value(label));
            System.out.flush();

            final long deadlineNs = System.nanoTime() + DEADLINE_NS;
            final int counterId = reader.findCounterId(label);
            long value = reader.value(counterId);
            while (value != expected && System.nanoTime() < deadlineNs)
            {
                Thread.onSpinWait();
                value = reader.value(counterId);
            }

            System.out.println("final " + label + "=" + value);
            System.out.flush();
            System.exit(value == expected ? 0 : 2);
        }
    }

    /**
     * The command line that runs this class in a child JVM with this JVM's module flags.
     *
     * @param path     counters file.
     * @param label    counter to watch.
     * @param expected value to wait for.
     * @return the command.
     */
    public static List<String> command(final Path path, final String label, final long expected)
    {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        final List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (int i = 0; i < jvmArgs.size(); i++)
        {
            final String arg = jvmArgs.get(i);
            if (arg.startsWith("-Dchronicle"))
            {
                command.add(arg);
            }
            for (final String flag : FORWARDED_FLAGS)
            {
                if (arg.startsWith(flag + "="))
                {
                    command.add(arg);
                }
                else if (arg.equals(flag) && i + 1 < jvmArgs.size())
                {
                    command.add(arg);
                    command.add(jvmArgs.get(++i));
                }
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CountersReaderChild.class.getName());
        command.add(path.toString());
        command.add(label);
        command.add(Long.toString(expected));
        return command;
    }
}
