/**
 * Baselines for the hand-off between two threads: how many records per second one producer thread can
 * pass to one consumer thread through a given queue, measured with JMH. One class per topology, named
 * as the Disruptor's perf tests are ({@code <Queue>OneToOneBenchmark}), each following the
 * {@link io.ringflow.perf.ring.OneToOneThroughput} convention so that their scores compare directly:
 * the Ringflow runtime's own one-to-one benchmark (an identity chain on one stage) belongs here too, in
 * the same shape.
 * <p>
 * Two threads busy-spin or block per benchmark: on a 2-core machine they take both cores, so run
 * nothing else meanwhile. Run with {@code perf/bin/bench OneToOne -prof gc}; see perf/README.md.
 */
package io.ringflow.perf.ring;
