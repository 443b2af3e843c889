package io.ringflow.conformance.flink;

import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.flink.api.dag.Pipeline;
import org.apache.flink.client.deployment.executors.PipelineExecutorUtils;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.PipelineExecutor;
import org.apache.flink.core.execution.PipelineExecutorFactory;
import org.apache.flink.core.execution.PipelineExecutorServiceLoader;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.minicluster.MiniClusterJobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * One Flink MiniCluster that many jobs are submitted to in turn.
 *
 * <p>{@code StreamExecutionEnvironment.getExecutionEnvironment()} in local mode starts and stops a
 * whole MiniCluster (RPC system, dispatcher, resource manager, task manager) for every job, which
 * costs seconds; the differential tests run dozens of small jobs, so they share one cluster instead.
 * This does what flink-test-utils' {@code MiniClusterPipelineExecutorServiceLoader} does, without
 * pulling in that module's dependencies (Hadoop's MiniKDC, RocksDB, JUnit 4...).
 */
final class SharedMiniCluster implements AutoCloseable {

    private static final String EXECUTOR_NAME = "ringflow-shared-minicluster";

    private final MiniCluster miniCluster;

    SharedMiniCluster() throws Exception {
        MiniClusterConfiguration configuration = new MiniClusterConfiguration.Builder()
                .setConfiguration(new Configuration())
                .setNumTaskManagers(1)
                // Jobs run one at a time at parallelism 1 and need one slot; a second slot means the
                // next job never waits for the previous one's slot to be released.
                .setNumSlotsPerTaskManager(2)
                // REST and RPC on ephemeral ports: other worktrees may run Flink tests concurrently.
                .withRandomPorts()
                .build();
        this.miniCluster = new MiniCluster(configuration);
        this.miniCluster.start();
    }

    /** A fresh environment whose jobs go to this cluster; {@code jobConfiguration} is amended. */
    StreamExecutionEnvironment environment(Configuration jobConfiguration) {
        jobConfiguration.set(DeploymentOptions.TARGET, EXECUTOR_NAME);
        jobConfiguration.set(DeploymentOptions.ATTACHED, true);
        return new StreamExecutionEnvironment(new Loader(), jobConfiguration, getClass().getClassLoader());
    }

    /** Shuts the cluster down; unchecked so that try-with-resources callers need no InterruptedException handling. */
    @Override
    public void close() {
        try {
            miniCluster.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the Flink MiniCluster", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the Flink MiniCluster", e);
        }
    }

    /** Resolves the executor name set in {@link #environment} to this cluster. */
    private final class Loader implements PipelineExecutorServiceLoader, PipelineExecutorFactory, PipelineExecutor {

        @Override
        public PipelineExecutorFactory getExecutorFactory(Configuration configuration) {
            return this;
        }

        @Override
        public Stream<String> getExecutorNames() {
            return Stream.of(EXECUTOR_NAME);
        }

        @Override
        public String getName() {
            return EXECUTOR_NAME;
        }

        @Override
        public boolean isCompatibleWith(Configuration configuration) {
            return EXECUTOR_NAME.equals(configuration.get(DeploymentOptions.TARGET));
        }

        @Override
        public PipelineExecutor getExecutor(Configuration configuration) {
            return this;
        }

        @Override
        public CompletableFuture<JobClient> execute(Pipeline pipeline, Configuration configuration,
                                                    ClassLoader userCodeClassLoader) throws Exception {
            JobGraph jobGraph = PipelineExecutorUtils.getJobGraph(pipeline, configuration, userCodeClassLoader);
            return miniCluster.submitJob(jobGraph).thenApply(submission -> new MiniClusterJobClient(
                    submission.getJobID(), miniCluster, userCodeClassLoader,
                    MiniClusterJobClient.JobFinalizationBehavior.NOTHING));
        }
    }
}
