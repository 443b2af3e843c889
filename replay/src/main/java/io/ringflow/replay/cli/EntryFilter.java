package io.ringflow.replay.cli;

import io.ringflow.journal.RawJournalEntry;

/**
 * Which entries {@code journal dump} and {@code journal tail} print: an index range (both ends included),
 * an event-time range ({@code [from, to)}, as window ends are exclusive) and a key. A time or key filter
 * selects records only, so it leaves control entries out.
 * <p>
 * Threading: immutable.
 */
final class EntryFilter
{
    private final long fromTime;
    private final long toTime;
    private final long toIndex;
    private final boolean byTime;
    private final boolean byKey;
    private final long key;

    /**
     * @param toIndex  the last index to print, or null for no end.
     * @param fromTime the first event time to print, or null.
     * @param toTime   the event time to stop before, or null.
     * @param key      the only key to print, or null.
     */
    EntryFilter(final Long toIndex, final Long fromTime, final Long toTime, final Long key)
    {
        this.toIndex = null == toIndex ? Long.MAX_VALUE : toIndex;
        this.byTime = null != fromTime || null != toTime;
        this.fromTime = null == fromTime ? Long.MIN_VALUE : fromTime;
        this.toTime = null == toTime ? Long.MAX_VALUE : toTime;
        this.byKey = null != key;
        this.key = null == key ? 0 : key;
    }

    /** @return a filter that keeps only records of one key, or everything if {@code key} is null. */
    static EntryFilter byKey(final Long key)
    {
        return new EntryFilter(null, null, null, key);
    }

    /** @return whether a key is asked for, so that records must be decoded. */
    boolean byKey()
    {
        return byKey;
    }

    /**
     * @param entry the entry just read.
     * @return true if it, and every later one, lies past the range: reading can stop.
     */
    boolean isPastEnd(final RawJournalEntry entry)
    {
        return entry.index() > toIndex;
    }

    /**
     * @param entry the entry just read.
     * @return false if its header alone rules it out.
     */
    boolean acceptsHeader(final RawJournalEntry entry)
    {
        if (!byTime && !byKey)
        {
            return true;
        }
        if (!entry.isRecord())
        {
            return false;
        }
        final long timestamp = entry.timestamp();
        return !byTime || (timestamp >= fromTime && timestamp < toTime);
    }

    /**
     * @param recordKey the key of the record, decoded.
     * @return whether the key filter keeps it.
     */
    boolean acceptsKey(final long recordKey)
    {
        return !byKey || recordKey == key;
    }
}
