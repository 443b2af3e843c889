package io.ringflow.perf.latency;

/**
 * A thread that does nothing but sleep 1 ms at a time and record by how much each sleep overran, so that
 * stalls of the machine itself (scheduler, GC safepoints, other processes) show up apart from the subject's
 * latency: a subject's tail can be no better than this. The same idea as jHiccup, in a few lines.
 * <pre>
 *   loop: t0 = nanoTime ─► sleep 1 ms ─► t1 = nanoTime ─► record(t1 - t0 - 1 ms) at t1
 * </pre>
 * It sleeps almost all the time, so it takes no core from the two busy-spinning threads; when it is
 * woken late because both cores are busy spinning, that is the noise it is there to show.
 */
final class HiccupMeter implements Runnable
{
    private static final long SLEEP_NS = 1_000_000L;

    private final PhasedRecorder recorder;
    private final Thread thread;
    private volatile boolean running = true;

    HiccupMeter(final PhasedRecorder recorder)
    {
        this.recorder = recorder;
        this.thread = new Thread(this, "hiccup-meter");
        thread.setDaemon(true);
    }

    void start()
    {
        thread.start();
    }

    void stop() throws InterruptedException
    {
        running = false;
        thread.join();
    }

    @Override
    public void run()
    {
        while (running)
        {
            final long beforeNs = System.nanoTime();
            try
            {
                Thread.sleep(1);
            }
            catch (final InterruptedException ex)
            {
                return;
            }
            final long afterNs = System.nanoTime();
            recorder.record(afterNs, afterNs - beforeNs - SLEEP_NS);
        }
    }
}
