package io.ringflow.operators.cep;

import io.ringflow.operators.Output;
import io.ringflow.operators.Timestamps;
import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import io.ringflow.operators.state.OffHeapHashStore;
import io.ringflow.operators.time.TimerQueue;
import org.agrona.MutableDirectBuffer;

import java.util.List;

/**
 * The compiled state machine of one {@link Pattern} over every key: each key's partial matches form a FIFO,
 * oldest first, kept off-heap in two hash stores, and records are fed to it in the order
 * {@link PatternOperator} documents.
 * <pre>
 *   keys:     key        -&gt; | head seq | tail seq | next evaluation ordinal |          partial matches = [head, tail)
 *   partials: (key, seq) -&gt; | start ordinal | last ordinal | taken (int) | pad | (timestamp, id) x events |
 * </pre>
 * A partial match's state is how many positive records it has taken ({@code taken}); at {@code taken ==
 * events} it waits out its negated stage. Why one FIFO per key suffices: partial matches are created in
 * evaluation order, so their deadlines ({@code first.ts + within}) are in FIFO order and expiry pops from the
 * head; and an older partial match has seen every record a younger one has, and takes the first record for
 * each stage, so it is always at least as far along: the ones a record completes or cancels are also a prefix.
 * Removals therefore leave no holes in practice; a hole would only cost a skipped lookup.
 * <p>
 * Evaluation ordinals number a key's evaluated records while it has partial matches; they decide
 * "started at or before the match's last record" for {@link AfterMatchSkip#SKIP_PAST_LAST_EVENT}. A key whose
 * FIFO empties is removed, so state is held only for keys with partial matches.
 * <p>
 * Threading: the owning operator's. No allocation per record or match once the stores have grown.
 */
final class PartialMatches implements AutoCloseable
{
    private static final int HEAD_OFFSET = 0;
    private static final int TAIL_OFFSET = 8;
    private static final int ORDINAL_OFFSET = 16;
    private static final int KEY_STATE_BYTES = 24;

    private static final int START_ORDINAL_OFFSET = 0;
    private static final int LAST_ORDINAL_OFFSET = 8;
    private static final int TAKEN_OFFSET = 16;
    private static final int EVENTS_OFFSET = 24;
    private static final int EVENT_BYTES = 16;

    private static final int KEPT = 0;
    private static final int COMPLETED = 1;
    private static final int CANCELLED = 2;

    private final String patternName;
    private final int events;
    private final long[] eventBits;
    private final String[] eventStages;
    private final long startBit;
    /** The stages a stored partial match can still take (all but the first), and the absence. */
    private final long advancingBits;
    private final long absenceBit;
    private final long within;
    private final boolean skipPastLastEvent;
    private final OffHeapHashStore keys;
    private final OffHeapHashStore partials;
    private final TimerQueue timers;
    private final long deadlineNamespace;
    private final PatternMatch match;

    private Output<PatternMatch> output;
    private long matched;
    private long timedOut;
    private long expired;
    private long cancelled;
    private long discarded;

    PartialMatches(
        final String name,
        final Pattern<?> pattern,
        final TimerQueue timers,
        final long deadlineNamespace,
        final int expectedKeys)
    {
        this.patternName = pattern.name();
        this.events = pattern.events();
        this.eventBits = new long[events];
        this.eventStages = new String[events];
        for (int i = 0; i < events; i++)
        {
            eventBits[i] = pattern.eventStageBit(i);
            eventStages[i] = pattern.eventStage(i);
        }
        this.startBit = eventBits[0];
        this.absenceBit = pattern.absenceBit();
        long moving = absenceBit;
        for (int i = 1; i < events; i++)
        {
            moving |= eventBits[i];
        }
        this.advancingBits = moving;
        this.within = pattern.within();
        this.skipPastLastEvent = pattern.afterMatchSkip() == AfterMatchSkip.SKIP_PAST_LAST_EVENT;
        this.keys = new OffHeapHashStore(name + ".keys", 1, KEY_STATE_BYTES, expectedKeys);
        this.partials = new OffHeapHashStore(name + ".partials", 2, EVENTS_OFFSET + EVENT_BYTES * events, expectedKeys);
        this.timers = timers;
        this.deadlineNamespace = deadlineNamespace;
        this.match = new PatternMatch(events);
    }

    void open(final Output<PatternMatch> output)
    {
        this.output = output;
    }

