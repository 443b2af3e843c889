package io.ringflow.journal.durable;

import io.ringflow.operators.window.WindowResult;
import io.ringflow.pipeline.PublishResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The fast-mode crash test's child: a producer that publishes the seeded payments through a
 * {@link FastIngress}, in batches (64 an excerpt, committed before each pause, so a kill can land inside
 * a batch), at a few tens of thousands a second so that a kill lands mid-stream, and resumes
 * after the last payment the input journal holds — the fast mode's contract with a producer, which
 * re-sends what the crash did not journal. Prints {@code PUBLISHING} once recovered, {@code DONE} and the run's report at the end of the stream.
 */
public final class FastCrashChild
{
    private FastCrashChild()
    {
    }

    /** @param args input, output and checkpoint directories, and the number of payments in the stream. */
    public static void main(final String[] args) throws Exception
    {
        final Path input = Path.of(args[0]);
        final int total = Integer.parseInt(args[3]);
        final int journaled = Files.isDirectory(input) ? FastModeTest.journaledPayments(input, new ArrayList<>()).size() : 0;
        final List<Payment> payments = FastModeTest.payments(total);
        final DurablePipeline<Payment, WindowResult> pipeline = FastModeTest.fast(input, Path.of(args[1]), Path.of(args[2]), false);
        final CompletableFuture<RecoveryReport> running = CompletableFuture.supplyAsync(pipeline::run);
        final FastIngress<Payment> ingress = pipeline.fastIngress(60, TimeUnit.SECONDS);
        System.out.println("PUBLISHING from payment " + journaled);
        System.out.flush();
        for (int i = journaled; i < total; i++)
        {
            if (PublishResult.OK != ingress.publishToBatch(payments.get(i), payments.get(i).timeMs))
            {
                throw new IllegalStateException("payment " + i + " refused: " + running.get().describe());
            }
            if (i % 100 == 99)
            {
                ingress.commitBatch();   // the natural-batching idiom: commit before going idle
                Thread.sleep(1);
            }
        }
        ingress.endOfStream();
        System.out.println("DONE " + running.get(60, TimeUnit.SECONDS).describe());
    }
}
