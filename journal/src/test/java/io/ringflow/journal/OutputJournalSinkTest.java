package io.ringflow.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static io.ringflow.journal.OutputJournalReader.NO_POSITION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The exactly-once sink against a stand-in for a deterministic pipeline: {@link #outputsOf(int)} is what
 * it emits for its inputs, in order, with their keys. A crash is a sink closed without end of stream; a
 * recovery is a new sink given the output position of the last checkpoint, fed the outputs from that
 * checkpoint's input on.
 */
class OutputJournalSinkTest
{
    private static final Trade.Codec CODEC = new Trade.Codec(1);
    private static final long FIRST_SEQUENCE = 1_000;
    private static final int INPUTS = 30;

    @TempDir
    Path dir;

    @Test
    void shouldAppendEveryOutputWhenStartingWithoutACheckpoint()
    {
        final List<Output> outputs = outputsOf(INPUTS);
        try (OutputJournalSink<Trade> sink = new OutputJournalSink<>(dir, CODEC, NO_POSITION))
        {
            assertThat(sink.isVerifying()).isFalse();
            assertThat(sink.position()).isEqualTo(NO_POSITION);
            emit(sink, outputs, 0, outputs.size());
            sink.onEndOfStream();

            assertThat(sink.appendedCount()).isEqualTo(outputs.size());
            assertThat(sink.skippedCount()).isZero();
            assertThat(sink.position()).isEqualTo(lastPosition(dir));
        }
        assertThat(readAll(dir)).isEqualTo(outputs);
    }

    @Test
    void shouldAppendOutputsInBatchesAndReportTheLastPositionAtEachEndOfBatch()
    {
        final List<Output> outputs = outputsOf(300);   // 300 outputs: full batches of 64 go on their own
        try (OutputJournalSink<Trade> sink = new OutputJournalSink<>(dir, CODEC, NO_POSITION))
        {
            for (final int end : new int[]{ 64, 65, 129, 200, 264, 300 })
            {
                emit(sink, outputs, (int)sink.appendedCount(), end);
                sink.onEndOfBatch();
                assertThat(sink.position()).as("after %d outputs", end).isEqualTo(lastPosition(dir));
                assertThat(readAll(dir)).as("every output up to the end of the batch is readable")
                    .isEqualTo(outputs.subList(0, end));
            }
            sink.onEndOfStream();
        }
        assertThat(readAll(dir)).isEqualTo(outputs);
    }

    @Test
    void shouldRecoverFromALostBatchAndFromACheckpointInsideAnExcerpt()
    {
        final List<Output> outputs = outputsOf(300);
        final Path straight = dir.resolve("straight");
        final Path crashed = dir.resolve("crashed");
        writeAll(straight, outputs);

        final long firstCheckpoint;
        try (OutputJournalSink<Trade> sink = new OutputJournalSink<>(crashed, CODEC, NO_POSITION))
        {
            emit(sink, outputs, 0, 50);
            sink.onEndOfBatch();
            firstCheckpoint = sink.position();
            emit(sink, outputs, 50, 150);   // a full excerpt of 64 is appended; 36 stay batched, and are lost
        }
        assertThat(readAll(crashed)).as("the crash kept the full excerpt only").isEqualTo(outputs.subList(0, 114));

        final long secondCheckpoint;
        try (OutputJournalSink<Trade> sink = new OutputJournalSink<>(crashed, CODEC, firstCheckpoint))
        {
            emit(sink, outputs, 50, 70);
            sink.onEndOfBatch();
            secondCheckpoint = sink.position();   // slot 19 of the crashed run's excerpt
            emit(sink, outputs, 70, 170);         // 44 verified, 56 batched and lost again
            assertThat(sink.skippedCount()).isEqualTo(64);
        }
        assertThat(secondCheckpoint).as("a position inside an excerpt").isNotEqualTo(lastPosition(crashed));

        try (OutputJournalSink<Trade> sink = new OutputJournalSink<>(crashed, CODEC, secondCheckpoint))
        {
            emit(sink, outputs, 70, outputs.size());
            sink.onEndOfStream();
            assertThat(sink.skippedCount()).isEqualTo(44);
            assertThat(sink.appendedCount()).isEqualTo(outputs.size() - 114);
        }
        assertThat(readAll(crashed)).isEqualTo(readAll(straight)).isEqualTo(outputs);
    }

    @Test
    void shouldSkipTheRegeneratedOutputsAndAppendTheRestWhenResumingFromACheckpoint()
    {
        final List<Output> outputs = outputsOf(INPUTS);
        final Path straight = dir.resolve("straight");
        final Path crashed = dir.resolve("crashed");
        writeAll(straight, outputs);

        // The checkpoint is taken after input 12; the crash comes between the two outputs of input 20.
        final int checkpointOutputs = firstOutputOf(outputs, 12);
        final int crashOutputs = firstOutputOf(outputs, 20) + 1;
        final long checkpointPosition;
        try (OutputJournalSink<Trade> sink = new OutputJournalSink<>(crashed, CODEC, NO_POSITION))
        {
            emit(sink, outputs, 0, checkpointOutputs);
            sink.onEndOfBatch();   // as the runtime does before a barrier reaches the sink
            checkpointPosition = sink.position();
            emit(sink, outputs, checkpointOutputs, crashOutputs);
            sink.onEndOfBatch();   // appended before the crash
        }

        try (OutputJournalSink<Trade> sink = new OutputJournalSink<>(crashed, CODEC, checkpointPosition))
        {
            assertThat(sink.isVerifying()).isTrue();
            assertThat(sink.position()).isEqualTo(checkpointPosition);
            emit(sink, outputs, checkpointOutputs, crashOutputs);
            assertThat(sink.isVerifying()).isFalse();
            assertThat(sink.skippedCount()).isEqualTo(crashOutputs - checkpointOutputs);
            assertThat(sink.appendedCount()).isZero();

            emit(sink, outputs, crashOutputs, outputs.size());
            sink.onEndOfStream();
            assertThat(sink.appendedCount()).isEqualTo(outputs.size() - crashOutputs);
            assertThat(sink.position()).isEqualTo(lastPosition(crashed));
        }
        assertThat(readAll(crashed)).isEqualTo(readAll(straight)).isEqualTo(outputs);
    }

    @Test
    void shouldSkipEverythingWhenReplayingAFullJournalWithoutACheckpoint()
    {
        final List<Output> outputs = outputsOf(INPUTS);
        final long[] positions = writeAll(dir, outputs);
        try (OutputJournalSink<Trade> sink = new OutputJournalSink<>(dir, CODEC, NO_POSITION))
        {
            assertThat(sink.isVerifying()).isTrue();
            emit(sink, outputs, 0, outputs.size());
            sink.onEndOfStream();

            assertThat(sink.isVerifying()).isFalse();
            assertThat(sink.skippedCount()).isEqualTo(outputs.size());
            assertThat(sink.appendedCount()).isZero();
            assertThat(sink.position()).isEqualTo(positions[positions.length - 1]);
        }
        assertThat(readAll(dir)).isEqualTo(outputs);
    }

    @Test
    void shouldRefuseARegeneratedOutputWithAnotherPayload()
    {
        final List<Output> outputs = outputsOf(INPUTS);
        final long[] positions = writeAll(dir, outputs);
        final Output third = outputs.get(3);
        try (OutputJournalSink<Trade> sink = new OutputJournalSink<>(dir, CODEC, NO_POSITION))
        {
            emit(sink, outputs, 0, 3);
            final Trade other = new Trade().set(third.trade.id, third.trade.price + 1, third.trade.quantity);
            assertThatThrownBy(() -> sink.onRecord(other, third.timestamp, third.inputSequence, third.ordinal))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("replay diverged from output journal " + dir)
                .hasMessageContaining("at position " + positions[3])
                .hasMessageContaining("journal holds " + key(third))
                .hasMessageContaining("replay produced " + key(third))
                .hasMessageContaining("the payload differs")
                .hasMessageContaining("not deterministic");
            assertThat(sink.skippedCount()).isEqualTo(3);
        }
    }

    @Test
    void shouldRefuseARegeneratedOutputWithAnotherKey()
    {
        final List<Output> outputs = outputsOf(INPUTS);
        final long[] positions = writeAll(dir, outputs);
        try (OutputJournalSink<Trade> sink = new OutputJournalSink<>(dir, CODEC, NO_POSITION))
        {
            emit(sink, outputs, 0, 3);
            assertThatThrownBy(() -> emit(sink, outputs, 4, 5))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("at position " + positions[3])
                .hasMessageContaining("journal holds " + key(outputs.get(3)))
                .hasMessageContaining("replay produced " + key(outputs.get(4)))
                .hasMessageContaining("the key differs");
        }
    }

    @Test
    void shouldRefuseARegeneratedOutputWithAnotherTimestamp()
    {
        final List<Output> outputs = outputsOf(INPUTS);
        writeAll(dir, outputs);
        final Output first = outputs.get(0);
        try (OutputJournalSink<Trade> sink = new OutputJournalSink<>(dir, CODEC, NO_POSITION))
        {
            final long otherTimestamp = first.timestamp + 1;
            assertThatThrownBy(() -> sink.onRecord(first.trade, otherTimestamp, first.inputSequence, first.ordinal))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("timestamp " + first.timestamp)
                .hasMessageContaining("timestamp " + otherTimestamp)
                .hasMessageContaining("the timestamp differs");
        }
    }

    @Test
    void shouldRefuseTheEndOfStreamWhileOutputsArePending()
    {
        final List<Output> outputs = outputsOf(INPUTS);
        final long[] positions = writeAll(dir, outputs);
        try (OutputJournalSink<Trade> sink = new OutputJournalSink<>(dir, CODEC, NO_POSITION))
        {
            emit(sink, outputs, 0, 10);
            assertThatThrownBy(sink::onEndOfStream)
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("output journal " + dir)
                .hasMessageContaining("holds " + (outputs.size() - 10) + " outputs that this run did not produce")
                .hasMessageContaining("from position " + positions[10])
                .hasMessageContaining(key(outputs.get(10)));
        }
    }

    @Test
    void shouldRefuseAResumePositionTheJournalDoesNotHold()
    {
        final long[] positions = writeAll(dir, outputsOf(INPUTS));
        final long missing = positions[positions.length - 1] + 1;
        assertThatThrownBy(() -> new OutputJournalSink<>(dir, CODEC, missing))
            .isInstanceOf(JournalException.class)
            .hasMessageContaining("cannot resume after output position " + missing)
            .hasMessageContaining("output journal " + dir)
            .hasMessageContaining("no entry at position " + missing);
    }

    @Test
    void shouldRunOnTheStageThreadAfterBeingBuiltOnAnother() throws InterruptedException
    {
        final List<Output> outputs = outputsOf(INPUTS);
        final int crashOutputs = outputs.size() / 2;
        try (OutputJournalSink<Trade> sink = new OutputJournalSink<>(dir, CODEC, NO_POSITION))
        {
            emit(sink, outputs, 0, crashOutputs);
            sink.onEndOfBatch();
        }

        final AtomicReference<Throwable> failure = new AtomicReference<>();
        try (OutputJournalSink<Trade> sink = new OutputJournalSink<>(dir, CODEC, NO_POSITION))
        {
            final Thread stage = new Thread(() ->
            {
                try
                {
                    emit(sink, outputs, 0, outputs.size());
                    sink.onEndOfStream();
                }
                catch (final Throwable ex)
                {
                    failure.set(ex);
                }
            }, "sink-stage");
            stage.start();
            stage.join();
            assertThat(failure.get()).isNull();
            assertThat(sink.skippedCount()).isEqualTo(crashOutputs);
            assertThat(sink.appendedCount()).isEqualTo(outputs.size() - crashOutputs);
        }
        assertThat(readAll(dir)).isEqualTo(outputs);
    }

    /** An output with its key, as a deterministic pipeline emits it. */
    record Output(long inputSequence, int ordinal, long timestamp, Trade trade)
    {
    }

    /** Input i, at sequence {@link #FIRST_SEQUENCE} + i, yields i % 3 outputs: none, one or two. */
    static List<Output> outputsOf(final int inputs)
    {
        final List<Output> outputs = new ArrayList<>();
        for (int i = 0; i < inputs; i++)
        {
            for (int ordinal = 0; ordinal < i % 3; ordinal++)
            {
                outputs.add(new Output(FIRST_SEQUENCE + i, ordinal, 5L * i,
                    new Trade().set(10L * i + ordinal, 100L * i + ordinal, ordinal)));
            }
        }
        return outputs;
    }

    private static int firstOutputOf(final List<Output> outputs, final int input)
    {
        for (int k = 0; k < outputs.size(); k++)
        {
            if (outputs.get(k).inputSequence >= FIRST_SEQUENCE + input)
            {
                return k;
            }
        }
        return outputs.size();
    }

    private static void emit(
        final OutputJournalSink<Trade> sink, final List<Output> outputs, final int from, final int to)
    {
        for (int k = from; k < to; k++)
        {
            final Output output = outputs.get(k);
            sink.onRecord(output.trade, output.timestamp, output.inputSequence, output.ordinal);
        }
    }

    /**
     * A run without a crash: every output, the end of a batch after every fifth, then the end of the stream.
     *
     * @return the outputs' positions.
     */
    private static long[] writeAll(final Path dir, final List<Output> outputs)
    {
        try (OutputJournalSink<Trade> sink = new OutputJournalSink<>(dir, CODEC, NO_POSITION))
        {
            for (int k = 0; k < outputs.size(); k++)
            {
                emit(sink, outputs, k, k + 1);
                if (k % 5 == 4)
                {
                    sink.onEndOfBatch();
                }
            }
            sink.onEndOfStream();
        }
        final long[] positions = new long[outputs.size()];
        try (OutputJournalReader<Trade> reader = new OutputJournalReader<>(dir, CODEC))
        {
            final OutputJournalEntry<Trade> entry = reader.newEntry();
            for (int k = 0; k < positions.length; k++)
            {
                assertThat(reader.next(entry)).isTrue();
                positions[k] = entry.position();
            }
        }
        return positions;
    }

    private static List<Output> readAll(final Path dir)
    {
        final List<Output> outputs = new ArrayList<>();
        try (OutputJournalReader<Trade> reader = new OutputJournalReader<>(dir, CODEC))
        {
            final OutputJournalEntry<Trade> entry = reader.newEntry();
            long previous = NO_POSITION;
            while (reader.next(entry))
            {
                assertThat(entry.position()).isGreaterThan(previous);
                previous = entry.position();
                final Trade trade = new Trade().set(entry.record().id, entry.record().price, entry.record().quantity);
                outputs.add(new Output(entry.inputSequence(), entry.ordinal(), entry.timestamp(), trade));
            }
        }
        return outputs;
    }

    private static long lastPosition(final Path dir)
    {
        try (OutputJournalReader<Trade> reader = new OutputJournalReader<>(dir, CODEC))
        {
            return reader.lastPosition();
        }
    }

    private static String key(final Output output)
    {
        return "key (input sequence " + output.inputSequence + ", ordinal " + output.ordinal + ")";
    }
}
