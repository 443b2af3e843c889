package io.ringflow.journal.checkpoint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.ringflow.journal.checkpoint.CheckpointStoreTest.PIPELINE;
import static io.ringflow.journal.checkpoint.CheckpointStoreTest.bytes;
import static io.ringflow.journal.checkpoint.CheckpointStoreTest.commit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What recovery finds after corruption and crashes: the newest valid checkpoint, and loud warnings. */
class CheckpointRecoveryTest
{
    private static final String MANIFEST_1 = "checkpoint-0000000000000000001.manifest";
    private static final String MANIFEST_2 = "checkpoint-0000000000000000002.manifest";

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void shouldFallBackToThePreviousCheckpointWhenASnapshotHasAFlippedByte() throws IOException
    {
        commitTwo();
        final Path window = dir.resolve("checkpoint-0000000000000000002/window.snap");
        final byte[] bytes = Files.readAllBytes(window);
        bytes[1] ^= 0x01;
        Files.write(window, bytes);

        assertFallsBackToCheckpoint1("snapshot 'window.snap' checksum mismatch (stored 0x");
        assertThat(warnings.get(0)).contains(", computed 0x");
    }

    @Test
    void shouldFallBackWhenTheManifestIsTruncated() throws IOException
    {
        commitTwo();
        final Path manifest = dir.resolve(MANIFEST_2);
        final byte[] bytes = Files.readAllBytes(manifest);
        Files.write(manifest, Arrays.copyOf(bytes, bytes.length - 7));

        assertFallsBackToCheckpoint1("truncated or overlong manifest: its header declares " + bytes.length +
            " bytes but the file holds " + (bytes.length - 7));
    }

    @Test
    void shouldFallBackWhenAManifestByteIsFlipped() throws IOException
    {
        commitTwo();
        final Path manifest = dir.resolve(MANIFEST_2);
        final byte[] bytes = Files.readAllBytes(manifest);
        bytes[CheckpointManifestDescriptor.INPUT_SEQUENCE_OFFSET] ^= 0x10;
        Files.write(manifest, bytes);

        assertFallsBackToCheckpoint1("manifest checksum mismatch");
    }

    @Test
    void shouldFallBackWhenASnapshotFileIsMissing() throws IOException
    {
        commitTwo();
        Files.delete(dir.resolve("checkpoint-0000000000000000002/window.snap"));

        assertFallsBackToCheckpoint1("snapshot 'window.snap' is missing");
    }

    @Test
    void shouldFallBackWhenAManifestWasCopiedUnderAnotherId() throws IOException
    {
        commitTwo();
        Files.copy(dir.resolve(MANIFEST_1), dir.resolve(MANIFEST_2), StandardCopyOption.REPLACE_EXISTING);

        assertFallsBackToCheckpoint1("manifest belongs to checkpoint 1, not 2");
    }

    @Test
    void shouldReturnNothingWhenEveryCheckpointIsCorruptSoRecoveryStartsFromTheJournalStart() throws IOException
    {
        commitTwo();
        Files.write(dir.resolve(MANIFEST_2), new byte[]{ 1, 2, 3 });
        Files.delete(dir.resolve("checkpoint-0000000000000000001/window.snap"));

        assertThat(store(3).latest(PIPELINE)).isEmpty();
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains(MANIFEST_2, "truncated manifest of 3 bytes", "falling back to checkpoint 1");
        assertThat(warnings.get(1)).contains(MANIFEST_1, "snapshot 'window.snap' is missing",
            "no older checkpoint: recovery starts from the beginning of the journal");
    }

