package io.ringflow.perf.ring;

import com.lmax.disruptor.Sequence;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.ringflow.perf.ring.OneToOneThroughput.BATCH;
import static io.ringflow.perf.ring.OneToOneThroughput.CAPACITY;

/**
 * The JDK's bounded queue between two threads, the baseline most Java pipelines start from. Follows
 * {@link OneToOneThroughput}:
 * <pre>
 *   JMH thread: pool[n &amp; mask].value = n / put(event)   (blocks while the queue is full)
 *        │
 *        ▼
 *   ArrayBlockingQueue&lt;LongEvent&gt; (CAPACITY, one ReentrantLock, two Conditions)
 *        │
 *        ▼
 *   consumer thread: take() (blocks while empty) ──► sum += value ──► consumed.set(n)
 *        └─ the JMH thread spins on consumed until it reaches the batch's last record
 * </pre>
 * <b>No per-record allocation by the benchmark:</b> a queue holds references, so the producer cycles
 * through a pool of 2 × CAPACITY pre-allocated {@link LongEvent}s by index. That is enough: when the producer
 * overwrites slot {@code n}, at most CAPACITY newer events are queued, so the consumer has already taken
 * {@code n + 1}, and the queue's lock orders its read of {@code n} before the write. What
 * {@code gc.alloc.rate.norm} still shows is the JDK's: on JDK 17, a thread that blocks in {@code put} or
 * {@code take} allocates a wait node in the lock or condition queue. Neither side spins: both park when
 * they must wait, and the wake-ups are part of what this measures.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
@Threads(1)
public class BlockingQueueOneToOneBenchmark
{
    private static final int POOL_MASK = 2 * CAPACITY - 1;

    private final LongEvent[] pool = new LongEvent[POOL_MASK + 1];
    private final LongEvent stop = new LongEvent();
    private final Sequence consumed = new Sequence();
    private ArrayBlockingQueue<LongEvent> queue;
    private Thread consumer;
    private long consumerSum;
    private long published;

    @Setup(Level.Trial)
    public void setUp()
    {
        for (int i = 0; i < pool.length; i++)
        {
            pool[i] = new LongEvent();
        }
        queue = new ArrayBlockingQueue<>(CAPACITY);
        consumer = new Thread(this::consume, "blocking-queue-consumer");
        consumer.start();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void passThrough() throws InterruptedException
    {
        final ArrayBlockingQueue<LongEvent> queue = this.queue;
        final LongEvent[] pool = this.pool;
        long value = published;
        for (int i = 0; i < BATCH; i++)
        {
            final LongEvent event = pool[(int)value & POOL_MASK];
            event.value = value++;
            queue.put(event);
        }
        published = value;
        final long last = value - 1;
        while (consumed.get() < last)
        {
            Thread.onSpinWait();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException
    {
        queue.put(stop);
        consumer.join();
        OneToOneThroughput.verify("BlockingQueueOneToOne", published, consumerSum);
    }

    private void consume()
    {
        final ArrayBlockingQueue<LongEvent> queue = this.queue;
        final Sequence consumed = this.consumed;
        long sum = 0;
        long count = -1;
        try
        {
            LongEvent event;
            while ((event = queue.take()) != stop)
            {
                sum += event.value;
                consumed.set(++count);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        consumerSum = sum;
    }
}
