package io.ringflow.journal;

import io.ringflow.operators.record.RecordCodec;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The reading half that every journal kind shares: a tailer that copies each excerpt once into a reused
 * buffer and checks its frame (length, magic, format version, CRC32C, the stored index against the
 * excerpt's) before the caller reads its own fields from {@link #buffer()}. A failed check throws a
 * {@link JournalException} naming the directory and the index.
 * <p>
 * A reader made without a frame ({@link #FrameReader(Path, int)}) adopts the kind of the first excerpt it
 * reads, recognised by its magic, and then holds every later excerpt to that kind: what a tool that is
 * handed some journal directory needs.
 * <p>
 * Threading: one reader thread. Chronicle binds the tailer to the first thread that uses it;
 * {@link #releaseThread()} hands it on to another.
 */
final class FrameReader implements AutoCloseable
{
    static final long NO_INDEX = -1;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final Path directory;
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final CRC32C crc = new CRC32C();
    private final UnsafeBuffer buffer;
    private RecordFrame frame;
    private long currentIndex = NO_INDEX;
    private int payloadLength;

    FrameReader(final RecordFrame frame, final Path directory, final int maxPayloadLength)
    {
        if (!Files.isDirectory(directory))
        {
            throw new JournalException("no " + frame.journalName + " at " + directory + ": not a directory");
        }
        this.frame = frame;
        this.directory = directory;
        this.buffer = new UnsafeBuffer(new byte[frame.recordLength(maxPayloadLength)]);
        this.queue = SingleChronicleQueueBuilder.single(directory.toFile()).build();
        this.tailer = queue.createTailer();
    }

    /**
     * A reader of either kind of journal: the first excerpt read decides which.
     *
     * @param directory        an existing directory; the caller checks that it holds a queue.
     * @param maxPayloadLength initial buffer size for payloads; the buffer grows for larger excerpts.
     */
    FrameReader(final Path directory, final int maxPayloadLength)
    {
        if (!Files.isDirectory(directory))
        {
            throw new JournalException("no journal at " + directory + ": not a directory");
        }
        this.directory = directory;
        this.buffer = new UnsafeBuffer(new byte[RecordFrame.INPUT.recordLength(maxPayloadLength)]);
        this.queue = SingleChronicleQueueBuilder.single(directory.toFile()).build();
        this.tailer = queue.createTailer();
    }

    /** @return the kind of journal read, or null while a kind-adopting reader has read nothing yet. */
    RecordFrame frame()
    {
        return frame;
    }

    /**
     * Read and check the next excerpt.
     *
     * @return false if there is nothing more to read yet.
     */
    boolean next()
    {
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return false;
            }
            final long excerptIndex = dc.index();
            final Bytes<?> bytes = dc.wire().bytes();
            final long length = bytes.readRemaining();
            final int minLength = null == frame ? RecordFrame.MIN_RECORD_LENGTH : frame.recordLength(0);
            if (length < minLength)
            {
                throw corrupt(excerptIndex, "truncated excerpt of " + length + " bytes; a " + journalName() +
                    " record has at least " + minLength);
            }
            if (length > buffer.capacity())
            {
                buffer.wrap(new byte[(int)Math.min(Integer.MAX_VALUE - 8, length)]);
            }
            final int readLength = (int)length;
            bytes.read(buffer.byteArray(), 0, readLength);
            payloadLength = check(excerptIndex, readLength);
            currentIndex = excerptIndex;
            return true;
        }
    }

    /** @return the index of the excerpt {@link #next()} read last. */
    long index()
    {
        return currentIndex;
    }

    /** @return its payload length; the payload starts at the frame's header length in {@link #buffer()}. */
    int payloadLength()
    {
        return payloadLength;
    }

    /** @return the excerpt {@link #next()} read last, checked. */
    UnsafeBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return true if the payload that {@link #next()} read last is exactly these bytes.
     */
    boolean payloadEquals(final byte[] bytes, final int offset, final int length)
    {
        final int start = frame.headerLength;
        return length == payloadLength &&
            Arrays.equals(buffer.byteArray(), start, start + length, bytes, offset, offset + length);
    }

    /**
     * Decode the payload that {@link #next()} read last, after checking its schema against the codec's.
     */
    <T> void decode(final RecordCodec<T> codec, final T into)
    {
        final int schemaId = buffer.getInt(frame.schemaIdOffset, ORDER);
        final int schemaVersion = buffer.getInt(frame.schemaVersionOffset, ORDER);
        if (schemaId != codec.schemaId() || schemaVersion != codec.schemaVersion())
        {
            throw new JournalException(frame.journalName + " " + directory + " at index " + currentIndex + " (0x" +
                Long.toHexString(currentIndex) + ") holds a record of schema id " + schemaId + " version " +
                schemaVersion + "; the codec given reads schema id " + codec.schemaId() + " version " +
                codec.schemaVersion() + ": refusing to decode it");
        }
        try
        {
            codec.decode(buffer, frame.headerLength, payloadLength, into);
        }
        catch (final IllegalArgumentException ex)
        {
            throw corrupt(currentIndex, "payload does not decode: " + ex.getMessage(), ex);
        }
    }

    /**
     * Position so that the next {@link #next()} reads {@code index}.
     *
     * @throws JournalException if the journal holds no entry there.
     */
    void moveTo(final long index)
    {
        if (!moveToIfPresent(index))
        {
            final long count = count();
            throw new JournalException(journalName() + " " + directory + " has no entry at " +
                (null == frame ? "index" : frame.indexName) + " " + index + " (0x" + Long.toHexString(index) +
                "): it holds " + count + " entries from " + firstIndex() + " to " + lastIndex());
        }
    }

    /**
     * Position so that the next {@link #next()} reads {@code index}, if the journal holds it.
     *
     * @return false, the position then undefined, if it does not.
     */
    boolean moveToIfPresent(final long index)
    {
        return count() > 0 && index >= queue.firstIndex() && index <= queue.lastIndex() && tailer.moveToIndex(index);
    }

    /**
     * Move past the next excerpt without reading it.
     *
     * @return false if there was none.
     */
    boolean skip()
    {
        try (DocumentContext dc = tailer.readingDocument())
        {
            // Closing a present context is what moves the tailer on.
            return dc.isPresent();
        }
    }

    void toStart()
    {
        tailer.toStart();
    }

    /** Position after the last excerpt written so far, so that {@link #next()} reads only later ones. */
    void toEnd()
    {
        tailer.toEnd();
    }

    long firstIndex()
    {
        return count() == 0 ? NO_INDEX : queue.firstIndex();
    }

    long lastIndex()
    {
        return count() == 0 ? NO_INDEX : queue.lastIndex();
    }

    long count()
    {
        return queue.entryCount();
    }

    Path directory()
    {
        return directory;
    }

    /** Let the next thread that reads own the tailer; call before handing this reader to it. */
    void releaseThread()
    {
        tailer.singleThreadedCheckReset();
    }

    JournalException corrupt(final long index, final String what)
    {
        return corrupt(index, what, null);
    }

    @Override
    public void close()
    {
        tailer.close();
        queue.close();
    }

    private int check(final long index, final int length)
    {
        final int magic = buffer.getInt(RecordFrame.MAGIC_OFFSET, ORDER);
        if (null == frame)
        {
            final RecordFrame found = RecordFrame.ofMagic(magic);
            if (null == found)
            {
                throw corrupt(index, String.format("bad magic 0x%08x '%s': not a Ringflow input or output journal record",
                    magic, RecordFrame.magicText(magic)));
            }
            frame = found;
        }
        if (magic != frame.magic)
        {
            throw wrongMagic(index, magic);
        }
        final int formatVersion = buffer.getInt(RecordFrame.FORMAT_VERSION_OFFSET, ORDER);
        if (formatVersion < 1 || formatVersion > frame.formatVersion)
        {
            throw corrupt(index, "record format version " + formatVersion + "; this build reads versions 1.." +
                frame.formatVersion);
        }
        final int payloadLength = buffer.getInt(frame.payloadLengthOffset, ORDER);
        if (payloadLength < 0 || frame.recordLength(payloadLength) != length)
        {
            throw corrupt(index, "truncated or overlong excerpt: header declares a payload of " + payloadLength +
                " bytes (record of " + frame.recordLength(payloadLength) + ") but the excerpt holds " + length +
                " bytes");
        }
        final int crcOffset = frame.crcOffset(payloadLength);
        crc.reset();
        crc.update(buffer.byteArray(), 0, crcOffset);
        final int computed = (int)crc.getValue();
        final int stored = buffer.getInt(crcOffset, ORDER);
        if (computed != stored)
        {
            throw corrupt(index, String.format("checksum mismatch: stored CRC32C 0x%08x, computed 0x%08x", stored,
                computed));
        }
        final long storedIndex = buffer.getLong(frame.indexOffset, ORDER);
        if (storedIndex != index)
        {
            throw corrupt(index, "excerpt claims " + frame.indexName + " " + storedIndex +
                ": copied from another journal or position");
        }
        return payloadLength;
    }

    private String journalName()
    {
        return null == frame ? "journal" : frame.journalName;
    }

    private JournalException wrongMagic(final long index, final int magic)
    {
        final RecordFrame found = RecordFrame.ofMagic(magic);
        if (found != null)
        {
            return new JournalException("journal " + directory + " at index " + index + " (0x" +
                Long.toHexString(index) + ") holds an " + found.kind + " journal record (magic '" +
                RecordFrame.magicText(magic) + "'): this is an " + found.kind + " journal, not an " + frame.kind +
                " journal; read it with " + found.readerName);
        }
        return corrupt(index, String.format("bad magic 0x%08x '%s' (expected 0x%08x '%s'): not a Ringflow %s record",
            magic, RecordFrame.magicText(magic), frame.magic, RecordFrame.magicText(frame.magic), frame.journalName));
    }

    private JournalException corrupt(final long index, final String what, final Throwable cause)
    {
        return new JournalException("corrupt " + journalName() + " " + directory + " at index " + index + " (0x" +
            Long.toHexString(index) + "): " + what, cause);
    }
}
