package io.ringflow.journal;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Damages journal files on disk, for the corruption tests.
 */
final class JournalFiles
{
    private JournalFiles()
    {
    }

    /**
     * Flip the lowest bit of the first little-endian occurrence of {@code marker} in the journal's only
     * .cq4 file. Chronicle files are sparse and mostly empty: the scan finds the marker near the start.
     */
    static void flipFirstByteOf(final Path dir, final long marker) throws IOException
    {
        final List<Path> files;
        try (Stream<Path> list = Files.list(dir))
        {
            files = list.filter(p -> p.toString().endsWith(".cq4")).collect(Collectors.toList());
        }
        assertThat(files).hasSize(1);
        try (FileChannel channel = FileChannel.open(files.get(0), StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_WRITE, 0, channel.size());
            map.order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i + Long.BYTES <= map.limit(); i++)
            {
                if (map.getLong(i) == marker)
                {
                    map.put(i, (byte)(map.get(i) ^ 0x01));
                    map.force();
                    return;
                }
            }
        }
        throw new AssertionError("marker not found in " + files);
    }
}
