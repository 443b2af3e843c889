package io.ringflow.pipeline.runtime;

import com.lmax.disruptor.Sequence;
import io.ringflow.pipeline.RecordType;

import java.util.Arrays;

/**
 * The input of the stage after a key-partitioned stage in a sequenced pipeline: one single-producer
 * ring per partition, read in one order that the threads' timing cannot change — by the merge order the
 * routing stage gave each event (see {@link PartitionedPublisher}), and among the partitions' outputs of
 * one broadcast event (a watermark that fires windows in every partition) by partition. So the stage sees
 * the same events in the same order on every run, threaded or stepped, and the sink downstream numbers
 * outputs the same way: what exactly-once recovery and replay need. Barriers come out of it one after
 * another, one per partition, with nothing between them, so the stage snapshots at the last one without
 * any alignment buffer.
 * <p>
 * When a partition's ring is empty, the event at the head of another ring may be taken only if that
 * partition cannot still produce something ordered before it: it has handled an input of the head's order
 * or later and published its outputs ({@code doneOrder}: its inputs come in rising order), or it is idle —
 * it has published the outputs of every slot of its input ring ({@code done}), and its input ring held
 * everything the router had routed up to the head's order ({@code routed}, read before the ring's
 * cursor). Otherwise the merge waits: on a thread it returns and polls again; stepped, it runs the
 * lagging partition itself. A stepped partition whose ring to the merge is full runs the merge only if
 * the merge is not on the stack already, and otherwise (or if that freed nothing) has the ring's events
 * moved into a spill queue ({@link #makeRoom}): the merge never runs inside itself, where it could need a
 * partition that is below it on the stack.
 * <p>
 * The router publishes its progress at the end of each batch and before it waits for space, so a merge
 * never waits on a router that waits on it. A merged stage costs a latency of up to one router batch
 * when a partition is idle; it is used only where order matters (sequenced pipelines).
 * <p>
 * Threading: the merging stage's thread; reads the router's and the partitions' progress.
 *
 * @param <T> record type of the rings.
 */
final class MergedInput<T>
{
    private static final int EMPTY = -1;
    private static final int WAIT = -2;
    private static final int RETRY = -3;
    private static final int CLEAR = -4;

    private final Ring<T>[] rings;
    private final Stage<?, ?>[] partitions;
    private final Sequence routed;
    private final boolean stepped;
    /** Next ring sequence to read, per ring. */
    private final long[] next;
    /** Highest published ring sequence seen, per ring. */
    private final long[] available;
    /** Which rings the last scan found empty. */
    private final boolean[] empty;
    /** Stepped only: events taken out of a full ring, to come before the ring's; else null. */
    private final SpillQueue<T>[] spills;