    @Test
    void shouldReturnNothingFromAnEmptyDirectory()
    {
        assertThat(store(3).latest(PIPELINE)).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void shouldRefuseCheckpointsOfAnotherPipelineNamingBothIds()
    {
        commitTwo();

        assertThatThrownBy(() -> store(3).latest("fraud-rules-v2"))
            .isInstanceOf(CheckpointException.class)
            .hasMessageContaining("pipeline '" + PIPELINE + "'")
            .hasMessageContaining("pipeline 'fraud-rules-v2'")
            .hasMessageContaining(dir.toString());
    }

    @Test
    void shouldIgnoreAnUncommittedCheckpointAndRemoveItAtTheNextCommit() throws IOException
    {
        final CheckpointStore store = store(3);
        commit(store, 1, "window", "one");
        final CheckpointWriter crashed = store.begin(2);
        crashed.addSnapshot("window", bytes("two"), 0, 3);
        crashWhile(() -> store(3, new CheckpointStore.Hooks()
        {
            @Override
            public void afterSnapshotWritten(final long checkpointId, final String name)
            {
                throw new SimulatedCrash();
            }
        }).begin(3).addSnapshot("window", bytes("three"), 0, 5));
        assertThat(dir.resolve("checkpoint-0000000000000000003/window.snap.tmp")).exists();

        assertThat(store.latest(PIPELINE).orElseThrow().checkpointId()).isEqualTo(1);
        assertThat(store.committedIds()).containsExactly(1L);
        assertThat(warnings).isEmpty();

        commit(store, 4, "window", "four");
        assertThat(dir.resolve("checkpoint-0000000000000000002")).doesNotExist();
        assertThat(dir.resolve("checkpoint-0000000000000000003")).doesNotExist();
        assertThat(store.committedIds()).containsExactly(1L, 4L);
    }

    @Test
    void shouldKeepThePreviousCheckpointWhenTheProcessDiesBeforeTheManifestRename()
    {
        commit(store(3), 1, "window", "one");
        final CheckpointStore crashing = store(3, new CheckpointStore.Hooks()
        {
            @Override
            public void beforeManifestRename(final long checkpointId)
            {
                throw new SimulatedCrash();
            }
        });
        crashWhile(() -> commit(crashing, 2, "window", "two"));
        assertThat(dir.resolve(MANIFEST_2 + ".tmp")).exists();
        assertThat(dir.resolve(MANIFEST_2)).doesNotExist();

        final Checkpoint latest = store(3).latest(PIPELINE).orElseThrow();
        assertThat(latest.checkpointId()).isEqualTo(1);
        assertThat(latest.snapshot("window")).isEqualTo(bytes("one"));
        assertThat(warnings).isEmpty();

        commit(store(3), 3, "window", "three");
        assertThat(dir.resolve(MANIFEST_2 + ".tmp")).doesNotExist();
        assertThat(dir.resolve("checkpoint-0000000000000000002")).doesNotExist();
        assertThat(store(3).committedIds()).containsExactly(1L, 3L);
    }

    @Test
    void shouldReverifyASnapshotWhenItIsRead() throws IOException
    {
        commitTwo();
        final Checkpoint latest = store(3).latest(PIPELINE).orElseThrow();
        final Path window = dir.resolve("checkpoint-0000000000000000002/window.snap");
        Files.write(window, bytes("tw0"));

        assertThatThrownBy(() -> latest.snapshot("window"))
            .isInstanceOf(CheckpointException.class)
            .hasMessageContaining(window.toString())
            .hasMessageContaining("checksum mismatch");
        Files.delete(window);
        assertThatThrownBy(() -> latest.snapshot("window"))
            .isInstanceOf(CheckpointException.class)
            .hasMessageContaining(window.toString())
            .hasMessageContaining("is missing");
    }

    private void commitTwo()
    {
        final CheckpointStore store = store(3);
        commit(store, 1, "window", "one");
        commit(store, 2, "window", "two");
    }

    private void assertFallsBackToCheckpoint1(final String why)
    {
        final Checkpoint latest = store(3).latest(PIPELINE).orElseThrow();

        assertThat(latest.checkpointId()).isEqualTo(1);
        assertThat(latest.snapshot("window")).isEqualTo(bytes("one"));
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0))
            .startsWith(dir.resolve(MANIFEST_2) + ": ")
            .contains(why)
            .endsWith("; falling back to checkpoint 1");
    }

    private CheckpointStore store(final int retain)
    {
        return store(retain, CheckpointStore.Hooks.NONE);
    }

    private CheckpointStore store(final int retain, final CheckpointStore.Hooks hooks)
    {
        return new CheckpointStore(dir, retain, hooks, warnings::add);
    }

    private static void crashWhile(final Runnable action)
    {
        assertThatThrownBy(action::run).isInstanceOf(SimulatedCrash.class);
    }

    /** Stands in for the process dying at a hook: nothing after the hook runs. */
    private static final class SimulatedCrash extends RuntimeException
    {
        private static final long serialVersionUID = 1L;
    }
}
