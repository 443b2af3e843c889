package io.ringflow.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several producer threads journaling at once, each through its own {@link InputJournal} on the same
 * directory: Chronicle's write lock orders the appends, so every entry is whole and valid, sequences are
 * unique and increasing in journal order, and each producer's records keep their order.
 */
class SeveralWritersTest
{
    private static final Trade.Codec CODEC = new Trade.Codec(1);

    @Test
    void shouldKeepEveryAppendOfEveryThreadWholeAndInItsThreadsOrder(@TempDir final Path dir) throws Exception
    {
        final int writers = 4;
        final int perWriter = 5_000;
        final CountDownLatch start = new CountDownLatch(1);
        final ExecutorService pool = Executors.newFixedThreadPool(writers);
        final List<Future<Long>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++)
        {
            final int writer = w;
            done.add(pool.submit(() ->
            {
                final Trade trade = new Trade();
                try (InputJournal journal = new InputJournal(dir))
                {
                    start.await();
                    long last = -1;
                    for (int i = 0; i < perWriter; i++)
                    {
                        final long sequence = journal.append(CODEC, trade.set(writer, i, 1), i, i);
                        assertThat(sequence).isGreaterThan(last);
                        last = sequence;
                    }
                    return last;
                }
            }));
        }
        start.countDown();
        for (final Future<Long> writer : done)
        {
            writer.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        final long[] nextPerWriter = new long[writers];
        final Set<Long> sequences = new HashSet<>();
        long previous = -1;
        try (JournalReader<Trade> reader = new JournalReader<>(dir, CODEC))
        {
            final JournalEntry<Trade> entry = reader.newEntry();
            while (reader.next(entry))
            {
                final int writer = (int)entry.record().id;
                assertThat(entry.record().price).as("writer %d's order", writer).isEqualTo(nextPerWriter[writer]++);
                assertThat(entry.sequence()).isGreaterThan(previous);
                previous = entry.sequence();
                sequences.add(entry.sequence());
            }
        }
        assertThat(nextPerWriter).containsOnly(perWriter);
        assertThat(sequences).hasSize(writers * perWriter);
    }
}
