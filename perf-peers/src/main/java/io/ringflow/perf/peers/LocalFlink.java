package io.ringflow.perf.peers;

import io.ringflow.perf.nexmark.NexmarkDriver;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.dag.Pipeline;
import org.apache.flink.client.deployment.executors.PipelineExecutorUtils;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.PipelineExecutor;
import org.apache.flink.core.execution.PipelineExecutorFactory;
import org.apache.flink.core.execution.PipelineExecutorServiceLoader;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.minicluster.MiniClusterJobClient;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.CloseableIterator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Apache Flink as a peer: local execution on one MiniCluster (one task manager) started once, and each query run
 * as a job on it ({@link FlinkQueries}), so that a run's cost is the job's, not a cluster's start-up (seconds).
 * This is what {@code StreamExecutionEnvironment}'s local mode does per job, and what conformance-flink's
 * {@code SharedMiniCluster} does for its tests; flink-test-utils would bring Hadoop and JUnit 4 along.
 * <p>
 * A job reads {@link NexmarkInput}'s events (from its {@link EventArrays} array) through a
 * {@link DataGeneratorSource} with Flink's stock {@code WatermarkStrategy.forBoundedOutOfOrderness} of the Ringflow
 * queries' bound (4 s), event time from each event's {@code dateTime}.
 * <p>
 * The semantics coincide exactly with Ringflow's on this workload, so outputs are equal record by record: windows
 * aligned to epoch 0 on both; a window fires when the watermark reaches {@code end - 1} and its result is stamped
 * {@code end - 1} on both; both watermarks are {@code maxTimestamp - 4000 - 1} (Ringflow's after every event that
 * advances it, Flink's every 200 ms of wall time, so Flink's lags: this changes when windows fire, not what they
 * hold, because no event of this input is late under either); and at the end of the input both engines fire every
 * open window (Ringflow's driver sends the end-of-stream watermark, Flink's bounded source ends with
 * {@code Long.MAX_VALUE}). What differs is representation only: Ringflow's Q1 rewrites one reused event, Flink
 * allocates a new record per result and per event.
 * <p>
 * Threading: one caller at a time; the jobs run on Flink's threads. Close it to stop the cluster.
 */
public final class LocalFlink implements PeerEngine
{
    private static final String EXECUTOR_NAME = "ringflow-perf-peers-minicluster";
    private static final TypeInformation<PeerEvent> EVENT = TypeInformation.of(PeerEvent.class);

    private final MiniCluster miniCluster;
    private final FlinkSettings settings;

    /** Start the cluster; measured jobs run with {@link FlinkSettings#DEFAULTS}. */
    public LocalFlink()
    {
        this(FlinkSettings.DEFAULTS);
    }

    /**
     * Start the cluster.
     *
     * @param settings the measured jobs' settings.
     */
    public LocalFlink(final FlinkSettings settings)
    {
        this.settings = settings;
        final MiniClusterConfiguration configuration = new MiniClusterConfiguration.Builder()
            .setConfiguration(new Configuration())
            .setNumTaskManagers(1)
            // Jobs run one at a time and need one slot (every task of a job shares it); the second lets the next
            // job start before the last one's slot is released.
            .setNumSlotsPerTaskManager(2)
            // Ephemeral ports: other builds on the machine may run Flink at the same time.
            .withRandomPorts()
            .build();
        miniCluster = new MiniCluster(configuration);
        try
        {
            miniCluster.start();
        }
        catch (final Exception e)
        {
            throw new IllegalStateException("could not start a Flink MiniCluster", e);
        }
    }

    @Override
    public String name()
    {
        return "flink";
    }

    @Override
    public String describe()
    {
        return "Flink " + EnvironmentInformation.getVersion() + " local execution: " + settings;
    }

    @Override
    public Fingerprint fingerprint(final PeerQuery query, final NexmarkInput input)
    {
        return fingerprint(query, input, settings);
    }

    /**
     * Run a query to the fingerprinting sink (the measured form).
     *
     * @param query    the query.
     * @param input    the events.
     * @param settings the job's settings.
     * @return the results' fingerprint.
     */
    Fingerprint fingerprint(final PeerQuery query, final NexmarkInput input, final FlinkSettings settings)
    {
        final StreamExecutionEnvironment env = environment(settings);
        sinkFingerprint(FlinkQueries.of(query, source(env, input)));
        try
        {
            final JobExecutionResult result = env.execute("nexmark " + query + " (" + input.events() + " events)");
            final Long count = result.getAccumulatorResult(FingerprintFunction.COUNT);
            final Long checksum = result.getAccumulatorResult(FingerprintFunction.CHECKSUM);
            // The sink registers both when it opens, results or not; absent only if it never ran, which execute reports.
            return new Fingerprint(count == null ? 0 : count, checksum == null ? 0 : checksum);
        }
        catch (final Exception e)
        {
            throw new IllegalStateException("Flink job failed: " + query, e);
        }
    }

