package io.ringflow.conformance.flink;

import io.ringflow.conformance.Dropped;
import io.ringflow.conformance.Event;
import io.ringflow.conformance.Firing;
import io.ringflow.conformance.Result;
import io.ringflow.conformance.Scenario;
import io.ringflow.conformance.WindowEngine;
import io.ringflow.conformance.WindowSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.datastream.WindowedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The reference engine: Apache Flink 2.1's DataStream window operator, run in a local MiniCluster.
 *
 * <p>The job is {@code fromData(events)} -> timestamps and a <em>punctuated</em> watermark ->
 * {@code keyBy(key)} -> {@code window(assigner)} -> {@code trigger(event-time)} ->
 * {@code allowedLateness(L)} -> {@code sideOutputLateData} -> {@code process(count, sum, min, max)},
 * at parallelism 1. Flink's stock bounded-out-of-orderness strategy emits watermarks every 200 ms of
 * wall time, which makes late/drop decisions depend on timing; the punctuated generator here emits
 * {@code maxTimestamp - bound - 1} after every record instead, which is Ringflow's rule and makes
 * Flink's output a function of the input alone. The records and the watermarks after them reach the
 * window operator over the one keyBy channel in the order they were emitted, so record {@code i} is
 * judged against the watermark of records {@code 0..i-1}. At the end of the bounded input Flink
 * emits a {@code Long.MAX_VALUE} watermark, firing (and cleaning up) every remaining window.
 *
 * <p>Firings and the late side output are collected by one sink: the side output is mapped to the
 * same wrapper type and unioned with the window output. All firings travel the window output's one
 * in-order path to the sink (at parallelism 1 it is chained to the window operator), so each
 * window's firings arrive in emission order; only the interleaving with drops is not meaningful.
 *
 * <p>Holds a MiniCluster for its lifetime; close it when done.
 */
public final class FlinkEngine implements WindowEngine, AutoCloseable {

    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(2);

    private final SharedMiniCluster cluster;

    public FlinkEngine() {
        try {
            this.cluster = new SharedMiniCluster();
        } catch (Exception e) {
            throw new IllegalStateException("could not start a Flink MiniCluster", e);
        }
    }

    @Override
    public Result run(Scenario scenario, List<Event> events) {
        if (events.isEmpty()) {
            // fromData rejects an empty collection; with no input there is nothing to fire or drop.
            return new Result(List.of(), List.of());
        }
        try {
            return execute(scenario, events, true);
        } catch (Exception e) {
            throw new IllegalStateException("Flink job failed for " + scenario, e);
        }
    }

    /**
     * The same job with Flink's own {@code EventTimeTrigger} instead of
     * {@link CauseRecordingEventTimeTrigger}, to check that the latter changes nothing. The cause of
     * a firing is unknown then, so every firing is reported {@link Firing.Kind#ON_TIME}: compare
     * kinds-erased results only.
     */
    Result runWithStockTrigger(Scenario scenario, List<Event> events) {
        if (events.isEmpty()) {
            return new Result(List.of(), List.of());
        }
        try {
            return execute(scenario, events, false);
        } catch (Exception e) {
            throw new IllegalStateException("Flink job failed for " + scenario, e);
        }
    }

    private Result execute(Scenario scenario, List<Event> events, boolean recordCauses) throws Exception {
        Configuration configuration = new Configuration();
        configuration.set(CoreOptions.DEFAULT_PARALLELISM, 1);
        // No periodic watermarks: only the punctuated ones after each record (and MAX at the end).
        configuration.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, Duration.ZERO);
        // The records are Flink POJOs; fail instead of falling back to Kryo if that ever changes.
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = cluster.environment(configuration);

        TypeInformation<Event> eventType = TypeInformation.of(Event.class);
        TypeInformation<Emission> emissionType = TypeInformation.of(Emission.class);
        OutputTag<Event> lateTag = new OutputTag<>("late", eventType);

        long bound = scenario.outOfOrderness();
        WatermarkStrategy<Event> watermarks = WatermarkStrategy
                .<Event>forGenerator(context -> new PunctuatedBoundedOutOfOrderness(bound))
                .withTimestampAssigner((event, previousTimestamp) -> event.timestamp());