    /**
     * @param rings           one ring per partition, in partition order; partition {@code p} publishes as producer {@code p}.
     * @param partitions      the partitions' stages ({@link Stage#readOrders(int)}): their input rings and
     *                        progress are read, and a stepped merge runs the one it waits on.
     * @param routed          the router's progress ({@link PartitionedPublisher#routed()}).
     * @param stepped         whether the pipeline is stepped.
     * @param type            the rings' record type (to copy records into spill queues, stepped).
     */
    MergedInput(
        final Ring<T>[] rings,
        final Stage<?, ?>[] partitions,
        final Sequence routed,
        final boolean stepped,
        final RecordType<T> type)
    {
        this.rings = rings.clone();
        this.partitions = partitions.clone();
        this.routed = routed;
        this.stepped = stepped;
        this.next = new long[rings.length];
        this.available = new long[rings.length];
        this.empty = new boolean[rings.length];
        Arrays.fill(available, -1);
        this.spills = stepped ? newSpills(rings.length, type) : null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> SpillQueue<T>[] newSpills(final int count, final RecordType<T> type)
    {
        final SpillQueue<T>[] spills = new SpillQueue[count];
        for (int p = 0; p < count; p++)
        {
            spills[p] = new SpillQueue<>(type);
        }
        return spills;
    }

    /**
     * Stepped: a partition found its ring to the merge full. The merge runs once if it is not on the
     * stack already; if the ring is still full (the merge may need a partition below on the stack to go
     * on), its events move to the partition's spill queue, and the partition goes on. So the spill holds
     * only what the merge cannot take yet, and nothing runs the merge inside itself.
     *
     * @param ring the full ring.
     */
    void makeRoom(final Ring<?> ring)
    {
        final Stage<?, ?> consumer = ring.consumer();
        if (!consumer.isRunning() && !consumer.isFinished())
        {
            consumer.doWork();
            if (ring.buffer.remainingCapacity() > 0)
            {
                return;
            }
        }
        absorb(ring);
    }

    private void absorb(final Ring<?> ring)
    {
        for (int p = 0; p < rings.length; p++)
        {
            if (rings[p] == ring)
            {
                final long last = rings[p].buffer.getCursor();
                final Envelopes events = rings[p].envelopes;
                for (long sequence = next[p]; sequence <= last; sequence++)
                {
                    spills[p].add(rings[p].buffer.get(sequence), events, events.index(sequence));
                }
                next[p] = last + 1;
                release();
                return;
            }
        }
        throw new IllegalArgumentException(ring + " is not merged here");
    }

    /**
     * Hand the stage events in merge order until it asks to stop, {@code limit} are handed, or the next
     * one cannot be known yet.
     *
     * @param stage the consuming stage.
     * @param limit events at most.
     * @return events handed.
     */
    int poll(final Stage<T, ?> stage, final int limit)
    {
        int handed = 0;
        try
        {
            while (handed < limit && !stage.isFinished())
            {
                final int ring = nextRing();
                if (RETRY == ring)
                {
                    continue;
                }
                if (ring < 0)
                {
                    break;   // empty, or the next event is not known yet
                }
                handed++;
                if (!handHead(stage, ring))
                {
                    break;
                }
            }
        }
        finally
        {
            release();
        }
        return handed;
    }

    private boolean handHead(final Stage<T, ?> stage, final int p)
    {
        if (null != spills && !spills[p].isEmpty())
        {
            final SpillQueue<T> spill = spills[p];
            final Envelopes events = spill.envelopes();
            final int index = spill.headIndex();
            final boolean more = stage.dispatch(spill.headRecord(), events, index, events.sequences[index], events.kinds[index]);
            spill.removeHead();
            return more;
        }
        final long sequence = next[p]++;
        final Envelopes events = rings[p].envelopes;
        final int index = events.index(sequence);
        return stage.dispatch(rings[p].buffer.get(sequence), events, index, events.sequences[index], events.kinds[index]);
    }

    private long headOrder(final int p)
    {
        if (null != spills && !spills[p].isEmpty())
        {
            return spills[p].envelopes().orders[spills[p].headIndex()];
        }
        final Envelopes events = rings[p].envelopes;
        return events.orders[events.index(next[p])];
    }

    /** @return the ring whose head comes next, or EMPTY, WAIT or RETRY. */
    private int nextRing()
    {
        int best = EMPTY;
        long bestOrder = Long.MAX_VALUE;
        boolean anyEmpty = false;
        for (int p = 0; p < rings.length; p++)
        {
            empty[p] = !hasHead(p);
            if (!empty[p])
            {
                final long order = headOrder(p);
                if (order < bestOrder)   // ties go to the lower partition
                {
                    bestOrder = order;
                    best = p;
                }
            }
            else
            {
                anyEmpty = true;
            }
        }
        if (EMPTY == best || !anyEmpty)
        {
            return best;
        }
        for (int p = 0; p < rings.length; p++)
        {
            if (empty[p])
            {
                // an event that arrived since the scan above was not compared with the best one
                final int verdict = emptyPartition(p, bestOrder);
                if (CLEAR != verdict)
                {
                    return verdict;
                }
            }
        }
        return best;
    }

    /**
     * @param p     a partition whose ring was found empty.
     * @param order the order of the head that would be taken next.
     * @return CLEAR if p cannot produce anything ordered before it any more; WAIT if it may; RETRY if p's
     * ring just received something, or a stepped merge ran p.
     */
    private int emptyPartition(final int p, final long order)
    {
        if (partitions[p].doneOrder().get() >= order)
        {
            // it has handled an input of this order or later, with its outputs: a busy partition is
            // passed as soon as it is past the head, without waiting for its whole backlog
            return hasHead(p) ? RETRY : CLEAR;
        }
        if (routed.get() < order)
        {
            return WAIT;
        }
        // read after `routed`: holds every event routed to p up to that order
        final long routedToP = partitions[p].input().buffer.getCursor();
        if (partitions[p].done().get() < routedToP)
        {
            if (stepped && !partitions[p].isRunning() && !partitions[p].isFinished())
            {
                release();
                partitions[p].doWork();
                return RETRY;
            }
            return WAIT;
        }
        // p published the outputs of all of it: look at its ring once more, now that `done` was read
        return hasHead(p) ? RETRY : CLEAR;
    }

    private boolean hasHead(final int p)
    {
        if (next[p] <= available[p] || null != spills && !spills[p].isEmpty())
        {
            return true;
        }
        available[p] = rings[p].buffer.getCursor();
        return next[p] <= available[p];
    }

    /** Give the consumed slots back to the partitions. */
    private void release()
    {
        for (int p = 0; p < rings.length; p++)
        {
            final Sequence consumed = rings[p].poller.getSequence();
            if (consumed.get() != next[p] - 1)
            {
                consumed.set(next[p] - 1);
            }
        }
    }

    /** @return events waiting in all the rings (racy off the merging stage's thread). */
    long occupancy()
    {
        long waiting = 0;
        for (final Ring<T> ring : rings)
        {
            waiting += ring.occupancy();
        }
        return waiting;
    }
}
