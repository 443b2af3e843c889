/**
 * JMH benchmarks of the operator core, one class per topic. Each benchmark drives operators by hand,
 * with no threads or rings ({@link io.ringflow.perf.RecordDriver}: record, then watermark when it
 * advances), from inputs pre-generated in its {@code @State} ({@link io.ringflow.perf.EventStream}), and
 * sinks what they emit into a {@link org.openjdk.jmh.infra.Blackhole} through a
 * {@link io.ringflow.perf.BlackholeOutput}.
 * Throughput benchmarks process a batch of records per invocation and declare it with
 * {@code @OperationsPerInvocation}, so scores read as records per second.
 * <p>
 * Run with {@code perf/bin/bench} from the repository root (it adds the JVM flags Agrona needs);
 * see perf/README.md.
 */
package io.ringflow.perf;
