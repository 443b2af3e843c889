package io.ringflow.perf.peers;

import java.lang.management.ManagementFactory;

/**
 * Wall time and the whole process's CPU time, read together, so that a run is measured as
 * "records per CPU-second": Flink's work is spread over its task, mailbox, network and timer threads, Ringflow's
 * sits on one thread, and CPU time counts both alike. Garbage collection and JIT compilation during a run are
 * counted too, as is whatever the idle MiniCluster does meanwhile (heartbeats; small).
 * <p>
 * Threading: {@link #now} may be called from any thread.
 */
final class ProcessClock
{
    private static final com.sun.management.OperatingSystemMXBean OS =
        (com.sun.management.OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean();

    private ProcessClock()
    {
    }

    /** @return a reading of both clocks. */
    static Reading now()
    {
        return new Reading(System.nanoTime(), OS.getProcessCpuTime());
    }

    /** @return the system load average over the last minute, or a negative value where it is not known. */
    static double loadAverage()
    {
        return OS.getSystemLoadAverage();
    }

    /**
     * Both clocks at one instant.
     *
     * @param wallNs monotonic wall clock, ns.
     * @param cpuNs  CPU time of all the process's threads so far, ns.
     */
    record Reading(long wallNs, long cpuNs)
    {
        /**
         * @param start an earlier reading.
         * @return the time from {@code start} to this reading.
         */
        Span since(final Reading start)
        {
            return new Span(wallNs - start.wallNs, cpuNs - start.cpuNs);
        }
    }

    /**
     * The time a run took.
     *
     * @param wallNs wall time, ns.
     * @param cpuNs  process CPU time, ns.
     */
    record Span(long wallNs, long cpuNs)
    {
        /**
         * @param records records processed.
         * @return millions of records per CPU-second.
         */
        double millionsPerCpuSecond(final long records)
        {
            return records * 1e3 / cpuNs;
        }

        /**
         * @param records records processed.
         * @return millions of records per wall-clock second.
         */
        double millionsPerWallSecond(final long records)
        {
            return records * 1e3 / wallNs;
        }
    }
}
