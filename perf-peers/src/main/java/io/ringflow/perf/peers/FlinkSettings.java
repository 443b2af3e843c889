package io.ringflow.perf.peers;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;

import java.time.Duration;

/**
 * How the Flink jobs are configured: parallelism 1, operator chaining on (Flink's default, never switched
 * off here), Flink's default 200 ms periodic watermarks, generic types off (every record must go through
 * Flink's POJO serializer: a fall-back to Kryo fails the job rather than slowing it silently), plus the two
 * settings the measurement reports:
 * <ul>
 * <li>{@link #bufferTimeoutMs}: how long a network buffer on a {@code keyBy} edge waits to fill before it is
 *     flushed (Flink's default 100 ms). It bounds latency and does not cost throughput at these rates, where
 *     buffers fill in microseconds; only Q5 and Q7 have such edges.</li>
 * <li>{@link #objectReuse}: let chained operators pass records without a defensive copy (Flink's default is
 *     off; on is the usual throughput setting, and the kinder one to Flink).</li>
 * </ul>
 * Threading: immutable.
 *
 * @param bufferTimeoutMs network buffer timeout, ms.
 * @param objectReuse     whether chained operators may pass records on without copying them.
 */
public record FlinkSettings(long bufferTimeoutMs, boolean objectReuse)
{
    /** Flink's default buffer timeout, ms. */
    public static final long DEFAULT_BUFFER_TIMEOUT_MS = 100;
    /** The measurement's defaults: Flink's buffer timeout, object reuse on. */
    public static final FlinkSettings DEFAULTS = new FlinkSettings(DEFAULT_BUFFER_TIMEOUT_MS, true);

    /** @return the job configuration. */
    Configuration configuration()
    {
        final Configuration configuration = new Configuration();
        configuration.set(CoreOptions.DEFAULT_PARALLELISM, 1);
        configuration.set(ExecutionOptions.BUFFER_TIMEOUT, Duration.ofMillis(bufferTimeoutMs));
        configuration.set(PipelineOptions.OBJECT_REUSE, objectReuse);
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        return configuration;
    }

    @Override
    public String toString()
    {
        return "parallelism 1, chaining on, buffer timeout " + bufferTimeoutMs + " ms, object reuse " +
            (objectReuse ? "on" : "off") + ", periodic watermarks every 200 ms, generic types off";
    }
}