    /**
     * Run a query and collect every result, rendered with its timestamp (the tested form; collecting goes
     * through Flink's collect sink and a socket, so it is not measured).
     *
     * @param query the query.
     * @param input the events.
     * @return the results in arrival order, as {@link RenderFunction} renders them.
     */
    @Override
    public List<String> collect(final PeerQuery query, final NexmarkInput input)
    {
        final StreamExecutionEnvironment env = environment(new FlinkSettings(FlinkSettings.DEFAULT_BUFFER_TIMEOUT_MS, true));
        final List<String> results = new ArrayList<>();
        try
        {
            final CloseableIterator<String> rendered = render(FlinkQueries.of(query, source(env, input))).collectAsync();
            final JobClient job = env.executeAsync("nexmark " + query + " collected");
            try (rendered)
            {
                rendered.forEachRemaining(results::add);
            }
            // The iterator ends when the sink finishes; wait for the job too, so that a failure shows here.
            job.getJobExecutionResult().get();
        }
        catch (final Exception e)
        {
            throw new IllegalStateException("Flink job failed: " + query, e);
        }
        return results;
    }

    private StreamExecutionEnvironment environment(final FlinkSettings settings)
    {
        final Configuration configuration = settings.configuration();
        configuration.set(DeploymentOptions.TARGET, EXECUTOR_NAME);
        configuration.set(DeploymentOptions.ATTACHED, true);
        return new StreamExecutionEnvironment(new Executor(), configuration, getClass().getClassLoader());
    }

    private static DataStream<PeerEvent> source(final StreamExecutionEnvironment env, final NexmarkInput input)
    {
        final WatermarkStrategy<PeerEvent> watermarks = WatermarkStrategy
            .<PeerEvent>forBoundedOutOfOrderness(Duration.ofMillis(NexmarkDriver.MAX_OUT_OF_ORDERNESS_MS))
            .withTimestampAssigner((event, previous) -> event.dateTime);
        return env.fromSource(new DataGeneratorSource<>(new NexmarkEventFunction(input), input.events(), EVENT),
            watermarks, "nexmark-events");
    }

    private static <T extends ResultRecord> void sinkFingerprint(final DataStream<T> results)
    {
        results.process(new FingerprintFunction<T>(), Types.VOID).name("fingerprint")
            .sinkTo(new DiscardingSink<>()).name("discard");
    }

    private static <T extends ResultRecord> DataStream<String> render(final DataStream<T> results)
    {
        return results.process(new RenderFunction<T>(), Types.STRING).name("render");
    }

    /** Stops the cluster. */
    @Override
    public void close()
    {
        try
        {
            miniCluster.close();
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the Flink MiniCluster", e);
        }
        catch (final Exception e)
        {
            throw new IllegalStateException("could not stop the Flink MiniCluster", e);
        }
    }

    /** Sends the jobs of {@link #environment} to this cluster (the executor name is resolved to it). */
    private final class Executor implements PipelineExecutorServiceLoader, PipelineExecutorFactory, PipelineExecutor
    {
        @Override
        public PipelineExecutorFactory getExecutorFactory(final Configuration configuration)
        {
            return this;
        }

        @Override
        public Stream<String> getExecutorNames()
        {
            return Stream.of(EXECUTOR_NAME);
        }

        @Override
        public String getName()
        {
            return EXECUTOR_NAME;
        }

        @Override
        public boolean isCompatibleWith(final Configuration configuration)
        {
            return EXECUTOR_NAME.equals(configuration.get(DeploymentOptions.TARGET));
        }

        @Override
        public PipelineExecutor getExecutor(final Configuration configuration)
        {
            return this;
        }

        @Override
        public CompletableFuture<JobClient> execute(final Pipeline pipeline, final Configuration configuration,
            final ClassLoader userCodeClassLoader) throws Exception
        {
            final JobGraph jobGraph = PipelineExecutorUtils.getJobGraph(pipeline, configuration, userCodeClassLoader);
            return miniCluster.submitJob(jobGraph).thenApply(submission -> new MiniClusterJobClient(
                submission.getJobID(), miniCluster, userCodeClassLoader, MiniClusterJobClient.JobFinalizationBehavior.NOTHING));
        }
    }
}
