package io.ringflow.perf.journal;

import io.ringflow.journal.durable.PipelineDefinition;
import io.ringflow.operators.aggregate.Aggregates;
import io.ringflow.operators.record.RecordCodec;
import io.ringflow.operators.time.WatermarkStrategy;
import io.ringflow.operators.window.WindowResult;
import io.ringflow.operators.window.WindowResultCodec;
import io.ringflow.operators.window.Windows;
import io.ringflow.perf.TempDirectories;
import io.ringflow.pipeline.Pipeline;
import io.ringflow.pipeline.RecordType;
import io.ringflow.pipeline.SequencedSink;
import io.ringflow.pipeline.Source;
import io.ringflow.replay.ReplaySession;
import io.ringflow.replay.StopReason;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Replay throughput, the replay issue's measure: a {@link ReplaySession} runs a 10,000,000-record input
 * journal (seeded payments over {@code keys} cards, written once per trial) to its end through a keyed
 * tumbling 100 ms count + sum, on one thread, stepped, outputs counted and dropped. One invocation is a
 * whole replay: opening the journal, building the pipeline, reading, checking and decoding every entry,
 * the operators, the final flush. The score is nanoseconds per record ({@code 1e9 / score} = records per
 * second; the target, 5 M records/s, is 200 ns/op).
 * <p>
 * Run: {@code perf/bin/bench Replay} (writing the journal takes ~5 s, each replay 1–3 s; the journal
 * needs ~1 GB in {@code java.io.tmpdir}).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@State(Scope.Benchmark)
public class ReplayBenchmark
{
    static final int RECORDS = 10_000_000;

    @Param({"10000"})
    int keys;

    private Path root;
    private Path input;
    private long outputs;

    @Setup(Level.Trial)
    public void writeJournal()
    {
        root = TempDirectories.create("ringflow-replay-");
        input = root.resolve("input");
        JournalFixtures.writeInput(input, new PaymentWorkload(keys, 7), RECORDS, true);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long replay()
    {
        outputs = 0;
        try (ReplaySession<Payment, WindowResult> session = ReplaySession.builder(new Definition(keys), input)
            .outputs((result, timestamp, sequence, ordinal) -> outputs++)
            .open())
        {
            if (session.runToEnd() != StopReason.END_OF_STREAM || session.recordsProcessed() != RECORDS)
            {
                throw new IllegalStateException("the replay stopped early at " + session.position());
            }
        }
        return outputs;
    }

    @TearDown(Level.Trial)
    public void deleteJournal()
    {
        TempDirectories.deleteRecursively(root);
    }

    /** The replayed pipeline. */
    static final class Definition implements PipelineDefinition<Payment, WindowResult>
    {
        private final int keys;

        Definition(final int keys)
        {
            this.keys = keys;
        }

        @Override
        public String id()
        {
            return "perf-replay-v1";
        }

        @Override
        public RecordCodec<Payment> inputCodec()
        {
            return Payment.CODEC;
        }

        @Override
        public RecordType<Payment> inputType()
        {
            return Payment.TYPE;
        }

        @Override
        public RecordCodec<WindowResult> outputCodec()
        {
            return new WindowResultCodec(2);
        }

        @Override
        public Pipeline<Payment> plan(final Source<Payment> source, final SequencedSink<WindowResult> sink)
        {
            return Pipeline.from(source)
                .assignTimestamps("event-time", WatermarkStrategy.<Payment>forBoundedOutOfOrderness(
                    PaymentWorkload.OUT_OF_ORDER_MS).withTimestampAssigner(Payment::timeMs))
                .keyBy(Payment::card)
                .window(Windows.tumbling(100))
                .expectedKeys(keys)
                .aggregate("count-sum", Aggregates.of(Aggregates.count(), Aggregates.sum(Payment::amount)))
                .to(sink);
        }
    }
}
