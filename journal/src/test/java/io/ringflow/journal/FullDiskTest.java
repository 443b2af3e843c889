package io.ringflow.journal;

import io.ringflow.journal.checkpoint.Checkpoint;
import io.ringflow.journal.checkpoint.CheckpointException;
import io.ringflow.journal.checkpoint.CheckpointStore;
import io.ringflow.journal.checkpoint.CheckpointWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A journal on a disk that fills up: a 2 MiB tmpfs, mostly taken by a filler file. The append that
 * finds the disk all but full fails with a JournalException that says so, before it could fault, and every
 * entry appended before it stays readable once space is freed, with no torn entry after them. Needs permission to mount a tmpfs
 * (root in a container with CAP_SYS_ADMIN, as on the development and CI machines); elsewhere it is
 * skipped, saying why.
 */
class FullDiskTest
{
    private static final Trade.Codec CODEC = new Trade.Codec(1);

    @TempDir
    Path mountPoint;
    private boolean mounted;

    @BeforeEach
    void mountSmallTmpfs() throws Exception
    {
        final Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mountPoint.toString())
            .redirectErrorStream(true).start();
        final boolean done = mount.waitFor(10, TimeUnit.SECONDS);
        final String output = new String(mount.getInputStream().readAllBytes());
        assumeThat(done && mount.exitValue() == 0).as("mounting a tmpfs needs privileges: " + output).isTrue();
        mounted = true;
    }

    @AfterEach
    void unmount() throws Exception
    {
        if (mounted)
        {
            // lazily: Chronicle releases its mappings of closed queues in the background
            new ProcessBuilder("umount", "-l", mountPoint.toString()).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldKeepThePreviousCheckpointWhenTheDiskFillsWhileWritingTheNext() throws IOException
    {
        final CheckpointStore store = new CheckpointStore(mountPoint.resolve("checkpoints"), 3);
        final CheckpointWriter first = store.begin(1);
        first.addSnapshot("stage", new byte[1_000], 0, 1_000);
        first.commit("full-disk", 10, 5);
        Files.write(mountPoint.resolve("filler"), new byte[1024 * 1024]);

        final CheckpointWriter second = store.begin(2);
        assertThatThrownBy(() -> second.addSnapshot("stage", new byte[1024 * 1024], 0, 1024 * 1024))
            .isInstanceOf(CheckpointException.class).hasMessageContaining("stage");

        final Checkpoint latest = store.latest("full-disk").orElseThrow();
        assertThat(latest.checkpointId()).isEqualTo(1);
        assertThat(latest.snapshot("stage")).hasSize(1_000);
    }

    @Test
    void shouldFailTheAppendThatFindsTheDiskFullAndLoseNothingAcknowledgedBeforeIt() throws IOException
    {
        appendUntilTheDiskIsFull(false);
    }

    /**
     * With the page toucher running 4 MiB ahead it would be the first to fault on the full disk, and a fault
     * in code not yet compiled aborts the JVM: it must leave a nearly full file system alone, so that the
     * writer's guarded append fails as it does without it.
     */
    @Test
    void shouldFailTheAppendCleanlyWithThePageToucherRunning() throws IOException
    {
        appendUntilTheDiskIsFull(true);
    }

    private void appendUntilTheDiskIsFull(final boolean touchPagesAhead) throws IOException
    {
        final Path filler = mountPoint.resolve("filler");
        Files.write(filler, new byte[1024 * 1024]);
        final Path directory = mountPoint.resolve("journal");
        final Trade trade = new Trade();
        final long[] lastAppended = {-1};
        final long[] acknowledged = {0};
        try (InputJournal journal = new InputJournal(directory))
        {
            if (touchPagesAhead)
            {
                journal.touchPagesAhead();
            }
            assertThatThrownBy(() ->
            {
                for (int i = 0; i < 10_000_000; i++)
                {
                    lastAppended[0] = journal.append(CODEC, trade.set(i, i, i), i, i);
                    acknowledged[0]++;
                }
            }).isInstanceOf(JournalException.class)
                .hasMessageContaining("journal " + directory)
                .hasMessageContaining("disk is full")
                .hasMessageContaining("entries up to sequence " + lastAppended[0] + " ");
            if (touchPagesAhead)
            {
                assertThat(journal.pageToucher().pagesTouched()).as("nothing touched on a nearly full disk").isZero();
            }
        }
        assertThat(lastAppended[0]).isNotNegative();

        // free space first: reading back pages the full disk never backed would fault as well
        Files.delete(filler);
        long read = 0;
        try (JournalReader<Trade> reader = new JournalReader<>(directory, CODEC))
        {
            // no torn entry either: the writer refuses appends while the disk is all but full
            // (DiskSpaceGuard), before one could fault half way
            final JournalEntry<Trade> entry = reader.newEntry();
            while (reader.next(entry))
            {
                assertThat(entry.record().id).as("entry %d", read).isEqualTo(read);
                assertThat(entry.sequence()).as("no entry after the failed append").isLessThanOrEqualTo(lastAppended[0]);
                read++;
            }
        }
        assertThat(read).as("every acknowledged append is intact").isPositive();
        assertThat(read).isEqualTo(acknowledged[0]);
    }

    @Test
    void shouldDropTheBatchThatFindsTheDiskFullSayHowManyEntriesAndKeepEveryEarlierBatch() throws IOException
    {
        final Path filler = mountPoint.resolve("filler");
        Files.write(filler, new byte[1024 * 1024]);
        final Path directory = mountPoint.resolve("journal");
        final Trade trade = new Trade();
        try (InputJournal journal = new InputJournal(directory))
        {
            assertThatThrownBy(() ->
            {
                for (int i = 0; i < 10_000_000; i++)
                {
                    journal.appendToBatch(CODEC, trade.set(i, i, i), i, i);
                }
            }).isInstanceOf(JournalException.class)
                .hasMessageContaining("disk is full")
                .hasMessageContaining("the batch of " + JournalRecordDescriptor.SLOTS_PER_EXCERPT +
                    " entries this append was writing was not appended (dropped whole)");
            assertThat(journal.batched()).as("nothing left to append again at close").isZero();
        }

        Files.delete(filler);
        long read = 0;
        try (JournalReader<Trade> reader = new JournalReader<>(directory, CODEC))
        {
            final JournalEntry<Trade> entry = reader.newEntry();
            while (reader.next(entry))
            {
                assertThat(entry.record().id).as("entry %d", read).isEqualTo(read);
                read++;
            }
        }
        assertThat(read).as("every batch before the failed one is intact, whole").isPositive()
            .isEqualTo(read / JournalRecordDescriptor.SLOTS_PER_EXCERPT * JournalRecordDescriptor.SLOTS_PER_EXCERPT);
    }
}
