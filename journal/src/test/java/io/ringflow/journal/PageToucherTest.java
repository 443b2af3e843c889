package io.ringflow.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static io.ringflow.journal.PageToucher.AHEAD_BYTES;
import static io.ringflow.journal.PageToucher.PAGE_BYTES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page toucher touches only pages ahead of the writer, in batches, within the file, following the
 * writer to a new file, and changes no byte; input and output journals appending with it read back exactly.
 */
class PageToucherTest
{
    private static final Trade.Codec CODEC = new Trade.Codec(1);
    private static final long MIB = 1L << 20;

    @TempDir
    Path dir;

    @Test
    void shouldTouchOnlyWholePagesAheadOfTheWriterInBatchesWithinTheFileAndChangeNothing() throws IOException
    {
        // written data (non-zero) up to just past 1 MiB, zeros after, 8 MiB in all
        final Path file = dir.resolve("cycle.cq4");
        final long written = MIB + 10;
        final byte[] content = new byte[(int)(8 * MIB)];
        final SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < written; i++)
        {
            content[i] = (byte)(1 + random.nextInt(255));
        }
        Files.write(file, content);

        try (PageToucher toucher = new PageToucher("test"))
        {
            // from the page after the writer's to 4 MiB past the writer, rounded down to a page
            final long from = (written / PAGE_BYTES + 1) * PAGE_BYTES;
            final long to = (written + AHEAD_BYTES) / PAGE_BYTES * PAGE_BYTES;
            assertThat(toucher.touchAhead(file.toFile(), written)).isEqualTo((int)((to - from) / PAGE_BYTES));
            assertThat(toucher.touchAhead(file.toFile(), written)).as("nothing new").isZero();
            assertThat(toucher.touchAhead(file.toFile(), written + MIB / 2)).as("less than a batch ahead").isZero();
            assertThat(toucher.touchAhead(file.toFile(), written + MIB)).as("a batch: 1 MiB")
                .isEqualTo((int)(MIB / PAGE_BYTES));
            assertThat(toucher.touchAhead(file.toFile(), 5 * MIB)).as("only up to the file's end, never growing it")
                .isEqualTo((int)((8 * MIB - (written + MIB + AHEAD_BYTES) / PAGE_BYTES * PAGE_BYTES) / PAGE_BYTES));
            assertThat(file.toFile().length()).isEqualTo(8 * MIB);
            assertThat(toucher.pagesTouched()).isEqualTo((8 * MIB - from) / PAGE_BYTES);
        }
        assertThat(Arrays.equals(Files.readAllBytes(file), content)).as("not a byte changed").isTrue();
    }

    @Test
    void shouldStartOverInANewFile() throws IOException
    {
        final Path first = dir.resolve("first.cq4");
        final Path second = dir.resolve("second.cq4");
        for (final Path file : new Path[] {first, second})
        {
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
            {
                raf.setLength(16 * MIB);
            }
        }
        try (PageToucher toucher = new PageToucher("test"))
        {
            final int pagesAhead = (int)(AHEAD_BYTES / PAGE_BYTES);
            assertThat(toucher.touchAhead(first.toFile(), 10 * MIB)).isEqualTo(pagesAhead - 1);
            assertThat(toucher.touchAhead(second.toFile(), 0)).as("from the second page of the new file")
                .isEqualTo(pagesAhead - 1);
        }
    }

    @Test
    void shouldLeaveEveryAppendedEntryIntactWhileTouchingAheadOfTheWriter() throws InterruptedException
    {
        final int n = 100_000;   // ~10 MB of entries: the toucher runs several batches ahead meanwhile
        final long[] sequences = new long[n];
        final long pagesTouched;
        try (InputJournal journal = new InputJournal(dir))
        {
            journal.touchPagesAhead().touchPagesAhead();
            final Trade trade = new Trade();
            for (int i = 0; i < n; i++)
            {
                sequences[i] = journal.append(CODEC, trade.set(i, 100 + i, i % 7), 1_000L + i, 5_000L + i);
            }
            pagesTouched = awaitPages(journal.pageToucher());
        }
        assertThat(pagesTouched).as("the toucher followed the writer").isGreaterThanOrEqualTo(AHEAD_BYTES / PAGE_BYTES / 2);

        try (JournalReader<Trade> reader = new JournalReader<>(dir, CODEC))
        {
            final JournalEntry<Trade> entry = reader.newEntry();
            for (int i = 0; i < n; i++)
            {
                assertThat(reader.next(entry)).isTrue();
                assertThat(entry.sequence()).isEqualTo(sequences[i]);
                assertThat(entry.record()).isEqualTo(new Trade().set(i, 100 + i, i % 7));
            }
            assertThat(reader.next(entry)).isFalse();
        }
    }

    @Test
    void shouldLeaveEveryOutputIntactWhileTouchingAheadOfTheWriter() throws InterruptedException
    {
        final int n = 100_000;
        final long pagesTouched;
        try (OutputJournal journal = new OutputJournal(dir).touchPagesAhead())
        {
            final Trade trade = new Trade();
            for (int i = 0; i < n; i++)
            {
                journal.append(CODEC, trade.set(i, 100 + i, i % 7), 1_000L + i, 50_000L + i / 3, i % 3);
            }
            pagesTouched = awaitPages(journal.pageToucher());
        }
        assertThat(pagesTouched).as("the toucher followed the writer").isGreaterThanOrEqualTo(AHEAD_BYTES / PAGE_BYTES / 2);

        try (OutputJournalReader<Trade> reader = new OutputJournalReader<>(dir, CODEC))
        {
            final OutputJournalEntry<Trade> entry = reader.newEntry();
            for (int i = 0; i < n; i++)
            {
                assertThat(reader.next(entry)).isTrue();
                assertThat(entry.inputSequence()).isEqualTo(50_000L + i / 3);
                assertThat(entry.ordinal()).isEqualTo(i % 3);
                assertThat(entry.record()).isEqualTo(new Trade().set(i, 100 + i, i % 7));
            }
            assertThat(reader.next(entry)).isFalse();
        }
    }

    private static long awaitPages(final PageToucher toucher) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (toucher.pagesTouched() < AHEAD_BYTES / PAGE_BYTES / 2 && System.nanoTime() < deadline)
        {
            Thread.sleep(1);
        }
        assertThat(toucher.failure()).isNull();
        return toucher.pagesTouched();
    }
}
