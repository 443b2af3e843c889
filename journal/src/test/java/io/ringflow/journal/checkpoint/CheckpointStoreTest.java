package io.ringflow.journal.checkpoint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointStoreTest
{
    static final String PIPELINE = "trades-vwap-v1";

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void shouldRoundTripACheckpointAndItsSnapshots() throws IOException
    {
        final byte[] window = bytes("window state");
        final byte[] padded = bytes("xxjoin statexx");
        final long before = System.currentTimeMillis();
        final CheckpointWriter writer = store(3).begin(7);
        writer.addSnapshot("window", window, 0, window.length);
        writer.addSnapshot("stage-2.join_state", padded, 2, padded.length - 4);
        final Checkpoint committed = writer.commit(PIPELINE, 1234, 99);
        final long after = System.currentTimeMillis();

        final Checkpoint checkpoint = store(3).latest(PIPELINE).orElseThrow();
        assertThat(checkpoint.checkpointId()).isEqualTo(7);
        assertThat(checkpoint.pipelineId()).isEqualTo(PIPELINE);
        assertThat(checkpoint.inputSequence()).isEqualTo(1234);
        assertThat(checkpoint.outputPosition()).isEqualTo(99);
        assertThat(checkpoint.createdEpochMs()).isBetween(before, after).isEqualTo(committed.createdEpochMs());
        assertThat(checkpoint.snapshotNames()).containsExactly("window", "stage-2.join_state");
        assertThat(checkpoint.snapshot("window")).isEqualTo(window);
        assertThat(checkpoint.snapshot("stage-2.join_state")).isEqualTo(bytes("join state"));
        assertThatThrownBy(() -> checkpoint.snapshot("absent"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("no snapshot 'absent'");

        assertThat(listRecursively()).containsExactlyInAnyOrder(
            "checkpoint-0000000000000000007",
            "checkpoint-0000000000000000007.manifest",
            "checkpoint-0000000000000000007/window.snap",
            "checkpoint-0000000000000000007/stage-2.join_state.snap");
        assertThat(warnings).isEmpty();
    }

    @Test
    void shouldCommitACheckpointWithoutSnapshots()
    {
        store(2).begin(1).commit(PIPELINE, 10, Checkpoint.NO_OUTPUT_POSITION);

        final Checkpoint checkpoint = store(2).latest(PIPELINE).orElseThrow();
        assertThat(checkpoint.snapshotNames()).isEmpty();
        assertThat(checkpoint.inputSequence()).isEqualTo(10);
        assertThat(checkpoint.outputPosition()).isEqualTo(Checkpoint.NO_OUTPUT_POSITION);
    }

    @Test
    void shouldKeepTheNewestRetainedCheckpointsAndDeleteTheRest() throws IOException
    {
        final CheckpointStore store = store(2);
        for (long id = 1; id <= 5; id++)
        {
            commit(store, id, "op", "state " + id);
        }

        assertThat(store.committedIds()).containsExactly(4L, 5L);
        assertThat(listRecursively()).containsExactlyInAnyOrder(
            "checkpoint-0000000000000000004",
            "checkpoint-0000000000000000004.manifest",
            "checkpoint-0000000000000000004/op.snap",
            "checkpoint-0000000000000000005",
            "checkpoint-0000000000000000005.manifest",
            "checkpoint-0000000000000000005/op.snap");
        assertThat(store.latest(PIPELINE).orElseThrow().snapshot("op")).isEqualTo(bytes("state 5"));
    }

    @Test
    void shouldRefuseCheckpointIdsThatDoNotIncrease()
    {
        final CheckpointStore store = store(2);
        commit(store, 5, "op", "five");

        for (final long id : new long[]{ 5, 4 })
        {
            assertThatThrownBy(() -> store.begin(id))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("checkpoint id " + id + " is not above 5")
                .hasMessageContaining(dir.toString());
        }
        assertThatThrownBy(() -> store.begin(-1)).isInstanceOf(IllegalArgumentException.class);

        final CheckpointWriter six = store.begin(6);
        commit(store, 7, "op", "seven");
        assertThatThrownBy(() -> six.commit(PIPELINE, 6, 6))
            .isInstanceOf(CheckpointException.class)
            .hasMessageContaining("checkpoint id 6 is not above 7");
        assertThat(store.latest(PIPELINE).orElseThrow().checkpointId()).isEqualTo(7);
    }

    @Test
    void shouldRejectInvalidOrDuplicateSnapshotNamesAndASecondCommit()
    {
        final CheckpointWriter writer = store(2).begin(1);
        final byte[] state = bytes("s");
        for (final String name : new String[]{ "", "../escape", "a/b", "tab\t", "caf\u00e9", "x".repeat(201) })
        {
            assertThatThrownBy(() -> writer.addSnapshot(name, state, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not valid")
                .hasMessageContaining("A-Z a-z 0-9 . _ -");
        }
        writer.addSnapshot("ok", state, 0, 1);
        assertThatThrownBy(() -> writer.addSnapshot("ok", state, 0, 1))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("already has a snapshot 'ok'");
        assertThatThrownBy(() -> writer.commit("", 0, 0)).isInstanceOf(IllegalArgumentException.class);

        writer.commit(PIPELINE, 0, 0);
        assertThatThrownBy(() -> writer.commit(PIPELINE, 0, 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> writer.addSnapshot("late", state, 0, 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldCallTheHooksAtTheirMomentsInOrder()
    {
        final Path snap = dir.resolve("checkpoint-0000000000000000001/op.snap");
        final Path manifest = dir.resolve("checkpoint-0000000000000000001.manifest");
        final List<String> calls = new ArrayList<>();
        final CheckpointStore.Hooks hooks = new CheckpointStore.Hooks()
        {
            @Override
            public void afterSnapshotWritten(final long checkpointId, final String name)
            {
                calls.add("afterSnapshotWritten " + checkpointId + " " + name + " final=" + Files.exists(snap) +
                    " temp=" + Files.exists(CheckpointFiles.tempFile(snap)));
            }

            @Override
            public void beforeManifestRename(final long checkpointId)
            {
                calls.add("beforeManifestRename " + checkpointId + " final=" + Files.exists(manifest) +
                    " temp=" + Files.exists(CheckpointFiles.tempFile(manifest)));
            }

            @Override
            public void afterManifestRename(final long checkpointId)
            {
                calls.add("afterManifestRename " + checkpointId + " final=" + Files.exists(manifest) +
                    " temp=" + Files.exists(CheckpointFiles.tempFile(manifest)));
            }
        };

        commit(new CheckpointStore(dir, 1, hooks, warnings::add), 1, "op", "state");

        assertThat(calls).containsExactly(
            "afterSnapshotWritten 1 op final=false temp=true",
            "beforeManifestRename 1 final=false temp=true",
            "afterManifestRename 1 final=true temp=false");
    }

    CheckpointStore store(final int retain)
    {
        return new CheckpointStore(dir, retain, CheckpointStore.Hooks.NONE, warnings::add);
    }

    static Checkpoint commit(final CheckpointStore store, final long id, final String snapshotName, final String state)
    {
        final CheckpointWriter writer = store.begin(id);
        final byte[] bytes = bytes(state);
        writer.addSnapshot(snapshotName, bytes, 0, bytes.length);
        return writer.commit(PIPELINE, id * 100, id * 10);
    }

    static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** @return every path under the store directory, relative to it, with '/' separators. */
    List<String> listRecursively() throws IOException
    {
        try (Stream<Path> paths = Files.walk(dir))
        {
            return paths
                .filter(path -> !path.equals(dir))
                .map(path -> dir.relativize(path).toString().replace('\\', '/'))
                .collect(Collectors.toList());
        }
    }
}
