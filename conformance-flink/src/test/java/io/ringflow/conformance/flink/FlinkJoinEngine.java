package io.ringflow.conformance.flink;

import io.ringflow.conformance.CoGroupFiring;
import io.ringflow.conformance.JoinEngine;
import io.ringflow.conformance.JoinResult;
import io.ringflow.conformance.JoinScenario;
import io.ringflow.conformance.JoinSpec;
import io.ringflow.conformance.JoinedPair;
import io.ringflow.conformance.SideEvent;
import io.ringflow.conformance.WindowSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.CoGroupFunction;
import org.apache.flink.api.common.functions.JoinFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.streaming.api.functions.co.ProcessJoinFunction;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The reference engine for joins: Apache Flink 2.1's DataStream interval join
 * ({@code keyBy(key).intervalJoin(...).between(lower, upper)}, with {@code lowerBoundExclusive()},
 * {@code upperBoundExclusive()} and the late-data side outputs of both sides) and window join and
 * co-group ({@code join(...)/coGroup(...).where(key).equalTo(key).window(assigner).allowedLateness(L)}),
 * run in a local MiniCluster at parallelism 1.
 *
 * <p>Each side is a source of its own records: {@code fromData} -> a sequencing gate -> timestamps and
 * a <em>punctuated</em> watermark ({@code maxTimestamp - bound - 1} after every record of that side).
 * Two sources feeding a join race each other, so the {@link Sequencer} makes them take turns in the
 * scenario's interleaving, each record and its watermark processed by the join before the next record
 * leaves its source; the join's watermark is then the minimum of the two sides' at every step, as in
 * Ringflow. The probes the sequencer needs are records of keys -1 (left) and -2 (right), which never
 * meet each other, and everything they produce is filtered out. Sources end only after the last record,
 * each with a {@code Long.MAX_VALUE} watermark.
 *
 * <p>Flink's window join has no late-data output: a record it drops shows only by its absence. The
 * co-group job reveals it: every record a window accepted appears in at least one co-group firing
 * (every window fires at the end of input at the latest), so the records in none were dropped.
 *
 * <p>Holds a MiniCluster for its lifetime; close it when done.
 */
public final class FlinkJoinEngine implements JoinEngine, AutoCloseable {

    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(2);
    private static final long LEFT_PROBE_KEY = -1;
    private static final long RIGHT_PROBE_KEY = -2;

    private final SharedMiniCluster cluster;

    public FlinkJoinEngine() {
        try {
            this.cluster = new SharedMiniCluster();
        } catch (Exception e) {
            throw new IllegalStateException("could not start a Flink MiniCluster", e);
        }
    }

    @Override
    public JoinResult run(JoinScenario scenario, List<SideEvent> events) {
        try {
            if (scenario.join() instanceof JoinSpec.Interval interval) {
                List<Emission> emissions = execute(scenario, events, (left, right, run) -> intervalJoin(interval, left, right, run));
                return new JoinResult(pairs(emissions), List.of(), late(emissions));
            }
            JoinSpec.Windowed windowed = (JoinSpec.Windowed) scenario.join();
            List<Emission> joined = execute(scenario, events, (left, right, run) -> windowJoin(windowed, left, right, run));
            List<Emission> coGrouped = execute(scenario, events, (left, right, run) -> windowCoGroup(windowed, left, right, run));
            List<CoGroupFiring> firings = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            for (Emission emission : coGrouped) {
                firings.add(emission.firing());
                emission.firing().allIds().forEach(seen::add);
            }
            List<SideEvent> dropped = events.stream().filter(e -> !seen.contains(e.id())).toList();
            return new JoinResult(pairs(joined), firings, dropped);
        } catch (Exception e) {
            throw new IllegalStateException("Flink job failed for " + scenario, e);
        }
    }

    private static List<JoinedPair> pairs(List<Emission> emissions) {
        return emissions.stream().filter(e -> e.pair() != null).map(Emission::pair).toList();
    }