        DataStream<Event> input = env.fromData(events, eventType).assignTimestampsAndWatermarks(watermarks);

        WindowedStream<Event, Long, TimeWindow> windowed = input
                .keyBy(Event::key, Types.LONG)
                .window(assigner(scenario.window()));
        if (recordCauses) {
            windowed = windowed.trigger(new CauseRecordingEventTimeTrigger());
        }
        SingleOutputStreamOperator<Emission> fired = windowed
                .allowedLateness(Duration.ofMillis(scenario.allowedLateness()))
                .sideOutputLateData(lateTag)
                .process(new AggregateWindowFunction(recordCauses), emissionType);

        DataStream<Emission> dropped = fired.getSideOutput(lateTag).map(Emission::dropped, emissionType);

        CloseableIterator<Emission> results = fired.union(dropped).collectAsync();
        JobClient job = env.executeAsync("conformance " + scenario);

        List<Firing> firings = new ArrayList<>();
        List<Dropped> drops = new ArrayList<>();
        try (results) {
            while (results.hasNext()) {
                Emission emission = results.next();
                if (emission.firing() != null) {
                    firings.add(emission.firing());
                } else {
                    drops.add(emission.drop());
                }
            }
        }
        // The iterator ends when the sink has finished; also wait for the job itself, so that a
        // failure surfaces here and the next job starts on an idle cluster.
        job.getJobExecutionResult().get(JOB_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return new Result(firings, drops);
    }

    private static WindowAssigner<Object, TimeWindow> assigner(WindowSpec spec) {
        // Durations are Flink's API for sizes; it uses their milliseconds, i.e. the raw tick values.
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
     * What the one collect sink receives: exactly one of a firing or a dropped record. A flat Flink
     * POJO (Java records are POJOs in Flink 2.x; null fields are allowed) rather than a sealed
     * interface, which Flink could only serialise with Kryo.
     *
     * @param firing a window result, or null
     * @param drop   a late-side-output record, or null
     */
    public record Emission(Firing firing, Dropped drop) {

        static Emission dropped(Event event) {
            return new Emission(null, Dropped.of(event));
        }
    }

    /**
     * Emits {@code maxTimestamp - bound - 1} after every record, as Ringflow does (shared/DESIGN.md);
     * {@code onPeriodicEmit} does nothing (and is not called: the auto-watermark interval is 0).
     */
    static final class PunctuatedBoundedOutOfOrderness implements WatermarkGenerator<Event> {

        private final long bound;
        // Start so that the first watermark cannot underflow, as Flink's own generator does.
        private long maxTimestamp;

        PunctuatedBoundedOutOfOrderness(long bound) {
            this.bound = bound;
            this.maxTimestamp = Long.MIN_VALUE + bound + 1;
        }

        @Override
        public void onEvent(Event event, long eventTimestamp, WatermarkOutput output) {
            maxTimestamp = Math.max(maxTimestamp, eventTimestamp);
            output.emitWatermark(new Watermark(maxTimestamp - bound - 1));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
        }
    }

    /** Count, sum, min and max of the window's values, labelled with the cause of the firing. */
    static final class AggregateWindowFunction extends ProcessWindowFunction<Event, Emission, Long, TimeWindow> {

        private static final long serialVersionUID = 1L;

        private final boolean causesRecorded;

        AggregateWindowFunction(boolean causesRecorded) {
            this.causesRecorded = causesRecorded;
        }

        @Override
        public void process(Long key, Context context, Iterable<Event> elements, Collector<Emission> out) {
            Firing.Kind kind = causesRecorded ? FiringCause.take() : Firing.Kind.ON_TIME;
            long count = 0;
            long sum = 0;
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (Event event : elements) {
                count++;
                sum += event.value();
                min = Math.min(min, event.value());
                max = Math.max(max, event.value());
            }
            TimeWindow window = context.window();
            out.collect(new Emission(
                    new Firing(key, window.getStart(), window.getEnd(), count, sum, min, max, kind), null));
        }
    }
}
