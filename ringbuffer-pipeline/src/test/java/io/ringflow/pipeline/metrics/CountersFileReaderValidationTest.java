package io.ringflow.pipeline.metrics;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountersFileReaderValidationTest
{
    @TempDir
    Path tempDir;

    @Test
    void shouldNameTheFileWhenItIsMissing()
    {
        final Path path = tempDir.resolve("absent.dat");
        assertThatThrownBy(() -> CountersFileReader.open(path))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining(path.toString())
            .hasMessageContaining("missing");
    }

    @Test
    void shouldRejectAFileShorterThanTheHeader() throws Exception
    {
        final Path path = tempDir.resolve("short.dat");
        Files.write(path, new byte[CountersFileDescriptor.HEADER_LENGTH - 1]);
        assertThatThrownBy(() -> CountersFileReader.open(path))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining(path.toString())
            .hasMessageContaining("too short: 127 bytes");
    }

    @Test
    void shouldRejectAFileTruncatedAfterTheHeader() throws Exception
    {
        final Path path = validFile("truncated.dat");
        final byte[] bytes = Files.readAllBytes(path);
        Files.write(path, Arrays.copyOf(bytes, bytes.length - 1));
        assertThatThrownBy(() -> CountersFileReader.open(path))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining(path.toString())
            .hasMessageContaining("too short: " + (bytes.length - 1) + " bytes, its header says " + bytes.length);
    }

    @Test
    void shouldRejectABadMagic() throws Exception
    {
        final Path path = validFile("magic.dat");
        patchInt(path, CountersFileDescriptor.MAGIC_OFFSET, 0xCAFEBABE);
        assertThatThrownBy(() -> CountersFileReader.open(path))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining(path.toString())
            .hasMessageContaining("bad magic 0xcafebabe");
    }

    @Test
    void shouldRejectAnUnsupportedLayoutVersion() throws Exception
    {
        final Path path = validFile("version.dat");
        patchInt(path, CountersFileDescriptor.LAYOUT_VERSION_OFFSET, 99);
        assertThatThrownBy(() -> CountersFileReader.open(path))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining(path.toString())
            .hasMessageContaining("unsupported layout version 99");
    }

    @Test
    void shouldRejectACorruptHeader() throws Exception
    {
        final Path path = validFile("corrupt.dat");
        patchInt(path, CountersFileDescriptor.VALUES_LENGTH_OFFSET, 3);
        assertThatThrownBy(() -> CountersFileReader.open(path))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining(path.toString())
            .hasMessageContaining("corrupt header");
    }

    private Path validFile(final String name)
    {
        final Path path = tempDir.resolve(name);
        CountersFile.create(path, 4, false).close();
        return path;
    }

    private static void patchInt(final Path path, final int offset, final int value) throws Exception
    {
        final byte[] bytes = Files.readAllBytes(path);
        new UnsafeBuffer(bytes).putInt(offset, value, ByteOrder.nativeOrder());
        Files.write(path, bytes);
    }
}