    /**
     * Evaluate one record of a key: advance (complete, cancel) the key's partial matches oldest first, then
     * start a new one if the record satisfies the first stage.
     */
    void onEvent(final long key, final long timestamp, final long id, final long mask)
    {
        final boolean starts = (mask & startBit) != 0;
        int keyOffset = keys.find(key, 0, 0);
        if (OffHeapHashStore.NOT_FOUND == keyOffset)
        {
            if (!starts)
            {
                return;
            }
            keyOffset = keys.getOrInsert(key, 0, 0);
        }
        final MutableDirectBuffer keyState = keys.buffer();
        long head = keyState.getLong(keyOffset + HEAD_OFFSET);
        long tail = keyState.getLong(keyOffset + TAIL_OFFSET);
        final long ordinal = keyState.getLong(keyOffset + ORDINAL_OFFSET);

        boolean startsNew = starts;
        boolean prefixGone = true;
        // A stored partial match has taken its first event, so only a later stage or the absence can move it:
        // a record that satisfies neither (most records of a busy key: every "home" payment of "home followed
        // by abroad") leaves every one of them as it is, and is not shown to each (a lookup apiece).
        final long scanTo = (mask & advancingBits) != 0 ? tail : head;
        for (long seq = head; seq < scanTo; seq++)
        {
            final int offset = partials.find(key, seq, 0);
            if (OffHeapHashStore.NOT_FOUND != offset)
            {
                final int outcome = advance(partials.buffer(), offset, timestamp, id, mask, ordinal);
                if (KEPT == outcome)
                {
                    prefixGone = false;
                    continue;
                }
                if (COMPLETED == outcome)
                {
                    emit(key, partials.buffer(), offset, MatchKind.MATCHED, timestamp);
                    matched++;
                }
                else
                {
                    cancelled++;
                }
                partials.removeAt(offset);
                if (COMPLETED == outcome && skipPastLastEvent)
                {
                    // Every other partial match started before this record, and the record itself starts none.
                    discardAll(key, head, tail);
                    head = tail;
                    startsNew = false;
                    break;
                }
            }
            if (prefixGone)
            {
                head = seq + 1;
            }
        }

        if (startsNew)
        {
            final int offset = partials.getOrInsert(key, tail++, 0);
            final MutableDirectBuffer buffer = partials.buffer();
            buffer.putLong(offset + START_ORDINAL_OFFSET, ordinal);
            buffer.putLong(offset + LAST_ORDINAL_OFFSET, ordinal);
            buffer.putInt(offset + TAKEN_OFFSET, 1);
            buffer.putLong(offset + EVENTS_OFFSET, timestamp);
            buffer.putLong(offset + EVENTS_OFFSET + Long.BYTES, id);
            timers.register(deadline(timestamp), key, deadlineNamespace);
        }

        storeOrRemove(keyOffset, head, tail, ordinal + 1);
    }

    /**
     * The deadline {@code first.ts + within} of some partial matches of this key has come, after every record
     * of the key at or before it was evaluated: emit the held absences, drop the incomplete rest.
     */
    void onDeadline(final long key, final long deadline)
    {
        final int keyOffset = keys.find(key, 0, 0);
        if (OffHeapHashStore.NOT_FOUND == keyOffset)
        {
            return;
        }
        final MutableDirectBuffer keyState = keys.buffer();
        final long tail = keyState.getLong(keyOffset + TAIL_OFFSET);
        long discardThrough = -1;
        long seq = keyState.getLong(keyOffset + HEAD_OFFSET);
        for (; seq < tail; seq++)
        {
            final int offset = partials.find(key, seq, 0);
            if (OffHeapHashStore.NOT_FOUND == offset)
            {
                continue;
            }
            final MutableDirectBuffer buffer = partials.buffer();
            if (buffer.getLong(offset + START_ORDINAL_OFFSET) <= discardThrough)
            {
                discarded++;
            }
            else
            {
                final long due = deadline(buffer.getLong(offset + EVENTS_OFFSET));
                if (due > deadline)
                {
                    break;
                }
                if (buffer.getInt(offset + TAKEN_OFFSET) == events && 0 != absenceBit)
                {
                    emit(key, buffer, offset, MatchKind.TIMED_OUT, due);
                    timedOut++;
                    if (skipPastLastEvent)
                    {
                        discardThrough = buffer.getLong(offset + LAST_ORDINAL_OFFSET);
                    }
                }
                else
                {
                    expired++;
                }
            }
            partials.removeAt(offset);
        }
        storeOrRemove(keyOffset, seq, tail, keyState.getLong(keyOffset + ORDINAL_OFFSET));
    }

    /**
     * {@code first.ts + within}, capped at the largest valid event time: results carry it as their timestamp, and
     * {@code Long.MAX_VALUE} is reserved for end of stream. No record can come after the cap, so the bound is unchanged.
     */
    private long deadline(final long firstTimestamp)
    {
        return Math.min(Timestamps.saturatingAdd(firstTimestamp, within), Timestamps.END_OF_STREAM - 1);
    }