    private static List<SideEvent> late(List<Emission> emissions) {
        return emissions.stream().filter(e -> e.late() != null).map(Emission::late).toList();
    }

    /** Builds the join between the two sequenced sides; what it returns is collected. */
    @FunctionalInterface
    private interface JobShape {
        DataStream<Emission> build(DataStream<SideEvent> left, DataStream<SideEvent> right, String runId);
    }

    private List<Emission> execute(JoinScenario scenario, List<SideEvent> events, JobShape shape) throws Exception {
        Configuration configuration = new Configuration();
        configuration.set(CoreOptions.DEFAULT_PARALLELISM, 1);
        configuration.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, Duration.ZERO);
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        // Flush every record at once: a source waits for its record to reach the join before the next one.
        configuration.set(ExecutionOptions.BUFFER_TIMEOUT, Duration.ZERO);
        StreamExecutionEnvironment env = cluster.environment(configuration);

        String runId = UUID.randomUUID().toString();
        DataStream<SideEvent> left = side(env, events, true, scenario.outOfOrderness(), runId);
        DataStream<SideEvent> right = side(env, events, false, scenario.outOfOrderness(), runId);
        CloseableIterator<Emission> results = shape.build(left, right, runId).collectAsync();

        Sequencer.start(runId);
        List<Emission> emissions = new ArrayList<>();
        try {
            JobClient job = env.executeAsync("join conformance " + scenario);
            try (results) {
                while (results.hasNext()) {
                    emissions.add(results.next());
                }
            }
            job.getJobExecutionResult().get(JOB_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            Sequencer.finish(runId);
        }
        return emissions;
    }

    /** One side's sequenced source: its records (and an end marker), gated, then timestamps and watermarks. */
    private static DataStream<SideEvent> side(
            StreamExecutionEnvironment env, List<SideEvent> events, boolean left, long bound, String runId) {
        TypeInformation<SideEvent> type = TypeInformation.of(SideEvent.class);
        List<SideEvent> mine = new ArrayList<>(events.stream().filter(e -> e.left() == left).toList());
        mine.add(new SideEvent(left, 0, 0, -events.size() - 1)); // end marker: waits for the last item, emits nothing
        WatermarkStrategy<SideEvent> watermarks = WatermarkStrategy
                .<SideEvent>forGenerator(context -> new PunctuatedBoundedOutOfOrderness(bound))
                .withTimestampAssigner((event, previous) -> event.timestamp());
        return env.fromData(mine, type)
                .flatMap(new Gate(runId), type)
                .assignTimestampsAndWatermarks(watermarks);
    }

    private static DataStream<Emission> intervalJoin(
            JoinSpec.Interval interval, DataStream<SideEvent> left, DataStream<SideEvent> right, String runId) {
        TypeInformation<SideEvent> type = TypeInformation.of(SideEvent.class);
        TypeInformation<Emission> emissionType = TypeInformation.of(Emission.class);
        OutputTag<SideEvent> lateLeft = new OutputTag<>("late-left", type);
        OutputTag<SideEvent> lateRight = new OutputTag<>("late-right", type);
        KeyedStream<SideEvent, Long> leftKeyed = left.keyBy(new ReleasingKey(runId), Types.LONG);
        KeyedStream<SideEvent, Long> rightKeyed = right.keyBy(new ReleasingKey(runId), Types.LONG);
        KeyedStream.IntervalJoined<SideEvent, SideEvent, Long> joined = leftKeyed.intervalJoin(rightKeyed)
                .between(Duration.ofMillis(interval.lower()), Duration.ofMillis(interval.upper()));
        if (interval.lowerExclusive()) {
            joined = joined.lowerBoundExclusive();
        }
        if (interval.upperExclusive()) {
            joined = joined.upperBoundExclusive();
        }
        SingleOutputStreamOperator<Emission> pairs = joined
                .sideOutputLeftLateData(lateLeft)
                .sideOutputRightLateData(lateRight)
                .process(new PairWithTimestamp(), emissionType);
        DataStream<Emission> late = pairs.getSideOutput(lateLeft).union(pairs.getSideOutput(lateRight))
                .filter(e -> e.key() > 0)
                .map(Emission::late, emissionType);
        return pairs.union(late);
    }

