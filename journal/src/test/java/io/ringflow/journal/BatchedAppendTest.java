package io.ringflow.journal;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import io.ringflow.operators.record.RecordCodec;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

import static io.ringflow.journal.JournalRecordDescriptor.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Several records in one excerpt: {@link InputJournal#appendToBatch}, and every way of reading them back.
 */
class BatchedAppendTest
{
    private static final Trade.Codec CODEC = new Trade.Codec(1);

    @TempDir
    Path dir;

    @Test
    void shouldReadBackEveryBatchedRecordInOrderWithGrowingSequences()
    {
        final int n = 2 * SLOTS_PER_EXCERPT + 22;
        final long committed;
        try (InputJournal journal = new InputJournal(dir))
        {
            final Trade trade = new Trade();
            for (int i = 0; i < n; i++)
            {
                journal.appendToBatch(CODEC, trade.set(i, i * 10L, i), 1_000 + i, 2_000 + i);
            }
            assertThat(journal.batched()).as("two full batches were appended on their own").isEqualTo(22);
            committed = journal.commitBatch();
            assertThat(journal.batched()).isZero();
            assertThat(journal.lastSequence()).isEqualTo(committed);
        }
        assertThat(excerpts(dir)).isEqualTo(3);
        final List<Long> sequences = readAll(dir, n);
        assertThat(sequences).hasSize(n).isSorted().doesNotHaveDuplicates();
        assertThat(sequences.get(n - 1)).isEqualTo(committed);
        try (JournalReader<Trade> reader = new JournalReader<>(dir, CODEC))
        {
            assertThat(reader.count()).isEqualTo(n);
            assertThat(reader.firstSequence()).isEqualTo(sequences.get(0));
            assertThat(reader.lastSequence()).isEqualTo(committed);
        }
    }

    @Test
    void shouldShowBatchedRecordsToReadersOnlyOnceCommitted()
    {
        try (InputJournal journal = new InputJournal(dir))
        {
            journal.appendToBatch(CODEC, new Trade().set(1, 1, 1), 1, 1);   // a file for the reader to open
            journal.commitBatch();
            try (JournalReader<Trade> reader = new JournalReader<>(dir, CODEC))
            {
                final JournalEntry<Trade> entry = reader.newEntry();
                assertThat(reader.next(entry)).isTrue();
                for (int i = 2; i <= 5; i++)
                {
                    journal.appendToBatch(CODEC, new Trade().set(i, i, i), i, i);
                }
                assertThat(reader.next(entry)).as("batched, not committed").isFalse();
                journal.commitBatch();
                for (int i = 2; i <= 5; i++)
                {
                    assertThat(reader.next(entry)).isTrue();
                    assertThat(entry.record().id).isEqualTo(i);
                }
                assertThat(reader.next(entry)).isFalse();
            }
        }
    }

    @Test
    void shouldPutTheNextAppendInTheBatchesExcerptAndCommitOnClose()
    {
        final long record;
        final long end;
        try (InputJournal journal = new InputJournal(dir))
        {
            journal.appendToBatch(CODEC, new Trade().set(1, 1, 1), 1, 1);
            journal.appendToBatch(CODEC, new Trade().set(2, 2, 2), 2, 2);
            record = journal.append(CODEC, new Trade().set(3, 3, 3), 3, 3);
            journal.appendToBatch(CODEC, new Trade().set(4, 4, 4), 4, 4);
            end = journal.appendEndOfStream(5);
            journal.appendToBatch(CODEC, new Trade().set(6, 6, 6), 6, 6);   // committed by close()
        }
        assertThat(excerpts(dir)).isEqualTo(3);
        final List<Long> sequences = readAll(dir, 6);
        assertThat(sequences.get(2)).isEqualTo(record);
        assertThat(sequences.get(4)).isEqualTo(end);
    }

    @Test
    void shouldMoveToAndAfterEveryEntryOfEveryExcerpt()
    {
        final int n = SLOTS_PER_EXCERPT + 6;
        try (InputJournal journal = new InputJournal(dir))
        {
            for (int i = 0; i < n; i++)
            {
                journal.appendToBatch(CODEC, new Trade().set(i, i, i), i, i);
            }
        }
        final List<Long> sequences = readAll(dir, n);
        try (JournalReader<Trade> reader = new JournalReader<>(dir, CODEC))
        {
            final JournalEntry<Trade> entry = reader.newEntry();
            for (int i = 0; i < n; i++)
            {
                reader.moveTo(sequences.get(i));
                assertThat(reader.next(entry)).isTrue();
                assertThat(entry.sequence()).isEqualTo(sequences.get(i));
                assertThat(entry.record().id).isEqualTo(i);

                reader.moveAfter(sequences.get(i));
                if (i + 1 < n)
                {
                    assertThat(reader.next(entry)).as("after entry %d", i).isTrue();
                    assertThat(entry.record().id).isEqualTo(i + 1);
                }
                else
                {
                    assertThat(reader.next(entry)).isFalse();
                }
            }
            final long pastTheLastSlot = sequences.get(n - 1) + 1;
            assertThatThrownBy(() -> reader.moveTo(pastTheLastSlot))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("no entry at sequence " + pastTheLastSlot)
                .hasMessageContaining("holds " + n + " entries");
        }
    }

    @Test
    void shouldSayWhichEntriesAreTheFirstReadFromAnExcerpt()
    {
        try (InputJournal journal = new InputJournal(dir))
        {
            for (int i = 0; i < 3; i++)
            {
                journal.appendToBatch(CODEC, new Trade().set(i, i, i), i, i);
            }
            journal.commitBatch();
            journal.append(CODEC, new Trade().set(3, 3, 3), 3, 3);
        }
        final List<Long> sequences = readAll(dir, 4);
        try (JournalReader<Trade> reader = new JournalReader<>(dir, CODEC))
        {
            final JournalEntry<Trade> entry = reader.newEntry();
            final List<Boolean> fresh = new ArrayList<>();
            while (reader.next(entry))
            {
                fresh.add(reader.readFromFreshExcerpt());
            }
            assertThat(fresh).containsExactly(true, false, false, true);

            reader.moveTo(sequences.get(1));
            assertThat(reader.next(entry)).isTrue();
            assertThat(reader.readFromFreshExcerpt()).as("the first read after a move").isTrue();
            assertThat(reader.next(entry)).isTrue();
            assertThat(reader.readFromFreshExcerpt()).isFalse();

            reader.moveAfter(sequences.get(0));
            assertThat(reader.next(entry)).isTrue();
            assertThat(entry.record().id).isEqualTo(1);
            assertThat(reader.readFromFreshExcerpt()).as("the first read after moving past an entry").isTrue();
        }
    }

    @Test
    void shouldRefuseARecordCorruptedInsideABatchAndGoOnWithTheNextExcerpt() throws IOException
    {
        final long marker = 0x5EED_F00D_CAFE_BEEFL;
        try (InputJournal journal = new InputJournal(dir))
        {
            journal.appendToBatch(CODEC, new Trade().set(1, 1, 1), 1, 1);
            journal.appendToBatch(CODEC, new Trade().set(marker, 2, 2), 2, 2);
            journal.appendToBatch(CODEC, new Trade().set(3, 3, 3), 3, 3);
            journal.commitBatch();
            journal.append(CODEC, new Trade().set(4, 4, 4), 4, 4);
        }
        JournalFiles.flipFirstByteOf(dir, marker);
        try (JournalReader<Trade> reader = new JournalReader<>(dir, CODEC))
        {
            final JournalEntry<Trade> entry = reader.newEntry();
            assertThat(reader.next(entry)).isTrue();
            assertThatThrownBy(() -> reader.next(entry))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("corrupt journal " + dir)
                .hasMessageContaining("record 1 of the excerpt at index")
                .hasMessageContaining("checksum mismatch");
            assertThat(reader.next(entry)).as("the rest of the damaged excerpt is passed over").isTrue();
            assertThat(entry.record().id).isEqualTo(4);
        }
    }

    @Test
    void shouldResumeAfterACorruptEntryWithoutCheckingIt() throws IOException
    {
        final long marker = 0x5EED_F00D_CAFE_BEEFL;
        final long corrupt;
        try (InputJournal journal = new InputJournal(dir))
        {
            journal.appendToBatch(CODEC, new Trade().set(1, 1, 1), 1, 1);
            journal.appendToBatch(CODEC, new Trade().set(marker, 2, 2), 2, 2);
            journal.appendToBatch(CODEC, new Trade().set(3, 3, 3), 3, 3);
            journal.commitBatch();
            corrupt = readAll(dir, 3).get(1);
        }
        JournalFiles.flipFirstByteOf(dir, marker);   // its payload: the header, and so its length, is intact
        try (JournalReader<Trade> reader = new JournalReader<>(dir, CODEC))
        {
            reader.moveAfter(corrupt);   // what recovery does after a checkpoint at that entry: it was read then
            final JournalEntry<Trade> entry = reader.newEntry();
            assertThat(reader.next(entry)).isTrue();
            assertThat(entry.record().id).isEqualTo(3);
        }
    }

    @Test
    void shouldRefuseAPayloadLengthThatWrapsAroundInsteadOfFailingElsewhere()
    {
        try (ChronicleQueue queue = ChronicleQueue.singleBuilder(dir).build();
            ExcerptAppender raw = queue.createAppender();
            DocumentContext dc = raw.writingDocument())
        {
            final UnsafeBuffer records = new UnsafeBuffer(new byte[2 * recordLength(0)]);
            for (int slot = 0; slot < 2; slot++)
            {
                final int start = slot * recordLength(0);
                records.putInt(start + MAGIC_OFFSET, MAGIC, ByteOrder.LITTLE_ENDIAN);
                records.putInt(start + FORMAT_VERSION_OFFSET, FORMAT_VERSION, ByteOrder.LITTLE_ENDIAN);
                records.putInt(start + TYPE_OFFSET, TYPE_END_OF_STREAM, ByteOrder.LITTLE_ENDIAN);
                // slot 0 claims a payload whose record length overflows an int into a small one
                records.putInt(start + PAYLOAD_LENGTH_OFFSET, 0 == slot ? Integer.MAX_VALUE - 8 : 0, ByteOrder.LITTLE_ENDIAN);
            }
            dc.wire().bytes().write(records.byteArray());
        }
        try (JournalReader<Trade> reader = new JournalReader<>(dir, CODEC))
        {
            assertThat(reader.count()).isEqualTo(1);
            assertThat(reader.lastSequence()).isEqualTo(reader.firstSequence());
            assertThatThrownBy(() -> reader.next(reader.newEntry()))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("corrupt journal " + dir)
                .hasMessageContaining("header declares a payload of " + (Integer.MAX_VALUE - 8) + " bytes");
        }
    }

    @Test
    void shouldKeepTheRecordBeingBuiltWhenItsHeaderGrowsTheBuffer()
    {
        final OverlongCodec codec = new OverlongCodec();
        try (InputJournal journal = new InputJournal(dir))
        {
            for (int i = 1; i <= 12; i++)
            {
                journal.appendToBatch(codec, new byte[]{ (byte)i }, i, i);
            }
            journal.commitBatch();
        }
        try (JournalReader<byte[]> reader = new JournalReader<>(dir, codec))
        {
            final JournalEntry<byte[]> entry = reader.newEntry();
            for (int i = 1; i <= 12; i++)
            {
                assertThat(reader.next(entry)).isTrue();
                assertThat(entry.record()[0]).as("record %d", i).isEqualTo((byte)i);
            }
        }
    }

    /**
     * From the ninth record on, writes 3 bytes more than the maximum it declares: a codec bug the writer must
     * not turn into lost bytes. Eight 4-byte records leave the buffer room for the declared maximum of the
     * ninth but not for its header's actual length, so the header grows the buffer after the payload is in.
     */
    private static final class OverlongCodec implements RecordCodec<byte[]>
    {
        @Override
        public int schemaId()
        {
            return 8;
        }

        @Override
        public int schemaVersion()
        {
            return 1;
        }

        @Override
        public int maxEncodedLength()
        {
            return 10;
        }

        @Override
        public byte[] newInstance()
        {
            return new byte[1];
        }

        @Override
        public int encode(final byte[] value, final MutableDirectBuffer buffer, final int offset)
        {
            final int length = value[0] < 9 ? 4 : maxEncodedLength() + 3;
            for (int i = 0; i < length; i++)
            {
                buffer.putByte(offset + i, value[0]);
            }
            return length;
        }

        @Override
        public void decode(final DirectBuffer buffer, final int offset, final int length, final byte[] into)
        {
            into[0] = buffer.getByte(offset + length - 1);
        }
    }

    @Test
    void shouldRefuseAJournalOfFormatVersion1ByName()
    {
        try (ChronicleQueue queue = ChronicleQueue.singleBuilder(dir).build();
            ExcerptAppender raw = queue.createAppender();
            DocumentContext dc = raw.writingDocument())
        {
            // an end-of-stream as version 1 wrote it: its sequence the excerpt's index, checksum intact
            final UnsafeBuffer record = new UnsafeBuffer(new byte[recordLength(0)]);
            record.putInt(MAGIC_OFFSET, MAGIC, ByteOrder.LITTLE_ENDIAN);
            record.putInt(FORMAT_VERSION_OFFSET, 1, ByteOrder.LITTLE_ENDIAN);
            record.putInt(TYPE_OFFSET, TYPE_END_OF_STREAM, ByteOrder.LITTLE_ENDIAN);
            record.putLong(SEQUENCE_OFFSET, dc.index(), ByteOrder.LITTLE_ENDIAN);
            final CRC32C crc = new CRC32C();
            crc.update(record.byteArray(), 0, crcOffset(0));
            record.putInt(crcOffset(0), (int)crc.getValue(), ByteOrder.LITTLE_ENDIAN);
            dc.wire().bytes().write(record.byteArray());
        }
        try (JournalReader<Trade> reader = new JournalReader<>(dir, CODEC))
        {
            assertThatThrownBy(() -> reader.next(reader.newEntry()))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("corrupt journal " + dir)
                .hasMessageContaining("record format version 1; this build reads versions 2..2")
                .hasMessageContaining("an older Ringflow wrote it");
        }
    }

    @Test
    void shouldRefuseAnExcerptItsRollCycleCannotNumberAndKeepTheEntriesBefore()
    {
        final RollCycle small = TestRollCycles.TEST2_DAILY;   // 2^9 entries a day: a few excerpts of 64
        final long excerpts = new EntryNumbering(small, SLOT_BITS).excerptsPerCycle();
        assertThat(excerpts).isBetween(1L, 100L);
        try (InputJournal journal = new InputJournal(dir, small))
        {
            for (int i = 0; i < excerpts; i++)
            {
                journal.append(CODEC, new Trade().set(i, i, i), i, i);
            }
            assertThatThrownBy(() -> journal.append(CODEC, new Trade().set(-1, 0, 0), 0, 0))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("journal " + dir)
                .hasMessageContaining("holds " + excerpts + " excerpts, the most whose entries its sequences can number")
                .hasMessageContaining("this entry was not appended");
        }
        assertThat(readAll(dir, (int)excerpts)).as("every entry before it, with the sequence it was given").isSorted();
    }

    @Test
    void shouldTailTheLastEntriesOfABatchedJournal()
    {
        final int n = 3 * SLOTS_PER_EXCERPT + 5;
        try (InputJournal journal = new InputJournal(dir))
        {
            for (int i = 0; i < n; i++)
            {
                journal.appendToBatch(CODEC, new Trade().set(i, i, i), i, i);
            }
        }
        final List<Long> sequences = readAll(dir, n);
        for (final int last : new int[]{ 1, 5, 6, SLOTS_PER_EXCERPT + 5, n, n + 10 })
        {
            try (RawJournalReader reader = new RawJournalReader(dir))
            {
                reader.toLast(last);
                final RawJournalEntry entry = new RawJournalEntry();
                final List<Long> read = new ArrayList<>();
                while (reader.next(entry))
                {
                    read.add(entry.index());
                }
                assertThat(read).as("last %d", last).isEqualTo(sequences.subList(Math.max(0, n - last), n));
            }
        }
    }

    /** @return the sequences of all entries, checking there are {@code n} with ids 0.. in order. */
    private static List<Long> readAll(final Path dir, final int n)
    {
        final List<Long> sequences = new ArrayList<>();
        try (JournalReader<Trade> reader = new JournalReader<>(dir, CODEC))
        {
            final JournalEntry<Trade> entry = reader.newEntry();
            while (reader.next(entry))
            {
                sequences.add(entry.sequence());
            }
        }
        assertThat(sequences).hasSize(n);
        return sequences;
    }

    private static long excerpts(final Path dir)
    {
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.single(dir.toFile()).build())
        {
            return queue.entryCount();
        }
    }
}
