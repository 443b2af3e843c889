package io.ringflow.examples.fraud;

import io.ringflow.journal.IngestClock;
import io.ringflow.journal.InputJournal;
import io.ringflow.journal.durable.FastIngress;
import io.ringflow.journal.durable.JournalMode;
import io.ringflow.pipeline.PublishResult;

/**
 * Where the demo's producer sends events and processing-time ticks: the input journal, which the pipeline
 * tails ({@code --journal-mode durable}), or the pipeline's fast ingress, which journals beside processing
 * ({@code --journal-mode fast}). Either way every event is journaled with its intended send time as ingest
 * time, so the journals, replays and the summary are the same.
 * <p>
 * Threading: the producer thread.
 */
interface EventOutlet
{
    /**
     * @param event        the event.
     * @param ingestTimeNs its intended send time, epoch nanoseconds on the demo's clock.
     * @return false if the pipeline no longer takes events (it failed).
     */
    boolean send(CardEvent event, long ingestTimeNs);

    /** Hand on what {@link #send} kept back: the producer calls this whenever no event is due yet. */
    default void flush()
    {
    }

    /**
     * @param epochNs now, epoch nanoseconds; the tick carries it in milliseconds.
     */
    void tick(long epochNs);

    /** @return what the latency is measured through, for the live view's label. */
    String path();

    /**
     * @param mode a journal mode.
     * @return what latency is measured through in that mode.
     */
    static String path(final JournalMode mode)
    {
        return JournalMode.FAST == mode ? "intended send → processed, journaled beside" : "intended send → journaled → processed";
    }

    /**
     * Through the input journal: the pipeline sees an event once it is journaled. Events are batched, so that
     * a producer behind schedule appends what is due as one excerpt, and committed when it catches up.
     */
    final class Journal implements EventOutlet
    {
        private final InputJournal journal;
        private final CardEventCodec codec = new CardEventCodec();

        Journal(final InputJournal journal)
        {
            this.journal = journal;
        }

        @Override
        public boolean send(final CardEvent event, final long ingestTimeNs)
        {
            journal.appendToBatch(codec, event, event.eventTimeMs(), ingestTimeNs);
            return true;
        }

        @Override
        public void flush()
        {
            journal.commitBatch();
        }

        @Override
        public void tick(final long epochNs)
        {
            journal.appendProcessingTimeTick(epochNs / 1_000_000, epochNs);
        }

        @Override
        public String path()
        {
            return EventOutlet.path(JournalMode.DURABLE);
        }
    }

    /**
     * Through the fast ingress: processed at once, journaled beside it; alerts wait for the journal. Events are
     * journaled in batches, like the journal outlet's, committed when the producer catches up.
     */
    final class Fast implements EventOutlet
    {
        private final FastIngress<CardEvent> ingress;

        Fast(final FastIngress<CardEvent> ingress, final IngestClock clock)
        {
            if (ingress.clock() != clock)
            {
                throw new IllegalArgumentException("the fast ingress must stamp with the demo's clock");
            }
            this.ingress = ingress;
        }

        @Override
        public boolean send(final CardEvent event, final long ingestTimeNs)
        {
            return PublishResult.OK == ingress.publishToBatch(event, event.eventTimeMs(), ingestTimeNs);
        }

        @Override
        public void flush()
        {
            ingress.commitBatch();
        }

        @Override
        public void tick(final long epochNs)
        {
            ingress.processingTime(epochNs / 1_000_000);
        }

        @Override
        public String path()
        {
            return EventOutlet.path(JournalMode.FAST);
        }
    }
}
