package io.ringflow.journal.durable;

import io.ringflow.journal.InputJournal;
import io.ringflow.journal.JournalException;
import io.ringflow.journal.checkpoint.CheckpointStore;
import io.ringflow.operators.record.RecordCodec;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A run that fails (here: a journal entry of another schema version) stops where it is: it must not end
 * the stream on its way out, which would fire every window and journal outputs that a later run, resuming
 * from a checkpoint once the journal is repaired, would never produce at that point.
 */
class FailedRunTest
{
    /** Payments written as schema version 2, which the pipeline's codec (version 1) refuses to read. */
    private static final RecordCodec<Payment> VERSION_2 = new RecordCodec<>()
    {
        @Override
        public int schemaId()
        {
            return Payment.CODEC.schemaId();
        }

        @Override
        public int schemaVersion()
        {
            return 2;
        }

        @Override
        public int maxEncodedLength()
        {
            return Payment.CODEC.maxEncodedLength();
        }

        @Override
        public Payment newInstance()
        {
            return new Payment();
        }

        @Override
        public int encode(final Payment record, final MutableDirectBuffer buffer, final int offset)
        {
            return Payment.CODEC.encode(record, buffer, offset);
        }

        @Override
        public void decode(final DirectBuffer buffer, final int offset, final int length, final Payment into)
        {
            Payment.CODEC.decode(buffer, offset, length, into);
        }
    };

    @TempDir
    Path dir;

    @ParameterizedTest(name = "stepped = {0}")
    @ValueSource(booleans = {false, true})
    void shouldNotEndTheStreamWhenTheRunFails(final boolean stepped)
    {
        final Path input = dir.resolve("input");
        final long bad;
        try (InputJournal journal = new InputJournal(input))
        {
            CrashTestPipeline.appendPayments(journal, new Random(3), 0, 3_000);
            bad = journal.append(VERSION_2, new Payment().set(1, 1, 1), 1, 1);
        }

        assertThatThrownBy(() -> CrashTestPipeline.run(input, dir.resolve("out"), dir.resolve("cp"),
            CheckpointStore.Hooks.NONE, stepped))
            .isInstanceOf(JournalException.class).hasMessageContaining("version");

        final List<String> outputs = CrashRecoveryTest.readOutput(dir.resolve("out"));
        if (stepped)
        {
            // stepped, the records before the bad entry were processed when it was read (threaded, the stage
            // may not have reached them when the run aborted)
            assertThat(outputs).as("windows fired by the watermark before the bad entry").isNotEmpty();
        }
        for (final String output : outputs)
        {
            final long inputSequence = Long.parseLong(output.substring(0, output.indexOf('/')));
            assertThat(inputSequence).as("output %s caused by an input before the bad entry", output).isLessThan(bad);
        }
    }
}
