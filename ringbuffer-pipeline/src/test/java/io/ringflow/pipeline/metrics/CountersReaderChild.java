package io.ringflow.pipeline.metrics;

import java.nio.file.Path;

/**
 * Main class of the second JVM in {@link CountersFileChildProcessTest}: opens the counters file, says so,
 * polls one counter until it reaches the expected value, prints it and exits 0; exits 2 if it never does.
 * <p>
 * Threading: runs on the child's main thread only.
 */
public final class CountersReaderChild
{
    private static final long DEADLINE_NS = 20_000_000_000L;

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
}