    private static DataStream<Emission> windowJoin(
            JoinSpec.Windowed windowed, DataStream<SideEvent> left, DataStream<SideEvent> right, String runId) {
        TypeInformation<Emission> emissionType = TypeInformation.of(Emission.class);
        return left.join(right)
                .where(new ReleasingKey(runId), Types.LONG)
                .equalTo(new ReleasingKey(runId), Types.LONG)
                .window(assigner(windowed.window()))
                .allowedLateness(Duration.ofMillis(windowed.allowedLateness()))
                .apply(new PairOfIds(), emissionType)
                .process(new Stamp(), emissionType);
    }

    private static DataStream<Emission> windowCoGroup(
            JoinSpec.Windowed windowed, DataStream<SideEvent> left, DataStream<SideEvent> right, String runId) {
        TypeInformation<Emission> emissionType = TypeInformation.of(Emission.class);
        return left.coGroup(right)
                .where(new ReleasingKey(runId), Types.LONG)
                .equalTo(new ReleasingKey(runId), Types.LONG)
                .window(assigner(windowed.window()))
                .allowedLateness(Duration.ofMillis(windowed.allowedLateness()))
                .apply(new IdsOfBothSides(), emissionType)
                .filter(e -> e.firing().key() > 0)
                .process(new Stamp(), emissionType);
    }

    private static WindowAssigner<Object, TimeWindow> assigner(WindowSpec spec) {
        if (spec instanceof WindowSpec.Tumbling t) {
            return TumblingEventTimeWindows.of(Duration.ofMillis(t.size()), Duration.ofMillis(t.offset()));
        }
        if (spec instanceof WindowSpec.Sliding s) {
            return SlidingEventTimeWindows.of(
                    Duration.ofMillis(s.size()), Duration.ofMillis(s.slide()), Duration.ofMillis(s.offset()));
        }
        if (spec instanceof WindowSpec.Session s) {
            return EventTimeSessionWindows.withGap(Duration.ofMillis(s.gap()));
        }
        throw new IllegalArgumentException("unknown window " + spec);
    }

    @Override
    public void close() {
        cluster.close();
    }

    /**
     * What the collect sink receives: exactly one of a joined pair, a late record, or a co-group firing. A
     * flat Flink POJO with nullable fields (no Kryo).
     */
    public record Emission(JoinedPair pair, SideEvent late, CoGroupFiring firing) {

        static Emission late(SideEvent event) {
            return new Emission(null, event, null);
        }
    }

    /**
     * Passes each record on in its turn of the global order, followed by a probe of its side; the end marker
     * waits until every record has been delivered, so that no source ends (and sends {@code Long.MAX_VALUE})
     * early.
     */
    static final class Gate extends RichFlatMapFunction<SideEvent, SideEvent> {

        private static final long serialVersionUID = 1L;

        private final String runId;

        Gate(String runId) {
            this.runId = runId;
        }

        @Override
        public void open(OpenContext context) {
            Sequencer.markSourceThread();
        }

        @Override
        public void flatMap(SideEvent event, Collector<SideEvent> out) throws InterruptedException {
            Sequencer sequencer = Sequencer.of(runId);
            if (event.id() < 0) {
                sequencer.await(-event.id() - 1);
                return;
            }
            sequencer.await(event.id());
            out.collect(event);
            out.collect(new SideEvent(event.left(), event.left() ? LEFT_PROBE_KEY : RIGHT_PROBE_KEY, event.timestamp(),
                    event.id()));
        }
    }

