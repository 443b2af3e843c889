package io.ringflow.perf.nexmark;

import io.ringflow.perf.BlackholeOutput;
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
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * Nexmark queries, one thread, on Ringflow's fused operator chains against a hand-written baseline that
 * computes the same results with primitive arrays (the physical limit of one core):
 * <pre>
 *   NexmarkStream ──► NexmarkQuery (query × engine) ──► BlackholeOutput
 *        └─► maxTs - 4000 - 1 advanced? ──► processWatermark
 * </pre>
 * <b>Workload.</b> One pre-generated cycle of {@value #CYCLE_EVENTS} events ({@link NexmarkGenerator#standard}
 * with seed 42: 1 person, 3 auctions, 46 bids per 50 events; 10,000 events per second of event time, so a
 * cycle is 25 s; each event up to 4 s out of order), replayed with ids and time moved on each cycle
 * ({@link NexmarkStream}). The watermark is Nexmark's usual bounded out-of-orderness of 4 s; no event is
 * late. Q0 pass-through, Q1 currency conversion, Q2 selection, Q5 hot items (sliding 10 s / 2 s: a result
 * every 20,000 events), Q7 highest bid (tumbling 10 s: a result every 100,000 events), Q8 new users (a
 * tumbling 10 s window join of persons with the auctions they sell: 2,000 persons and 6,000 auctions buffered
 * per window).
 * <p>
 * Score: events per second ({@value #BATCH} per invocation), all kinds counted. At tear-down a
 * {@code [workload]} line gives events, bids, results and watermarks, and the run fails if a query emitted
 * what it should not have (Q0 not every event, Q1 not every bid, no result at all, a late record).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class NexmarkBenchmark
{
    static final int BATCH = 1024;
    /** 25 s of event time at 10,000 events/s; a multiple of 50 events, ~12 MB of columns. */
    public static final int CYCLE_EVENTS = 250_000;

    /** Which query. */
    public enum Query
    {
        /** Pass-through. */
        Q0,
        /** Currency conversion. */
        Q1,
        /** Selection. */
        Q2,
        /** Hot items. */
        Q5,
        /** Highest bid. */
        Q7,
        /** New users (window join). */
        Q8
    }

    @Param({"Q0", "Q1", "Q2", "Q5", "Q7", "Q8"})
    Query query;

    /** {@code ringflow}: operator chains; {@code handwritten}: the baseline. */
    @Param({"ringflow", "handwritten"})
    String engine;

    private final BlackholeOutput<NexmarkEvent> events = new BlackholeOutput<>();
    private final BlackholeOutput<WindowMax> windows = new BlackholeOutput<>();
    private final BlackholeOutput<NewUserAuction> newUsers = new BlackholeOutput<>();
    private NexmarkQuery subject;
    private NexmarkDriver driver;

    @Setup(Level.Trial)
    public void setUp()
    {
        final boolean ringflow;
        switch (engine)
        {
            case "ringflow" -> ringflow = true;
            case "handwritten" -> ringflow = false;
            default -> throw new IllegalArgumentException("engine must be ringflow or handwritten, was " + engine);
        }
        subject = switch (query)
        {
            case Q0 -> ringflow ? Q0PassThrough.ringflow(events) : Q0PassThrough.handwritten(events);
            case Q1 -> ringflow ? Q1CurrencyConversion.ringflow(events) : Q1CurrencyConversion.handwritten(events);
            case Q2 -> ringflow ? Q2Selection.ringflow(events) : Q2Selection.handwritten(events);
            case Q5 -> ringflow ? Q5HotItems.ringflow(windows) : Q5HotItems.handwritten(windows);
            case Q7 -> ringflow ? Q7HighestBid.ringflow(windows) : Q7HighestBid.handwritten(windows);
            case Q8 -> ringflow ? Q8NewUsers.ringflow(newUsers) : Q8NewUsers.handwritten(newUsers);
        };
        driver = new NexmarkDriver(new NexmarkStream(NexmarkGenerator.standard(42), CYCLE_EVENTS), subject);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void run(final Blackhole blackhole)
    {
        events.sinkTo(blackhole);
        windows.sinkTo(blackhole);
        newUsers.sinkTo(blackhole);
        driver.drive(BATCH);
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        final BlackholeOutput<?> output = switch (query)
        {
            case Q0, Q1, Q2 -> events;
            case Q5, Q7 -> windows;
            case Q8 -> newUsers;
        };
        System.out.printf("%n[workload] query=%s engine=%s events=%d bids=%d results=%d watermarks=%d late=%d%n",
            query, engine, driver.events(), driver.bids(), output.records(), output.watermarks(), output.sideRecords());
        subject.close();
        final boolean broken = output.records() == 0 || output.watermarks() == 0 || output.sideRecords() != 0 ||
            (query == Query.Q0 && output.records() != driver.events()) ||
            (query == Query.Q1 && output.records() != driver.bids());
        if (broken)
        {
            throw new IllegalStateException("workload is not what it claims: no result, no watermark, a late record, " +
                "or Q0/Q1 not passing every event/bid");
        }
    }
}
