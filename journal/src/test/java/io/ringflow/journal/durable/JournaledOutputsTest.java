package io.ringflow.journal.durable;

import io.ringflow.journal.JournalException;
import io.ringflow.pipeline.SequencedSink;
import io.ringflow.pipeline.runtime.CheckpointListener;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fast mode's gates, deterministically (the crash test can only catch a missing gate by luck): an output
 * reaches the sink, and a barrier the checkpoint listener, only once its input sequence is journaled; a
 * failed run releases the waiters with an error instead of letting them through.
 */
class JournaledOutputsTest
{
    private final JournalProgress progress = new JournalProgress(3);
    private final List<Long> delivered = new CopyOnWriteArrayList<>();

    @Test
    void shouldHoldAnOutputUntilItsInputIsJournaled() throws Exception
    {
        final SequencedSink<String> sink = JournaledOutputs.sink((record, timestamp, inputSequence, ordinal) ->
            delivered.add(inputSequence), progress);
        sink.onRecord("journaled already", 0, 3, 0);
        assertThat(delivered).containsExactly(3L);

        final CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> sink.onRecord("ahead", 0, 5, 0));
        Thread.sleep(50);
        progress.journaled(4);
        Thread.sleep(50);
        assertThat(delivered).as("input 5 is not journaled yet").containsExactly(3L);
        progress.journaled(5);
        waiting.get(10, TimeUnit.SECONDS);
        assertThat(delivered).containsExactly(3L, 5L);
    }

    @Test
    void shouldHoldABarrierUntilItsInputIsJournaled() throws Exception
    {
        final CheckpointListener listener = JournaledOutputs.checkpoints(new CheckpointListener()
        {
            @Override
            public void onStageSnapshot(final long checkpointId, final String stageName, final DirectBuffer state, final int length)
            {
            }

            @Override
            public void onBarrierAtSink(final long checkpointId, final long inputSequence)
            {
                delivered.add(inputSequence);
            }
        }, progress);
        final CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> listener.onBarrierAtSink(1, 7));
        Thread.sleep(50);
        assertThat(delivered).isEmpty();
        progress.journaled(7);
        waiting.get(10, TimeUnit.SECONDS);
        assertThat(delivered).containsExactly(7L);
    }

    @Test
    void shouldFailAWaitingOutputWhenTheRunFails() throws Exception
    {
        final SequencedSink<String> sink = JournaledOutputs.sink((record, timestamp, inputSequence, ordinal) ->
            delivered.add(inputSequence), progress);
        final CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> sink.onRecord("ahead", 0, 9, 0));
        Thread.sleep(50);
        progress.fail(new IllegalStateException("disk full"));
        assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(JournalException.class)
            .hasMessageContaining("input sequence 9 was not journaled").hasMessageContaining("disk full");
        assertThat(delivered).isEmpty();
    }
}