    private int advance(
        final MutableDirectBuffer buffer, final int offset, final long timestamp, final long id, final long mask, final long ordinal)
    {
        final int taken = buffer.getInt(offset + TAKEN_OFFSET);
        if (taken == events)
        {
            return (mask & absenceBit) != 0 ? CANCELLED : KEPT;
        }
        if ((mask & eventBits[taken]) == 0)
        {
            return KEPT;
        }
        final int eventOffset = offset + EVENTS_OFFSET + taken * EVENT_BYTES;
        buffer.putLong(eventOffset, timestamp);
        buffer.putLong(eventOffset + Long.BYTES, id);
        buffer.putInt(offset + TAKEN_OFFSET, taken + 1);
        buffer.putLong(offset + LAST_ORDINAL_OFFSET, ordinal);
        return taken + 1 == events && 0 == absenceBit ? COMPLETED : KEPT;
    }

    private void emit(
        final long key, final MutableDirectBuffer buffer, final int offset, final MatchKind kind, final long endTimestamp)
    {
        match.start(patternName, key, kind);
        for (int i = 0; i < events; i++)
        {
            final int eventOffset = offset + EVENTS_OFFSET + i * EVENT_BYTES;
            match.add(eventStages[i], buffer.getLong(eventOffset), buffer.getLong(eventOffset + Long.BYTES));
        }
        match.endTimestamp(endTimestamp);
        output.emit(match, endTimestamp);
    }

    private void discardAll(final long key, final long head, final long tail)
    {
        for (long seq = head; seq < tail; seq++)
        {
            if (partials.remove(key, seq, 0))
            {
                discarded++;
            }
        }
    }

    private void storeOrRemove(final int keyOffset, final long head, final long tail, final long nextOrdinal)
    {
        if (head == tail)
        {
            keys.removeAt(keyOffset);
            return;
        }
        final MutableDirectBuffer keyState = keys.buffer();
        keyState.putLong(keyOffset + HEAD_OFFSET, head);
        keyState.putLong(keyOffset + TAIL_OFFSET, tail);
        keyState.putLong(keyOffset + ORDINAL_OFFSET, nextOrdinal);
    }

    /** Debug view: one line per partial match of the key, oldest first. */
    void describe(final long key, final String prefix, final List<String> lines)
    {
        final int keyOffset = keys.find(key, 0, 0);
        if (OffHeapHashStore.NOT_FOUND == keyOffset)
        {
            return;
        }
        final long head = keys.buffer().getLong(keyOffset + HEAD_OFFSET);
        final long tail = keys.buffer().getLong(keyOffset + TAIL_OFFSET);
        for (long seq = head; seq < tail; seq++)
        {
            final int offset = partials.find(key, seq, 0);
            if (OffHeapHashStore.NOT_FOUND == offset)
            {
                continue;
            }
            final MutableDirectBuffer buffer = partials.buffer();
            final int taken = buffer.getInt(offset + TAKEN_OFFSET);
            final StringBuilder line = new StringBuilder(prefix).append("partial match #").append(seq).append(' ');
            for (int i = 0; i < taken; i++)
            {
                final int eventOffset = offset + EVENTS_OFFSET + i * EVENT_BYTES;
                line.append(i > 0 ? " -> " : "").append(eventStages[i]).append("(ts=").append(buffer.getLong(eventOffset))
                    .append(", id=").append(buffer.getLong(eventOffset + Long.BYTES)).append(')');
            }
            final long due = deadline(buffer.getLong(offset + EVENTS_OFFSET));
            if (taken < events)
            {
                line.append(" waiting for '").append(eventStages[taken]).append("' (record ").append(taken + 1).append(" of ")
                    .append(events).append(") until ").append(due);
            }
            else
            {
                line.append(" no negated record yet; emits TIMED_OUT when the watermark reaches ").append(due);
            }
            lines.add(line.toString());
        }
    }

    int size()
    {
        return partials.size();
    }

    long matched()
    {
        return matched;
    }

    long timedOut()
    {
        return timedOut;
    }

    long expired()
    {
        return expired;
    }

    long cancelled()
    {
        return cancelled;
    }

    long discarded()
    {
        return discarded;
    }

    long memoryBytes()
    {
        return keys.memoryBytes() + partials.memoryBytes();
    }

    void snapshot(final SnapshotWriter out)
    {
        out.putLong(matched).putLong(timedOut).putLong(expired).putLong(cancelled).putLong(discarded);
        keys.snapshot(out);
        partials.snapshot(out);
    }

    void restore(final SnapshotReader in)
    {
        matched = in.getLong();
        timedOut = in.getLong();
        expired = in.getLong();
        cancelled = in.getLong();
        discarded = in.getLong();
        keys.restore(in);
        partials.restore(in);
    }

    @Override
    public void close()
    {
        keys.close();
        partials.close();
    }
}
