package io.ringflow.journal.durable;

import io.ringflow.journal.IngestClock;
import io.ringflow.journal.InputJournal;
import io.ringflow.journal.JournalReader;
import io.ringflow.pipeline.PublishResult;
import io.ringflow.pipeline.RecordTranslator;
import io.ringflow.pipeline.SequencedIngress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link JournalFeeder#latencyFrom}: the origin a record's end-to-end latency counts from is its
 * journaled ingest time, converted back to this JVM's nanoTime, when the clock covers it, and the moment
 * the feeder read it otherwise. A fake ingress records the origins handed to it.
 */
class JournalFeederLatencyTest
{
    @TempDir
    Path dir;

    @Test
    void shouldCountFromTheJournaledIngestTimeOfEveryRecordTheClockCovers()
    {
        final IngestClock clock = new IngestClock();
        final long stampedNs = System.nanoTime();
        final long[] stamps = {stampedNs, stampedNs + 1, stampedNs + TimeUnit.MILLISECONDS.toNanos(250), stampedNs + 42};
        try (InputJournal journal = new InputJournal(dir))
        {
            final Payment payment = new Payment();
            for (int i = 0; i < stamps.length; i++)
            {
                journal.append(Payment.CODEC, payment.set(i, i, i), i, clock.epochNanosAt(stamps[i]));
            }
        }

        final OriginRecorder ingress = new OriginRecorder();
        try (JournalReader<Payment> reader = new JournalReader<>(dir, Payment.CODEC))
        {
            final JournalFeeder<Payment> feeder = newFeeder(reader, ingress);
            assertThat(feeder.latencyFrom(clock)).isSameAs(feeder);
            assertThat(feeder.feed(Long.MAX_VALUE)).isEqualTo(JournalFeeder.Stop.CAUGHT_UP);
        }

        assertThat(ingress.origins).as("exactly the nanoTime each record was stamped at")
            .containsExactly(stamps[0], stamps[1], stamps[2], stamps[3]);
        assertThat(ingress.cards).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void shouldCountFromTheReadForEntriesStampedBeforeTheClockOrWithoutOne()
    {
        final long previousRunNs = System.nanoTime() - TimeUnit.SECONDS.toNanos(30);
        final IngestClock clock = new IngestClock();
        try (InputJournal journal = new InputJournal(dir))
        {
            final Payment payment = new Payment();
            journal.append(Payment.CODEC, payment.set(0, 0, 0), 0, 7);   // the tiny ingest times of test journals
            journal.append(Payment.CODEC, payment.set(1, 1, 1), 1, clock.epochNanosAt(previousRunNs));   // replayed
            journal.append(Payment.CODEC, payment.set(2, 2, 2), 2, clock.epochNanos());   // this run's: covered
        }

        final OriginRecorder withClock = new OriginRecorder();
        final long before = System.nanoTime();
        feedAll(withClock, clock);
        final long after = System.nanoTime();
        assertThat(withClock.origins).hasSize(3);
        assertThat(withClock.origins.get(0)).isBetween(before, after);
        assertThat(withClock.origins.get(1)).isBetween(before, after);
        assertThat(withClock.origins.get(2)).as("stamped before the feeder ran").isLessThan(before);

        final OriginRecorder withoutClock = new OriginRecorder();
        final long before2 = System.nanoTime();
        feedAll(withoutClock, null);
        final long after2 = System.nanoTime();
        assertThat(withoutClock.origins).hasSize(3).allSatisfy(origin -> assertThat(origin).isBetween(before2, after2));
    }

    @Test
    void shouldRefuseANullClock()
    {
        try (InputJournal journal = new InputJournal(dir))
        {
            journal.appendEndOfStream(1);
        }
        try (JournalReader<Payment> reader = new JournalReader<>(dir, Payment.CODEC))
        {
            final JournalFeeder<Payment> feeder = newFeeder(reader, new OriginRecorder());
            assertThatThrownBy(() -> feeder.latencyFrom(null)).isInstanceOf(NullPointerException.class);
        }
    }

    private void feedAll(final OriginRecorder ingress, final IngestClock clock)
    {
        try (JournalReader<Payment> reader = new JournalReader<>(dir, Payment.CODEC))
        {
            final JournalFeeder<Payment> feeder = newFeeder(reader, ingress);
            if (null != clock)
            {
                feeder.latencyFrom(clock);
            }
            assertThat(feeder.feed(Long.MAX_VALUE)).isEqualTo(JournalFeeder.Stop.CAUGHT_UP);
        }
    }

    private static JournalFeeder<Payment> newFeeder(final JournalReader<Payment> reader, final OriginRecorder ingress)
    {
        return new JournalFeeder<>(reader, Payment.TYPE, ingress, 1, -1, Long.MAX_VALUE, Long.MAX_VALUE);
    }

    /** Takes every record, keeping its card and the origin handed over with it. */
    private static final class OriginRecorder implements SequencedIngress<Payment>
    {
        final List<Long> origins = new ArrayList<>();
        final List<Long> cards = new ArrayList<>();
        private final Payment slot = new Payment();
        private long published;

        @Override
        public <A> PublishResult publish(
            final RecordTranslator<Payment, A> translator, final A argument, final long sequence, final long originNs)
        {
            translator.translateTo(slot, argument);
            cards.add(slot.card);
            origins.add(originNs);
            published++;
            return PublishResult.OK;
        }

        @Override
        public PublishResult watermark(final long watermark, final long sequence)
        {
            return PublishResult.OK;
        }

        @Override
        public PublishResult processingTime(final long time, final long sequence)
        {
            return PublishResult.OK;
        }

        @Override
        public PublishResult barrier(final long checkpointId, final long sequence)
        {
            return PublishResult.OK;
        }

        @Override
        public PublishResult endOfStream(final long sequence)
        {
            return PublishResult.OK;
        }

        @Override
        public long publishedCount()
        {
            return published;
        }
    }
}
