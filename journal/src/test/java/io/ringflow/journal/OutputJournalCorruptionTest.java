package io.ringflow.journal;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutputJournalCorruptionTest
{
    private static final Trade.Codec V1 = new Trade.Codec(1);
    private static final long MARKER = 0x0BADC0FFEE15BEEFL;

    @TempDir
    Path dir;

    @Test
    void shouldDetectAFlippedPayloadByteOnDiskNamingThePosition() throws IOException
    {
        final long position;
        try (OutputJournal journal = new OutputJournal(dir))
        {
            journal.append(V1, new Trade().set(1, 1, 1), 0, 0, 0);
            position = journal.append(V1, new Trade().set(MARKER, 5, 5), 0, 0, 1);
        }
        JournalFiles.flipFirstByteOf(dir, MARKER);

        try (OutputJournalReader<Trade> reader = new OutputJournalReader<>(dir, V1))
        {
            final OutputJournalEntry<Trade> entry = reader.newEntry();
            assertThat(reader.next(entry)).isTrue();
            assertThatThrownBy(() -> reader.next(entry))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("corrupt output journal " + dir)
                .hasMessageContaining("position " + position)
                .hasMessageContaining("checksum mismatch");
        }
    }

    @Test
    void shouldRefuseASinkWhosePendingEntryIsCorrupt() throws IOException
    {
        final long position;
        try (OutputJournal journal = new OutputJournal(dir))
        {
            position = journal.append(V1, new Trade().set(MARKER, 5, 5), 0, 0, 0);
        }
        JournalFiles.flipFirstByteOf(dir, MARKER);

        assertThatThrownBy(() -> new OutputJournalSink<>(dir, V1, OutputJournalReader.NO_POSITION))
            .isInstanceOf(JournalException.class)
            .hasMessageContaining("corrupt output journal " + dir)
            .hasMessageContaining("position " + position);
    }

    @Test
    void shouldRejectAnOutputOfAnotherSchemaVersionNamingBoth()
    {
        final long[] positions = OutputJournalTest.appendOutputs(dir, 3);
        try (OutputJournalReader<Trade> reader = new OutputJournalReader<>(dir, new Trade.Codec(2)))
        {
            final OutputJournalEntry<Trade> entry = reader.newEntry();
            assertThatThrownBy(() -> reader.next(entry))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("output journal " + dir)
                .hasMessageContaining("position " + positions[0])
                .hasMessageContaining("schema id 42 version 1")
                .hasMessageContaining("reads schema id 42 version 2");
        }
    }

    @Test
    void shouldSayAnInputJournalIsNotAnOutputJournal()
    {
        final long[] sequences = InputJournalTest.appendTrades(dir, 1);
        try (OutputJournalReader<Trade> reader = new OutputJournalReader<>(dir, V1))
        {
            final OutputJournalEntry<Trade> entry = reader.newEntry();
            assertThatThrownBy(() -> reader.next(entry))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("journal " + dir)
                .hasMessageContaining("index " + sequences[0])
                .hasMessageContaining("this is an input journal, not an output journal")
                .hasMessageContaining("read it with JournalReader");
        }
    }

    @Test
    void shouldSayAnOutputJournalIsNotAnInputJournal()
    {
        final long[] positions = OutputJournalTest.appendOutputs(dir, 1);
        try (JournalReader<Trade> reader = new JournalReader<>(dir, V1))
        {
            final JournalEntry<Trade> entry = reader.newEntry();
            assertThatThrownBy(() -> reader.next(entry))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("journal " + dir)
                .hasMessageContaining("index " + positions[0])
                .hasMessageContaining("this is an output journal, not an input journal")
                .hasMessageContaining("read it with OutputJournalReader");
        }
    }

    @Test
    void shouldRefuseAnOutputJournalOfFormatVersion1ByName()
    {
        try (ChronicleQueue queue = ChronicleQueue.singleBuilder(dir).build();
            ExcerptAppender raw = queue.createAppender();
            DocumentContext dc = raw.writingDocument())
        {
            // an output without payload as version 1 wrote it: its position the excerpt's index, checksum intact
            final UnsafeBuffer record = new UnsafeBuffer(new byte[OutputRecordDescriptor.HEADER_LENGTH + Integer.BYTES]);
            record.putInt(OutputRecordDescriptor.MAGIC_OFFSET, OutputRecordDescriptor.MAGIC, ByteOrder.LITTLE_ENDIAN);
            record.putInt(OutputRecordDescriptor.FORMAT_VERSION_OFFSET, 1, ByteOrder.LITTLE_ENDIAN);
            record.putLong(OutputRecordDescriptor.POSITION_OFFSET, dc.index(), ByteOrder.LITTLE_ENDIAN);
            final CRC32C crc = new CRC32C();
            crc.update(record.byteArray(), 0, OutputRecordDescriptor.HEADER_LENGTH);
            record.putInt(OutputRecordDescriptor.HEADER_LENGTH, (int)crc.getValue(), ByteOrder.LITTLE_ENDIAN);
            dc.wire().bytes().write(record.byteArray());
        }
        try (OutputJournalReader<Trade> reader = new OutputJournalReader<>(dir, V1))
        {
            assertThatThrownBy(() -> reader.next(reader.newEntry()))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("corrupt output journal " + dir)
                .hasMessageContaining("record format version 1; this build reads versions 2..2")
                .hasMessageContaining("an older Ringflow wrote it");
        }
    }
}
