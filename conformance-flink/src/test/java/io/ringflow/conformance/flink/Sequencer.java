package io.ringflow.conformance.flink;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes a Flink job with two sources deliver its records to a two-input operator in a prescribed global
 * order, and each record's watermark before the next record: the coordination lives in this JVM, where
 * the MiniCluster's tasks run, and is found by a run id that the job's functions carry.
 *
 * <p>Flink reads a two-input operator's inputs in whatever order their buffers arrive, so two sources
 * racing each other would make the interleaving, and with it every late/on-time decision, depend on
 * timing. Here item {@code i} of the global order is emitted by its source only once the operator has
 * processed everything before it. A source emits its record, then (its chained watermark generator)
 * the side's watermark, then a <em>probe</em> record of a key no real record uses; the operator's task
 * evaluates the key selector on the probe only after it has processed the record and the watermark
 * before it on that channel, and that call releases item {@code i + 1}. The key selector is also called
 * in the source task (to pick the channel); calls there are told apart by a thread-local flag the
 * sources set, and ignored.
 *
 * <p>Threading: {@link #await} blocks a source task's thread; {@link #release} is called from the
 * operator's task thread.
 */
final class Sequencer {

    private static final Map<String, Sequencer> RUNS = new ConcurrentHashMap<>();
    private static final ThreadLocal<Boolean> SOURCE_THREAD = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

    private long released;

    private Sequencer() {
    }

    /** Registers a fresh run; {@link #finish} it when the job is done. */
    static void start(String runId) {
        if (RUNS.putIfAbsent(runId, new Sequencer()) != null) {
            throw new IllegalStateException("run " + runId + " is already registered");
        }
    }

    static void finish(String runId) {
        RUNS.remove(runId);
    }

    static Sequencer of(String runId) {
        Sequencer sequencer = RUNS.get(runId);
        if (sequencer == null) {
            throw new IllegalStateException("no sequenced run " + runId);
        }
        return sequencer;
    }

    /** Called by a source task when it opens: key selections on this thread are partitioning, not delivery. */
    static void markSourceThread() {
        SOURCE_THREAD.set(Boolean.TRUE);
    }

    static boolean onSourceThread() {
        return SOURCE_THREAD.get();
    }

    /** Blocks until every item before {@code position} has been delivered. */
    synchronized void await(long position) throws InterruptedException {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (released < position) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("item " + position + " still waits for its turn after " + STEP_TIMEOUT
                        + " (delivered so far: " + released + ")");
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Everything before {@code position} has been delivered. */
    synchronized void release(long position) {
        if (position > released) {
            released = position;
            notifyAll();
        }
    }
}
