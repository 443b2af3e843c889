package io.ringflow.journal;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalReaderCorruptionTest
{
    private static final Trade.Codec V1 = new Trade.Codec(1);
    private static final long MARKER = 0x0BADC0FFEE15BEEFL;

    @TempDir
    Path dir;

    @Test
    void shouldRejectARecordOfAnotherSchemaVersionNamingBoth()
    {
        final long[] sequences = InputJournalTest.appendTrades(dir, 3);
        try (JournalReader<Trade> reader = new JournalReader<>(dir, new Trade.Codec(2)))
        {
            final JournalEntry<Trade> entry = reader.newEntry();
            assertThatThrownBy(() -> reader.next(entry))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("sequence " + sequences[0])
                .hasMessageContaining("schema id 42 version 1")
                .hasMessageContaining("reads schema id 42 version 2");
        }
    }

    @Test
    void shouldDetectAFlippedPayloadByteOnDisk() throws IOException
    {
        final long sequence;
        try (InputJournal journal = new InputJournal(dir))
        {
            journal.append(V1, new Trade().set(1, 1, 1), 0, 0);
            sequence = journal.append(V1, new Trade().set(MARKER, 5, 5), 0, 0);
        }
        JournalFiles.flipFirstByteOf(dir, MARKER);

        assertSecondEntryIsRefused(dir, "sequence " + sequence, "checksum mismatch");
    }

    @Test
    void shouldDetectATruncatedExcerpt()
    {
        InputJournalTest.appendTrades(dir, 1);
        final long bad;
        try (ChronicleQueue queue = ChronicleQueue.singleBuilder(dir).build();
            ExcerptAppender raw = queue.createAppender())
        {
            try (DocumentContext dc = raw.writingDocument())
            {
                dc.wire().bytes().write(new byte[]{ 0x52, 0x46, 0x4A, 0x31, 1, 0, 0, 0 });
            }
            bad = raw.lastIndexAppended();
        }
        assertSecondEntryIsRefused(dir, "record 0 of the excerpt at index " + bad, "truncated excerpt of 8 bytes");
    }

    @Test
    void shouldDetectAnExcerptCopiedFromAnotherPosition()
    {
        final Path other = dir.resolve("other");
        final Path spliced = dir.resolve("spliced");
        InputJournalTest.appendTrades(other, 1);
        final long[] sequences = InputJournalTest.appendTrades(spliced, 1);
        final byte[] excerpt;
        try (ChronicleQueue queue = ChronicleQueue.singleBuilder(other).build();
            ExcerptTailer tailer = queue.createTailer();
            DocumentContext dc = tailer.readingDocument())
        {
            excerpt = new byte[(int)dc.wire().bytes().readRemaining()];
            dc.wire().bytes().read(excerpt);
        }
        try (ChronicleQueue queue = ChronicleQueue.singleBuilder(spliced).build();
            ExcerptAppender raw = queue.createAppender())
        {
            try (DocumentContext dc = raw.writingDocument())
            {
                dc.wire().bytes().write(excerpt);
            }
        }
        assertSecondEntryIsRefused(spliced, "excerpt at index " + (sequences[0] + 1), "claims sequence " + sequences[0]);
    }

    @Test
    void shouldRejectMovingToASequenceOutOfRange()
    {
        final long[] sequences = InputJournalTest.appendTrades(dir, 5);
        try (JournalReader<Trade> reader = new JournalReader<>(dir, V1))
        {
            assertThatThrownBy(() -> reader.moveTo(sequences[4] + 1))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("no entry at sequence " + (sequences[4] + 1))
                .hasMessageContaining("5 entries from " + sequences[0] + " to " + sequences[4]);
            assertThatThrownBy(() -> reader.moveTo(sequences[0] - 1))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("no entry at sequence " + (sequences[0] - 1));
        }
    }

    /** The journal's first entry reads; the second is refused as corrupt, naming the journal and the entry. */
    private static void assertSecondEntryIsRefused(final Path journal, final String where, final String why)
    {
        try (JournalReader<Trade> reader = new JournalReader<>(journal, V1))
        {
            final JournalEntry<Trade> entry = reader.newEntry();
            assertThat(reader.next(entry)).isTrue();
            assertThatThrownBy(() -> reader.next(entry))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("corrupt journal " + journal)
                .hasMessageContaining(where)
                .hasMessageContaining(why);
        }
    }
}
