package io.ringflow.pipeline;

/**
 * What a stage thread does when its input ring is empty. Choose by the cores you have: a busy-spinning
 * stage owns a core, so on a 2-core machine at most two threads should spin (the producer counts).
 */
public enum WaitStrategy
{
    /** Spin on the ring: lowest latency, burns a whole core. */
    BUSY_SPIN,

    /** Spin, then {@code Thread.yield()}: near busy-spin latency, gives the core to other threads. */
    YIELDING,

    /** Spin, yield, then park for growing intervals up to 1 ms: cheap on CPU, adds wake-up latency. */
    SLEEPING,

    /**
     * Block until a producer signals: no CPU when idle, tens of microseconds to wake, and producers pay
     * a signal per publish. For stages that are idle most of the time.
     */
    BLOCKING
}
