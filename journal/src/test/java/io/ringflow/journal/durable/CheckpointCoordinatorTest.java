package io.ringflow.journal.durable;

import io.ringflow.journal.JournalException;
import io.ringflow.journal.checkpoint.Checkpoint;
import io.ringflow.journal.checkpoint.CheckpointException;
import io.ringflow.journal.checkpoint.CheckpointStore;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The asynchronous checkpoint writer: checkpoints handed over at the sink are committed in order on the
 * writer thread, a full queue makes the sink wait rather than skip one, a failed commit fails the next
 * barrier and {@link CheckpointCoordinator#finish()} and lets no later checkpoint commit over the gap.
 * The store's {@link CheckpointStore.Hooks} are the seam that holds or fails the writer at a known step;
 * no assertion depends on how long anything takes.
 */
class CheckpointCoordinatorTest
{
    private static final String PIPELINE = "coordinator-test-v1";
    private static final String STAGE = "stage one";
    private static final long WAIT_SECONDS = 20;

    @TempDir
    Path dir;

    private final AtomicLong outputPosition = new AtomicLong();
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    @Test
    void shouldCommitEveryHandedOverCheckpointInOrderOnTheWriterThreadByFinish() throws IOException
    {
        final List<Long> renamed = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();
        final CheckpointStore store = store(10, new CheckpointStore.Hooks()
        {
            @Override
            public void afterManifestRename(final long checkpointId)
            {
                renamed.add(checkpointId);
                threads.add(Thread.currentThread().getName());
            }
        });
        final CheckpointCoordinator coordinator = new CheckpointCoordinator(store, PIPELINE, outputPosition::get);
        for (long id = 1; id <= 6; id++)
        {
            handOver(coordinator, id, "state of " + id);
        }
        coordinator.finish();

        assertThat(renamed).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(threads).allSatisfy(name -> assertThat(name).isEqualTo("checkpoint-writer-" + PIPELINE));
        assertThat(coordinator.writeFailed()).isFalse();
        assertThat(coordinator.committedCount()).isEqualTo(6);
        assertThat(coordinator.lastCommittedId()).isEqualTo(6);
        assertThat(store.committedIds()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        for (long id = 1; id <= 6; id++)
        {
            final Checkpoint checkpoint = reopened(10).latestAtOrBefore(PIPELINE, id * 10).orElseThrow();
            assertThat(checkpoint.checkpointId()).isEqualTo(id);
            assertThat(checkpoint.inputSequence()).isEqualTo(id * 10);
            assertThat(checkpoint.outputPosition()).isEqualTo(id * 100);
            assertThat(checkpoint.snapshotNames()).containsExactly(CheckpointCoordinator.snapshotName(STAGE));
            assertThat(new String(checkpoint.snapshot(CheckpointCoordinator.snapshotName(STAGE)), StandardCharsets.UTF_8))
                .isEqualTo("state of " + id);
        }
        assertThat(newestManifestOnDisk()).isEqualTo("checkpoint-0000000000000000006.manifest");
        assertThat(leftovers()).as("no temporary file or uncommitted directory").isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void shouldKeepTheNewestHandedOverCheckpointOnDiskWithRetention() throws IOException
    {
        final CheckpointStore store = store(2, CheckpointStore.Hooks.NONE);
        try (CheckpointCoordinator coordinator = new CheckpointCoordinator(store, PIPELINE, outputPosition::get))
        {
            for (long id = 1; id <= 9; id++)
            {
                handOver(coordinator, id, "state of " + id);
            }
        }

        final Checkpoint latest = reopened(2).latest(PIPELINE).orElseThrow();
        assertThat(latest.checkpointId()).as("the last checkpoint handed over").isEqualTo(9);
        assertThat(latest.inputSequence()).isEqualTo(90);
        assertThat(latest.outputPosition()).isEqualTo(900);
        assertThat(latest.snapshot(CheckpointCoordinator.snapshotName(STAGE))).asString(StandardCharsets.UTF_8)
            .isEqualTo("state of 9");
        assertThat(reopened(2).committedIds()).containsExactly(8L, 9L);
        assertThat(newestManifestOnDisk()).isEqualTo("checkpoint-0000000000000000009.manifest");
    }

    @Test
    void shouldCopyTheStateAndReadTheOutputPositionWhenHandedOverNotWhenWritten() throws Exception
    {
        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CheckpointStore store = store(3, new CheckpointStore.Hooks()
        {
            @Override
            public void afterSnapshotWritten(final long checkpointId, final String name)
            {
                if (1 == checkpointId)
                {
                    writing.countDown();
                    await(release);
                }
            }
        });
        final byte[] state = "before".getBytes(StandardCharsets.UTF_8);
        final UnsafeBuffer buffer = new UnsafeBuffer(state);
        try (CheckpointCoordinator coordinator = new CheckpointCoordinator(store, PIPELINE, outputPosition::get))
        {
            handOver(coordinator, 1, "first");
            await(writing);
            coordinator.onStageSnapshot(2, STAGE, buffer, state.length);
            buffer.putBytes(0, "AFTER!".getBytes(StandardCharsets.UTF_8));   // the stage moves on
            outputPosition.set(200);
            coordinator.onBarrierAtSink(2, 20);
            outputPosition.set(999);   // the sink moves on while checkpoint 2 waits for the writer
            release.countDown();
        }

        final Checkpoint second = reopened(3).latest(PIPELINE).orElseThrow();
        assertThat(second.checkpointId()).isEqualTo(2);
        assertThat(second.outputPosition()).as("read on the sink's thread at the barrier").isEqualTo(200);
        assertThat(second.snapshot(CheckpointCoordinator.snapshotName(STAGE))).asString(StandardCharsets.UTF_8)
            .isEqualTo("before");
    }

    @Test
    void shouldMakeTheSinkWaitForRoomWhenTheQueueIsFullAndSkipNoCheckpoint() throws Exception
    {
        final CountDownLatch writingFirst = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<Long> renamed = new CopyOnWriteArrayList<>();
        final CheckpointStore store = store(10, new CheckpointStore.Hooks()
        {
            @Override
            public void beforeManifestRename(final long checkpointId)
            {
                if (1 == checkpointId)
                {
                    writingFirst.countDown();
                    await(release);
                }
            }

            @Override
            public void afterManifestRename(final long checkpointId)
            {
                renamed.add(checkpointId);
            }
        });
        final CheckpointCoordinator coordinator = new CheckpointCoordinator(store, PIPELINE, outputPosition::get);
        handOver(coordinator, 1, "state of 1");
        await(writingFirst);   // the writer holds checkpoint 1: the queue is empty

        final AtomicInteger handedOver = new AtomicInteger();
        final AtomicReference<Throwable> sinkFailure = new AtomicReference<>();
        final Thread sink = new Thread(() ->
        {
            try
            {
                for (long id = 2; id <= 2 + CheckpointCoordinator.QUEUED; id++)
                {
                    handOver(coordinator, id, "state of " + id);
                    handedOver.incrementAndGet();
                }
            }
            catch (final Throwable ex)
            {
                sinkFailure.set(ex);
            }
        }, "test-sink");
        sink.start();

        // QUEUED checkpoints fit in the queue; the next one must wait, for as long as the writer is held
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!(handedOver.get() == CheckpointCoordinator.QUEUED && isParked(sink)))
        {
            assertThat(sink.isAlive()).as("the sink returned from a barrier while the queue was full: %s",
                sinkFailure.get()).isTrue();
            assertThat(handedOver.get()).as("barriers handed over while the writer is held")
                .isLessThanOrEqualTo(CheckpointCoordinator.QUEUED);
            assertThat(System.nanoTime()).as("the sink never waited for room").isLessThan(deadline);
            Thread.sleep(1);
        }
        assertThat(renamed).as("nothing is committed while the writer is held").isEmpty();
        assertThat(store.committedIds()).isEmpty();

        release.countDown();
        sink.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        assertThat(sink.isAlive()).as("the sink is released once the writer takes a checkpoint").isFalse();
        assertThat(sinkFailure.get()).isNull();
        assertThat(handedOver.get()).isEqualTo(CheckpointCoordinator.QUEUED + 1);
        coordinator.finish();

        final long last = 2 + CheckpointCoordinator.QUEUED;
        assertThat(renamed).as("every checkpoint, in order: back-pressure never skips one")
            .containsExactly(1L, 2L, 3L, last);
        assertThat(coordinator.committedCount()).isEqualTo(last);
        assertThat(coordinator.lastCommittedId()).isEqualTo(last);
        assertThat(newestManifestOnDisk()).isEqualTo("checkpoint-000000000000000000" + last + ".manifest");
    }

    @Test
    void shouldNotCommitACheckpointQueuedBehindOneThatFailedAndFailTheNextBarrierAndFinish() throws Exception
    {
        final CountDownLatch writingSecond = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<Long> begun = new CopyOnWriteArrayList<>();
        final CheckpointStore store = store(10, new CheckpointStore.Hooks()
        {
            @Override
            public void afterSnapshotWritten(final long checkpointId, final String name)
            {
                begun.add(checkpointId);
            }

            @Override
            public void beforeManifestRename(final long checkpointId)
            {
                if (2 == checkpointId)
                {
                    writingSecond.countDown();
                    await(release);
                    throw new CheckpointException("injected: cannot rename the manifest of checkpoint 2");
                }
            }
        });
        final CheckpointCoordinator coordinator = new CheckpointCoordinator(store, PIPELINE, outputPosition::get);
        handOver(coordinator, 1, "state of 1");
        handOver(coordinator, 2, "state of 2");
        await(writingSecond);
        handOver(coordinator, 3, "state of 3");   // queued behind the checkpoint that is about to fail
        assertThat(coordinator.writeFailed()).isFalse();
        release.countDown();

        assertThatThrownBy(coordinator::finish)
            .isInstanceOf(JournalException.class)
            .hasMessageContaining("pipeline '" + PIPELINE + "'")
            .hasMessageContaining("a checkpoint failed to commit")
            .hasMessageContaining("id=1")
            .hasMessageContaining("injected: cannot rename the manifest of checkpoint 2")
            .cause().isInstanceOf(CheckpointException.class);
        assertThat(coordinator.writeFailed()).isTrue();
        assertThat(begun).as("checkpoint 3 is never started over the gap").containsExactly(1L, 2L);
        assertThat(store.committedIds()).containsExactly(1L);
        assertThat(coordinator.lastCommittedId()).isEqualTo(1);
        assertThat(coordinator.committedCount()).isEqualTo(1);
        assertThat(reopened(10).latest(PIPELINE).orElseThrow().checkpointId()).isEqualTo(1);
        assertThatThrownBy(() -> coordinator.onBarrierAtSink(4, 40))
            .as("a later barrier fails the pipeline").isInstanceOf(JournalException.class)
            .hasMessageContaining("a checkpoint failed to commit");
        assertThatThrownBy(coordinator::finish).as("finish keeps reporting the failure")
            .isInstanceOf(JournalException.class).hasMessageContaining("injected");
        coordinator.close();   // quiet: finish() reported it (a try-with-resources must not suppress it into itself)
        assertThat(store.committedIds()).containsExactly(1L);
    }

    @Test
    void shouldFailOnAFullDiskNamingTheFileAndKeepThePreviousCheckpoint(@TempDir final Path mountPoint) throws Exception
    {
        final Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mountPoint.toString())
            .redirectErrorStream(true).start();
        final boolean done = mount.waitFor(10, TimeUnit.SECONDS);
        final String output = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeThat(done && mount.exitValue() == 0).as("mounting a tmpfs needs privileges: " + output).isTrue();
        try
        {
            final Path checkpoints = mountPoint.resolve("checkpoints");
            final CheckpointStore store = new CheckpointStore(checkpoints, 3, CheckpointStore.Hooks.NONE, warnings::add);
            final CheckpointCoordinator coordinator = new CheckpointCoordinator(store, PIPELINE, outputPosition::get);
            handOver(coordinator, 1, "small state");
            awaitCommitted(coordinator, 1);
            final Path filler = mountPoint.resolve("filler");
            Files.write(filler, new byte[1024 * 1024]);

            coordinator.onStageSnapshot(2, STAGE, new UnsafeBuffer(new byte[1024 * 1024]), 1024 * 1024);
            coordinator.onBarrierAtSink(2, 20);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (!coordinator.writeFailed())
            {
                assertThat(System.nanoTime()).as("the full disk was never reported").isLessThan(deadline);
                Thread.sleep(1);
            }
            final String snapshotFile = "checkpoint-0000000000000000002/" +
                CheckpointCoordinator.snapshotName(STAGE) + ".snap";
            assertThatThrownBy(() -> coordinator.onBarrierAtSink(3, 30))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("pipeline '" + PIPELINE + "'")
                .hasMessageContaining("cannot write snapshot")
                .hasMessageContaining(snapshotFile);

            Files.delete(filler);   // space again: nothing may commit after the failure all the same
            assertThatThrownBy(coordinator::finish)
                .isInstanceOf(JournalException.class)
                .hasMessageContaining(snapshotFile)
                .hasMessageContaining("id=1");
            assertThat(store.committedIds()).containsExactly(1L);
            final Checkpoint latest = store.latest(PIPELINE).orElseThrow();
            assertThat(latest.checkpointId()).isEqualTo(1);
            assertThat(latest.snapshot(CheckpointCoordinator.snapshotName(STAGE))).asString(StandardCharsets.UTF_8)
                .isEqualTo("small state");
        }
        finally
        {
            new ProcessBuilder("umount", "-l", mountPoint.toString()).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldFinishIdempotentlyCloseSafelyAfterwardsAndRefuseLaterCheckpoints() throws IOException
    {
        final CheckpointStore store = store(10, CheckpointStore.Hooks.NONE);
        final CheckpointCoordinator coordinator = new CheckpointCoordinator(store, PIPELINE, outputPosition::get);
        handOver(coordinator, 1, "state of 1");
        handOver(coordinator, 2, "state of 2");
        coordinator.finish();
        coordinator.finish();
        coordinator.close();

        assertThat(coordinator.committedCount()).isEqualTo(2);
        assertThat(coordinator.lastCommitted().checkpointId()).isEqualTo(2);
        assertThat(coordinator.writeFailed()).isFalse();
        assertThatThrownBy(() -> handOver(coordinator, 3, "state of 3"))
            .isInstanceOf(JournalException.class)
            .hasMessageContaining("after the coordinator closed");
        assertThat(store.committedIds()).containsExactly(1L, 2L);
        assertThat(newestManifestOnDisk()).isEqualTo("checkpoint-0000000000000000002.manifest");
    }

    @Test
    void shouldFinishAtOnceWhenNoCheckpointWasHandedOver()
    {
        final CheckpointCoordinator coordinator =
            new CheckpointCoordinator(store(3, CheckpointStore.Hooks.NONE), PIPELINE, outputPosition::get);
        coordinator.finish();
        coordinator.close();

        assertThat(coordinator.committedCount()).isZero();
        assertThat(coordinator.lastCommitted()).isNull();
        assertThat(coordinator.lastCommittedId()).isEqualTo(-1);
    }

    @Test
    void shouldEscapeStageNamesIntoValidSnapshotNames()
    {
        assertThat(CheckpointCoordinator.snapshotName("windows-1.v2")).isEqualTo("windows-1.v2");
        assertThat(CheckpointCoordinator.snapshotName("stage one")).isEqualTo("stage_0020one");
        assertThat(CheckpointCoordinator.snapshotName("a_b")).as("the escape character itself is escaped")
            .isEqualTo("a_005fb");
        assertThat(CheckpointCoordinator.snapshotName("a b")).isNotEqualTo(CheckpointCoordinator.snapshotName("a_b"));
        assertThat(CheckpointCoordinator.snapshotName("été")).isEqualTo("_00e9t_00e9");
    }

    private void handOver(final CheckpointCoordinator coordinator, final long id, final String state)
    {
        final byte[] bytes = state.getBytes(StandardCharsets.UTF_8);
        coordinator.onStageSnapshot(id, STAGE, new UnsafeBuffer(bytes), bytes.length);
        outputPosition.set(id * 100);
        coordinator.onBarrierAtSink(id, id * 10);
    }

    private CheckpointStore store(final int retain, final CheckpointStore.Hooks hooks)
    {
        return new CheckpointStore(dir, retain, hooks, warnings::add);
    }

    /** A second store on the directory, read after the writer finished: what recovery would see. */
    private CheckpointStore reopened(final int retain)
    {
        return new CheckpointStore(dir, retain, CheckpointStore.Hooks.NONE, warnings::add);
    }

    private String newestManifestOnDisk() throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            return files.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".manifest"))
                .max(String::compareTo).orElse("none");
        }
    }

    /** Temporary files, and checkpoint directories without a manifest. */
    private List<String> leftovers() throws IOException
    {
        final List<String> names;
        try (Stream<Path> files = Files.walk(dir))
        {
            names = files.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).collect(Collectors.toList());
        }
        final List<String> leftovers = new ArrayList<>();
        for (final String name : names)
        {
            if (name.endsWith(".tmp") ||
                (!name.contains("/") && !name.endsWith(".manifest") && !names.contains(name + ".manifest")))
            {
                leftovers.add(name);
            }
        }
        return leftovers;
    }

    private static void awaitCommitted(final CheckpointCoordinator coordinator, final long id) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (coordinator.lastCommittedId() < id)
        {
            assertThat(coordinator.writeFailed()).isFalse();
            assertThat(System.nanoTime()).as("checkpoint %d never committed", id).isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    private static boolean isParked(final Thread thread)
    {
        final Thread.State state = thread.getState();
        return Thread.State.WAITING == state || Thread.State.TIMED_WAITING == state;
    }

    private static void await(final CountDownLatch latch)
    {
        try
        {
            if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS))
            {
                throw new AssertionError("timed out waiting for the test to go on");
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }
}