    /**
     * The join key; on the join's task, a probe's key selection releases the next item of the global order
     * (the record and the watermark before the probe have been processed by then). Flink's key selectors are
     * called with the {@link SideEvent} itself on both sides of every join used here.
     */
    static final class ReleasingKey implements KeySelector<SideEvent, Long> {

        private static final long serialVersionUID = 1L;

        private final String runId;

        ReleasingKey(String runId) {
            this.runId = runId;
        }

        @Override
        public Long getKey(SideEvent event) {
            if (event.key() < 0 && !Sequencer.onSourceThread()) {
                Sequencer.of(runId).release(event.id() + 1);
            }
            return event.key();
        }
    }

    /**
     * Emits {@code maxTimestamp - bound - 1} after every record, as Ringflow does (shared/DESIGN.md);
     * ignores probes, which are no part of the input.
     */
    static final class PunctuatedBoundedOutOfOrderness implements WatermarkGenerator<SideEvent> {

        private final long bound;
        private long maxTimestamp;

        PunctuatedBoundedOutOfOrderness(long bound) {
            this.bound = bound;
            this.maxTimestamp = Long.MIN_VALUE + bound + 1;
        }

        @Override
        public void onEvent(SideEvent event, long eventTimestamp, WatermarkOutput output) {
            if (event.key() < 0) {
                return;
            }
            maxTimestamp = Math.max(maxTimestamp, eventTimestamp);
            output.emitWatermark(new Watermark(maxTimestamp - bound - 1));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
        }
    }

    /** An interval join's pair, at the timestamp Flink gives it. */
    static final class PairWithTimestamp extends ProcessJoinFunction<SideEvent, SideEvent, Emission> {

        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(SideEvent left, SideEvent right, Context context, Collector<Emission> out) {
            out.collect(new Emission(new JoinedPair(left.id(), right.id(), context.getTimestamp()), null, null));
        }
    }

    /** A window join's pair; {@link Stamp} adds the output timestamp. */
    static final class PairOfIds implements JoinFunction<SideEvent, SideEvent, Emission> {

        private static final long serialVersionUID = 1L;

        @Override
        public Emission join(SideEvent left, SideEvent right) {
            return new Emission(new JoinedPair(left.id(), right.id(), 0), null, null);
        }
    }

    /** A window's two sides as sorted ids; {@link Stamp} adds the window's max timestamp. */
    static final class IdsOfBothSides implements CoGroupFunction<SideEvent, SideEvent, Emission> {

        private static final long serialVersionUID = 1L;

        @Override
        public void coGroup(Iterable<SideEvent> left, Iterable<SideEvent> right, Collector<Emission> out) {
            List<SideEvent> all = new ArrayList<>();
            left.forEach(all::add);
            right.forEach(all::add);
            long key = all.get(0).key();
            out.collect(new Emission(null, null, new CoGroupFiring(key, 0,
                    CoGroupFiring.ids(StreamSupport.stream(left.spliterator(), false).mapToLong(SideEvent::id)),
                    CoGroupFiring.ids(StreamSupport.stream(right.spliterator(), false).mapToLong(SideEvent::id)))));
        }
    }

    /** Copies the record's timestamp (a window's max timestamp) into the pair or firing it carries. */
    static final class Stamp extends ProcessFunction<Emission, Emission> {

        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(Emission emission, Context context, Collector<Emission> out) {
            long timestamp = context.timestamp();
            if (emission.pair() != null) {
                JoinedPair pair = emission.pair();
                out.collect(new Emission(new JoinedPair(pair.leftId(), pair.rightId(), timestamp), null, null));
            } else {
                CoGroupFiring firing = emission.firing();
                out.collect(new Emission(null, null,
                        new CoGroupFiring(firing.key(), timestamp, firing.left(), firing.right())));
            }
        }
    }
}
