package io.ringflow.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RawJournalReaderTest
{
    private static final Trade.Codec V1 = new Trade.Codec(1);
    private static final long MARKER = 0x0BADC0FFEE15BEEFL;

    @TempDir
    Path dir;

    @Test
    void shouldReadAnInputJournalsHeadersAndPayloadsWithoutACodec()
    {
        final long[] sequences = new long[3];
        try (InputJournal journal = new InputJournal(dir))
        {
            sequences[0] = journal.append(V1, new Trade().set(7, 70, 3), 100, 1_000);
            sequences[1] = journal.appendWatermark(90, 1_001);
            sequences[2] = journal.appendEndOfStream(1_002);
        }

        try (RawJournalReader reader = new RawJournalReader(dir))
        {
            assertThat(reader.kind()).isEqualTo(JournalKind.INPUT);
            assertThat(reader.count()).isEqualTo(3);
            final RawJournalEntry entry = new RawJournalEntry();

            assertThat(reader.next(entry)).isTrue();
            assertThat(entry.index()).isEqualTo(sequences[0]);
            assertThat(entry.isRecord()).isTrue();
            assertThat(entry.schemaId()).isEqualTo(Trade.Codec.SCHEMA_ID);
            assertThat(entry.schemaVersion()).isEqualTo(1);
            assertThat(entry.ingestTimeNs()).isEqualTo(1_000);
            assertThat(entry.timestamp()).isEqualTo(100);
            assertThat(entry.inputSequence()).isEqualTo(-1);
            assertThat(entry.payloadLength()).isEqualTo(Trade.Codec.LENGTH);
            assertThat(entry.buffer().getLong(entry.payloadOffset(), java.nio.ByteOrder.LITTLE_ENDIAN)).isEqualTo(7);
            final Trade trade = new Trade();
            reader.decode(V1, trade);
            assertThat(trade).isEqualTo(new Trade().set(7, 70, 3));

            assertThat(reader.next(entry)).isTrue();
            assertThat(entry.type()).isEqualTo(JournalRecordDescriptor.TYPE_WATERMARK);
            assertThat(entry.timestamp()).isEqualTo(90);
            assertThat(entry.payloadLength()).isZero();
            assertThat(reader.next(entry)).isTrue();
            assertThat(entry.type()).isEqualTo(JournalRecordDescriptor.TYPE_END_OF_STREAM);
            assertThat(reader.next(entry)).isFalse();
        }
    }

    @Test
    void shouldReadAnOutputJournalWithItsIdempotencyKeys()
    {
        final long position;
        try (OutputJournal journal = new OutputJournal(dir))
        {
            position = journal.append(V1, new Trade().set(1, 2, 3), 55, 1234, 2);
        }

        try (RawJournalReader reader = new RawJournalReader(dir))
        {
            assertThat(reader.kind()).isEqualTo(JournalKind.OUTPUT);
            final RawJournalEntry entry = new RawJournalEntry();
            assertThat(reader.next(entry)).isTrue();
            assertThat(entry.kind()).isEqualTo(JournalKind.OUTPUT);
            assertThat(entry.index()).isEqualTo(position);
            assertThat(entry.isRecord()).isTrue();
            assertThat(entry.timestamp()).isEqualTo(55);
            assertThat(entry.inputSequence()).isEqualTo(1234);
            assertThat(entry.ordinal()).isEqualTo(2);
            assertThat(entry.ingestTimeNs()).isZero();
        }
    }

    @Test
    void shouldRefuseToDecodeAnotherSchemaVersion()
    {
        InputJournalTest.appendTrades(dir, 1);
        try (RawJournalReader reader = new RawJournalReader(dir))
        {
            final RawJournalEntry entry = new RawJournalEntry();
            assertThat(reader.next(entry)).isTrue();
            assertThatThrownBy(() -> reader.decode(new Trade.Codec(2), new Trade()))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("schema id 42 version 1")
                .hasMessageContaining("reads schema id 42 version 2");
        }
    }

    @Test
    void shouldDetectACorruptPayloadWithoutACodec() throws IOException
    {
        try (InputJournal journal = new InputJournal(dir))
        {
            journal.append(V1, new Trade().set(MARKER, 5, 5), 0, 0);
        }
        JournalFiles.flipFirstByteOf(dir, MARKER);

        assertThatThrownBy(() -> new RawJournalReader(dir).close())
            .isInstanceOf(JournalException.class)
            .hasMessageContaining("checksum mismatch");
    }

    @Test
    void shouldRefuseADirectoryWithoutQueueFilesAndWriteNothingThere() throws IOException
    {
        Files.writeString(dir.resolve("notes.txt"), "not a journal");

        assertThatThrownBy(() -> new RawJournalReader(dir))
            .isInstanceOf(JournalException.class)
            .hasMessageContaining("holds no Chronicle Queue files");
        assertThatThrownBy(() -> new RawJournalReader(dir.resolve("missing")))
            .isInstanceOf(JournalException.class)
            .hasMessageContaining("no such directory");
        try (var files = Files.list(dir))
        {
            assertThat(files).containsExactly(dir.resolve("notes.txt"));
        }
    }

    @Test
    void shouldPositionAtTheLastEntriesAndFollowNewOnes()
    {
        final long[] sequences = InputJournalTest.appendTrades(dir, 5);
        try (RawJournalReader reader = new RawJournalReader(dir))
        {
            assertThat(indexesAfterToLast(reader, 2)).containsExactly(sequences[3], sequences[4]);
            assertThat(indexesAfterToLast(reader, 9)).hasSize(5);
            assertThat(indexesAfterToLast(reader, 0)).isEmpty();

            try (InputJournal journal = new InputJournal(dir))
            {
                final long next = journal.appendEndOfStream(0);
                final RawJournalEntry entry = new RawJournalEntry();
                assertThat(reader.next(entry)).isTrue();
                assertThat(entry.index()).isEqualTo(next);
            }
        }
    }

    @Test
    void shouldLearnTheKindOfAJournalThatWasEmptyWhenOpened()
    {
        try (OutputJournal journal = new OutputJournal(dir))
        {
            journal.pretouch();
            try (RawJournalReader reader = new RawJournalReader(dir))
            {
                assertThat(reader.kind()).isNull();
                final RawJournalEntry entry = new RawJournalEntry();
                assertThat(reader.next(entry)).isFalse();
                journal.append(V1, new Trade().set(1, 2, 3), 4, 5, 0);
                assertThat(reader.next(entry)).isTrue();
                assertThat(reader.kind()).isEqualTo(JournalKind.OUTPUT);
            }
        }
    }

    private static List<Long> indexesAfterToLast(final RawJournalReader reader, final long entries)
    {
        reader.toLast(entries);
        final List<Long> indexes = new ArrayList<>();
        final RawJournalEntry entry = new RawJournalEntry();
        while (reader.next(entry))
        {
            indexes.add(entry.index());
        }
        return indexes;
    }
}
