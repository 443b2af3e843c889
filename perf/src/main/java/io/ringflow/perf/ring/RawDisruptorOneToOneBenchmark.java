package io.ringflow.perf.ring;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
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

import java.util.concurrent.TimeUnit;

import static io.ringflow.perf.ring.OneToOneThroughput.BATCH;
import static io.ringflow.perf.ring.OneToOneThroughput.CAPACITY;

/**
 * The Disruptor wired by hand, no DSL: the floor cost of one ring hop, against which a Ringflow stage hop
 * is judged. Follows {@link OneToOneThroughput}:
 * <pre>
 *   JMH thread: spin on hasAvailableCapacity(1) / next() / get(seq).value = n / publish(seq)  (single producer)
 *        │
 *        ▼
 *   RingBuffer&lt;LongEvent&gt; (CAPACITY slots, BusySpinWaitStrategy)
 *        │
 *        ▼
 *   consumer thread: BatchEventProcessor ──► SummingHandler (sum += value) ──► processor sequence
 *        └─ the JMH thread spins on that sequence until it reaches the batch's last sequence
 * </pre>
 * The consumer busy-spins on the barrier; the producer, when the ring is full, spins on
 * {@code hasAvailableCapacity(1)} before {@code next()} (whose own back-off, {@code parkNanos(1)}, costs
 * ~50 µs a time on a server kernel and would handicap the baseline). One record per {@code next()} /
 * {@code publish()} pair, as a producer of single events would do; the consumer's sequence moves once per
 * batch it finds available. Expect {@code gc.alloc.rate.norm} ≈ 0 B/op.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
@Threads(1)
public class RawDisruptorOneToOneBenchmark
{
    private RingBuffer<LongEvent> ring;
    private SummingHandler handler;
    private BatchEventProcessor<LongEvent> processor;
    private Sequence consumed;
    private Thread consumer;
    private long published;

    @Setup(Level.Trial)
    public void setUp()
    {
        ring = RingBuffer.createSingleProducer(LongEvent::new, CAPACITY, new BusySpinWaitStrategy());
        handler = new SummingHandler();
        processor = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(), handler);
        ring.addGatingSequences(processor.getSequence());
        consumed = processor.getSequence();
        consumer = new Thread(processor, "disruptor-consumer");
        consumer.start();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void passThrough()
    {
        final RingBuffer<LongEvent> ring = this.ring;
        long value = published;
        long sequence = -1;
        for (int i = 0; i < BATCH; i++)
        {
            // spin while full, as Ringflow's producer does on BACK_PRESSURED: next() alone would park for
            // LockSupport.parkNanos(1), which is ~50 µs on a server kernel and makes the baseline the slow one
            while (!ring.hasAvailableCapacity(1))
            {
                Thread.onSpinWait();
            }
            sequence = ring.next();
            ring.get(sequence).value = value++;
            ring.publish(sequence);
        }
        published = value;
        while (consumed.get() < sequence)
        {
            Thread.onSpinWait();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException
    {
        processor.halt();
        consumer.join();
        OneToOneThroughput.verify("RawDisruptorOneToOne", published, handler.sum);
    }

    /** The consumer's work: sum the payload. Read only after the consumer thread is joined. */
    static final class SummingHandler implements EventHandler<LongEvent>
    {
        long sum;

        @Override
        public void onEvent(final LongEvent event, final long sequence, final boolean endOfBatch)
        {
            sum += event.value;
        }
    }
}
