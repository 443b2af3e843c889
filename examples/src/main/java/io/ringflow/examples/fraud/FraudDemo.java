package io.ringflow.examples.fraud;

import io.ringflow.examples.DemoOptions.UsageException;
import io.ringflow.examples.LiveView;
import io.ringflow.journal.IngestClock;
import io.ringflow.journal.InputJournal;
import io.ringflow.journal.durable.DurablePipeline;
import io.ringflow.journal.durable.FastIngress;
import io.ringflow.journal.durable.JournalMode;
import io.ringflow.journal.durable.RecoveryReport;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code ringflow demo fraud}: the card-fraud detector ({@link FraudDetector}) run durably, live.
 * <pre>
 *   main thread     generator ──► input journal (Chronicle Queue), at a fixed offered rate
 *   "fraud-feeder"  input journal ──► ring                        (DurablePipeline.run: recovers first)
 *   "fraud-detector"  validate → event time → dedup → enrich → rules ──► output journal, checkpoints
 * </pre>
 * With {@code --threads 2} (the default) the feeder thread runs the detector stage itself, between batches
 * of 32 journal entries (a stepped pipeline): two busy threads for two cores. {@code --threads 3} gives the
 * detector its own thread, idling by {@code --wait}. With {@code --journal-mode fast} the main thread
 * publishes through the pipeline's {@link FastIngress} instead of appending to the journal, and the
 * feeder thread journals each event beside processing ({@link JournalMode#FAST}): alerts still wait for
 * the journal, so the journals come out the same; a kill may lose events not yet journaled, which the
 * restarted generator sends again (it resumes after the journal's last event).
 * Operators see an event only once it is journaled (durable mode), so a {@code kill -9} at any moment
 * loses nothing: started again on the same {@code --journal-dir}, the demo recovers from the newest
 * checkpoint, replays, verifies the alerts already journaled, and the generator continues the stream
 * where the journal ends.
 * <p>
 * Latency is open-loop, from each event's intended send time at the offered rate (stamped into the
 * journal as its ingest time) to the end of its processing: the journal append, the tail and the ring hop
 * count, and so does falling behind (coordinated omission accounted for).
 */
public final class FraudDemo
{
    /**
     * A checkpoint after this many events at most, and after {@code --checkpoint-every} seconds at most. Each
     * checkpoint pauses the detector while it snapshots its state (~14 MB at 10,000 cards, ~12 ms once warm),
     * which shows in the tail latency; writing it is asynchronous. More often means less to replay after a
     * crash and more of the tail spent in pauses.
     */
    static final long CHECKPOINT_EVERY_EVENTS = 5_000_000;

    private FraudDemo()
    {
    }

    /**
     * @param args see {@link FraudOptions#usage()}.
     */
    public static void main(final String[] args)
    {
        try
        {
            final FraudRun result = run(FraudOptions.parse(args), System.out, LiveView.isTerminal());
            System.exit(result.failed() ? 1 : 0);
        }
        catch (final UsageException ex)
        {
            System.err.println(ex.getMessage());
            System.exit(2);
        }
    }

    /**
     * @param options  what to run.
     * @param out      where the live view and summary go.
     * @param terminal redraw in place rather than line by line.
     * @return the run's figures.
     */
    static FraudRun run(final FraudOptions options, final PrintStream out, final boolean terminal)
    {
        final Path dir = journalDir(options);
        final JournalTally existing = JournalTally.of(dir.resolve("input"));
        if (existing.ended())
        {
            throw new UsageException("the input journal in " + dir + " is complete (it ends with end-of-stream after " +
                existing.records() + " events): replay it with ringflow, or give a new --journal-dir");
        }
        StreamSettings.check(dir, options);
        final FraudCounters counters = new FraudCounters();
        final IngestClock clock = new IngestClock();
        final DurablePipeline<CardEvent, Alert> durable = DurablePipeline
            .builder(new FraudDetector(counters, options.waitStrategy, options.cards))
            .input(dir.resolve("input"))
            .output(dir.resolve("output"))
            .checkpoints(dir.resolve("checkpoints"), 3)
            .checkpointEvery(CHECKPOINT_EVERY_EVENTS, TimeUnit.SECONDS.toMillis(options.checkpointEverySeconds))
            .tailIdle(new YieldingIdleStrategy())   // the feeder yields, not parks: a park costs ~100 µs of latency
            .latencyFrom(clock)
            .callback(counters)
            // two threads (the default) fit this project's two cores: the feeder steps the detector itself
            .stepped(2 == options.threads)
            .mode(options.journalMode)
            .build();
        out.printf("journals in %s (input, output, checkpoints)%s%n", dir,
            existing.records() > 0 ? "; resuming after " + String.format("%,d", existing.records()) + " journaled events" : "");

        final AtomicReference<Object> outcome = new AtomicReference<>();
        final Thread feeder = new Thread(() ->
        {
            try
            {
                outcome.set(durable.run());
            }
            catch (final RuntimeException | Error ex)
            {
                outcome.set(ex);
            }
        }, "fraud-feeder");
        final FraudGenerator generator = new FraudGenerator(options.seed, options.cards);
        final CardEvent event = new CardEvent();
        generator.skip(existing.records(), event);
        final Histogram latency;
        final long sent;
        final double seconds;
        final LiveView view = new LiveView(out, terminal);
        if (JournalMode.FAST == options.journalMode)
        {
            feeder.start();
            final FastIngress<CardEvent> ingress = awaitIngress(durable, outcome);
            if (null == ingress)
            {
                join(feeder);
                return failed(dir, out, outcome, 0, new Histogram(3), counters, generator);
            }
            final FraudLoop loop = new FraudLoop(options, generator, new EventOutlet.Fast(ingress, clock), clock, counters,
                durable, outcome, view);
            loop.run();
            latency = loop.latency();
            sent = loop.sent();
            seconds = loop.seconds();
            ingress.endOfStream();   // CLOSED, and harmless, if the pipeline failed
        }
        else
        {
            try (InputJournal journal = new InputJournal(dir.resolve("input")))
            {
                journal.pretouch();
                journal.touchPagesAhead();   // a fresh page of the mapped journal can stall an append ~18 ms on ext4
                feeder.start();
                final FraudLoop loop = new FraudLoop(options, generator, new EventOutlet.Journal(journal), clock, counters,
                    durable, outcome, view);
                loop.run();
                latency = loop.latency();
                sent = loop.sent();
                seconds = loop.seconds();
                if (null == outcome.get())
                {
                    journal.appendEndOfStream(clock.epochNanos());
                }
                else
                {
                    durable.stop();
                }
            }
        }
        join(feeder);
        final Object result = outcome.get();
        if (!(result instanceof RecoveryReport))
        {
            return failed(dir, out, outcome, sent, latency, counters, generator);
        }
        final AlertTally tally = new AlertTally(dir.resolve("output"), generator.completedScenarioCards(),
            generator.scenarioCards());
        final FraudRun run = new FraudRun(dir, (RecoveryReport)result, tally, sent, latency, counters, generator, null);
        out.print(FraudSummary.render(run, options, seconds, existing.records()));
        return run;
    }

    private static FraudRun failed(
        final Path dir, final PrintStream out, final AtomicReference<Object> outcome, final long sent,
        final Histogram latency, final FraudCounters counters, final FraudGenerator generator)
    {
        final Throwable failure = (Throwable)outcome.get();
        out.println("the detector failed: " + failure);
        return new FraudRun(dir, null, null, sent, latency, counters, generator, failure);
    }

    /** Fast mode: the ingress once recovery is done, or null if the run ended first (its outcome says why). */
    private static FastIngress<CardEvent> awaitIngress(
        final DurablePipeline<CardEvent, Alert> durable, final AtomicReference<Object> outcome)
    {
        try
        {
            return durable.fastIngress(10, TimeUnit.MINUTES);
        }
        catch (final IllegalStateException ex)
        {
            outcome.compareAndSet(null, ex);
            return null;
        }
        catch (final TimeoutException ex)
        {
            throw new IllegalStateException("recovery took more than 10 minutes", ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the detector recovered", ex);
        }
    }

    private static Path journalDir(final FraudOptions options)
    {
        try
        {
            return null != options.journalDir ? options.journalDir : Files.createTempDirectory("ringflow-fraud");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create a journal directory: " + ex.getMessage(), ex);
        }
    }

    private static void join(final Thread thread)
    {
        try
        {
            thread.join();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the detector drained", ex);
        }
    }
}
