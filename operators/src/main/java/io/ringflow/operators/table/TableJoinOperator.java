package io.ringflow.operators.table;

import io.ringflow.operators.KeySelector;
import io.ringflow.operators.Output;
import io.ringflow.operators.RejectReason;
import io.ringflow.operators.Rejected;
import io.ringflow.operators.Timestamps;
import io.ringflow.operators.TwoInputOperator;
import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import io.ringflow.operators.time.TimerQueue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Enriches a stream (left input) from a table built from a changelog (right input): upserts and
 * deletes by key, held off-heap. Built with {@link #builder}.
 * <pre>{@code
 * TableJoinOperator<Trade, RateUpdate, Enriched> join = TableJoinOperator
 *     .builder("enrich", Trade::instrument, RATE_CHANGELOG)      // KeySelector<Trade>, ChangelogReader<RateUpdate>
 *     .temporal(8, 0)                                             // 8 versions per key, no retention
 *     .streamCodec(TRADE_CODEC)                                   // trades wait off-heap for the watermark
 *     .missPolicy(MissPolicy.DROP_TO_SIDE_OUTPUT)
 *     .expectedKeys(10_000)
 *     .build(RATE_VIEW, (trade, rate, out) -> out.set(trade, rate.mid()), Enriched::new);
 * }</pre>
 *
 * <h2>{@link LookupMode#LATEST}</h2>
 * One value per key. Changelog records apply in arrival order (their timestamps are kept for
 * {@link #describeKey} only, and may be any value); a delete removes the key. A stream record is joined at
 * once with its key's current value, whatever its timestamp and the watermark.
 *
 * <h2>{@link LookupMode#TEMPORAL}</h2>
 * Per key, the versions of the last {@code maxVersions} changelog timestamps, sorted by timestamp; a delete
 * is a version too (a tombstone). Exactly:
 * <ul>
 * <li><b>Which version.</b> A stream record at {@code t} joins the version with the greatest timestamp
 * {@code <= t}: a version at exactly {@code t} applies (a record at {@code t - 1} still sees the previous
 * one). If that version is a delete, or there is none, it is a miss.</li>
 * <li><b>Equal changelog timestamps.</b> Two changelog records of a key at the same timestamp are one
 * version: the one that arrives later replaces the earlier (an upsert or a delete alike).</li>
 * <li><b>Waiting for the watermark.</b> A stream record at {@code t > watermark} is held off-heap until the
 * watermark reaches {@code t}: only then has every changelog record at or before {@code t} arrived (the
 * combined watermark is the minimum of both inputs', so it passes {@code t} only after the changelog's
 * does). Held records are then joined in (timestamp, arrival) order, before the watermark is forwarded,
 * and emitted with their own timestamps. As in Flink's event-time temporal join, output therefore lags
 * the input by the watermark delay; an idle changelog (excluded from the minimum) no longer holds records
 * back, and they are joined with what has arrived.</li>
 * <li><b>Late stream records.</b> A record at {@code t <= watermark} has missed its release. With
 * {@code retention} {@code R > 0}, one at {@code watermark - R < t <= watermark} is joined at once (its
 * version is final, and still held); one at {@code t <= watermark - R} (every late one when {@code R = 0})
 * goes to {@link Rejected#TAG} with {@link RejectReason#LATE}.</li>
 * <li><b>Late changelog records.</b> One at {@code watermark - R < t <= watermark} is applied and counted
 * ({@link TableJoinCounters#lateChangelogRecords()}); outputs already emitted are not revised, only stream
 * records joined afterwards see it. One at {@code t <= watermark - R} goes to {@link Rejected#TAG} with
 * {@link RejectReason#LATE}, not applied: the history before {@code watermark - R} has been pruned (below),
 * so such a version could no longer be placed exactly — a delete it predates may be gone, and it would
 * wrongly come back in force.</li>
 * <li><b>History bounds.</b> (1) Count: at most {@code maxVersions} per key; inserting one more evicts the
 * oldest, which is the new version itself when it is older than all held. (2) Time: versions superseded at
 * or before {@code watermark - R} (their successor's timestamp is) can no longer be chosen by an admitted
 * record and are dropped when the key is next written; a delete in force at {@code watermark - R} is
 * dropped too, and the key when nothing is left (a timer at {@code delete + R} does it for keys not
 * written again). Since records of either input at or below {@code watermark - R} are rejected, this
 * pruning never changes a result.</li>
 * <li><b>Evicted version.</b> When the version a record wants was evicted by the count bound — the key held
 * a version at or before {@code t} but all versions still held are newer — the record is not joined with a
 * wrong version: it is a miss of kind {@link RejectReason#VERSION_EVICTED}, handled by the miss policy
 * (rejected with that reason, or joined with the default), and counted in
 * {@link TableJoinCounters#evictedMisses()}. Size {@code maxVersions} for the changelog updates a key can
 * receive within the watermark delay.</li>
 * </ul>
 *
 * <h2>Misses</h2>
 * See {@link MissPolicy}: rejected with {@link RejectReason#NO_MATCH}, joined with a default value (or
 * {@code null}), or held until the watermark and tried again.
 *
 * <h2>Bootstrap</h2>
 * The table can be filled before the stream starts with {@link #bootstrap}, one changelog record at a time
 * (from a changelog journal: {@code io.ringflow.journal.TableBootstrap}), or restored from a snapshot.
 *
 * <h2>Timestamps</h2>
 * A stream record with a reserved timestamp is rejected with {@link RejectReason#INVALID_TIMESTAMP} where
 * its timestamp matters (temporal mode, or a held miss); so is a temporal changelog record.
 * <p>
 * State: the table ({@code 16 + maxVersions * (8 + valueBytes rounded up to 8)} bytes per key plus the hash
 * table's spare capacity), the held stream records ({@code 16 + maxEncodedLength} bytes each, in 512-byte
 * blocks chained per distinct timestamp) and one cleanup timer per delete. Nothing is allocated per record
 * in steady state. Releasing held records reads the table slots of {@value #PREFETCH_BATCH} records back to
 * back before joining them, so that at millions of keys their cache misses overlap.
 * <p>
 * Threading: the runtime contract of {@code io.ringflow.operators}: one thread at a time.
 *
 * @param <S> stream (left) record type.
 * @param <C> changelog (right) record type.
 * @param <O> output type.
 */
public final class TableJoinOperator<S, C, O> implements TwoInputOperator<S, C, O>
{
    /** Released records read the table slots of this many records at once, so that their cache misses overlap. */
    static final int PREFETCH_BATCH = 8;

    private final String name;
    private final String configuration;
    private final boolean temporal;
    private final KeySelector<S> streamKey;
    private final ChangelogReader<C> changelog;
    private final ValueJoiner<S, ?, O> joiner;
    private final MissPolicy finalMissPolicy;
    private final boolean holdMisses;
    private final long retention;
    private final VersionedTable table;
    private final HeldRecords<S> held;
    private final TimerQueue cleanup;
    private final TableJoinCounters counters = new TableJoinCounters();
    private final Rejected<S> rejectedStream = new Rejected<>();
    private final Rejected<C> rejectedChangelog = new Rejected<>();

    private Output<O> output;
    private long watermark = Timestamps.MIN_WATERMARK;
    /** Folds the prefetching reads into a field, so that the compiler keeps them. */
    private long prefetched;

    TableJoinOperator(final TableJoinBuilder<S, C> builder, final ValueJoiner<S, ?, O> joiner, final String configuration)
    {
        this.name = builder.name;
        this.configuration = configuration;
        this.temporal = builder.mode == LookupMode.TEMPORAL;
        this.streamKey = builder.streamKey;
        this.changelog = builder.changelog;
        this.joiner = joiner;
        this.finalMissPolicy = builder.missPolicy == MissPolicy.HOLD_UNTIL_WATERMARK ? builder.fallback : builder.missPolicy;
        this.holdMisses = !temporal && builder.missPolicy == MissPolicy.HOLD_UNTIL_WATERMARK;
        this.retention = builder.retention;
        this.table = new VersionedTable(name + ".table", temporal ? builder.maxVersions : 1, changelog.valueBytes(),
            builder.expectedKeys);
        this.held = temporal || holdMisses ? new HeldRecords<>(name, builder.streamCodec, builder.expectedHeld) : null;
        this.cleanup = temporal ? TimerQueue.appendOnly(name + ".cleanup", 64) : null;
    }

    /**
     * @param name      names the operator in errors, rejections and snapshots.
     * @param streamKey the stream record's table key.
     * @param changelog reads the changelog.
     * @param <S>       stream record type.
     * @param <C>       changelog record type.
     * @return a builder, in {@link LookupMode#LATEST} mode with {@link MissPolicy#DROP_TO_SIDE_OUTPUT} until told otherwise.
     */
    public static <S, C> TableJoinBuilder<S, C> builder(
        final String name, final KeySelector<S> streamKey, final ChangelogReader<C> changelog)
    {
        return new TableJoinBuilder<>(name, streamKey, changelog);
    }

    @Override
    public void open(final Output<O> output)
    {
        if (this.output != null)
        {
            throw new IllegalStateException("table join '" + name + "' is already open");
        }
        this.output = Objects.requireNonNull(output, "output");
    }

    @Override
    public void processLeft(final S record, final long timestamp)
    {
        if (temporal)
        {
            if (timestamp > watermark && timestamp != Timestamps.END_OF_STREAM)
            {
                held.add(record, streamKey.key(record), timestamp);
                counters.held++;
                return;
            }
            lateOrInvalidSlowPath(record, timestamp);
            return;
        }

        final int offset = table.lookupLatest(streamKey.key(record));
        if (offset >= 0)
        {
            counters.matched++;
            output.emit(joiner.hit(record, table.buffer(), offset), timestamp);
        }
        else if (holdMisses)
        {
            holdMissSlowPath(record, timestamp);
        }
        else
        {
            miss(record, timestamp, VersionedTable.NO_MATCH);
        }
    }

    private void lateOrInvalidSlowPath(final S record, final long timestamp)
    {
        if (!Timestamps.isValidEventTime(timestamp))
        {
            rejectStream(record, timestamp, RejectReason.INVALID_TIMESTAMP);
            counters.invalidTimestampRecords++;
        }
        else if (timestamp > pruneBound())
        {
            joinAsOf(record, streamKey.key(record), timestamp);
        }
        else
        {
            rejectStream(record, timestamp, RejectReason.LATE);
            counters.lateRecords++;
        }
    }

    private void holdMissSlowPath(final S record, final long timestamp)
    {
        if (!Timestamps.isValidEventTime(timestamp))
        {
            rejectStream(record, timestamp, RejectReason.INVALID_TIMESTAMP);
            counters.invalidTimestampRecords++;
        }
        else if (timestamp > watermark)
        {
            held.add(record, streamKey.key(record), timestamp);
            counters.held++;
        }
        else
        {
            miss(record, timestamp, VersionedTable.NO_MATCH);
        }
    }

    @Override
    public void processRight(final C record, final long timestamp)
    {
        if (temporal)
        {
            if (!Timestamps.isValidEventTime(timestamp))
            {
                counters.invalidTimestampRecords++;
                output.emitSide(Rejected.<C>tag(),
                    rejectedChangelog.set(name, record, timestamp, RejectReason.INVALID_TIMESTAMP, watermark), timestamp);
                return;
            }
            if (timestamp <= watermark)
            {
                lateChangelogSlowPath(record, timestamp);
                return;
            }
        }
        apply(record, timestamp);
    }

    private void lateChangelogSlowPath(final C record, final long timestamp)
    {
        if (timestamp > pruneBound())
        {
            counters.lateChangelogRecords++;
            apply(record, timestamp);
        }
        else
        {
            counters.lateRecords++;
            output.emitSide(Rejected.<C>tag(), rejectedChangelog.set(name, record, timestamp, RejectReason.LATE, watermark), timestamp);
        }
    }

    /**
     * Apply one changelog record to the table without emitting anything: how a table is loaded before the
     * stream starts ({@code io.ringflow.journal.TableBootstrap.fromJournal} calls this for every record of a
     * changelog journal), or topped up between records. As {@link #processRight} otherwise: before the first watermark
     * a temporal table keeps every version within its count bound; after it, a record at or below
     * {@code watermark - retention} is not applied. May be called before {@link #open}.
     *
     * @param record    a changelog record, valid only during this call.
     * @param timestamp its event time; in temporal mode not a reserved value.
     * @return false if it was too late to apply (temporal mode, at or below {@code watermark - retention}).
     * @throws IllegalArgumentException for a reserved timestamp in temporal mode.
     */
    public boolean bootstrap(final C record, final long timestamp)
    {
        if (temporal)
        {
            if (!Timestamps.isValidEventTime(timestamp))
            {
                throw new IllegalArgumentException("table join '" + name + "': cannot bootstrap a temporal table with reserved timestamp " +
                    timestamp);
            }
            if (timestamp <= pruneBound())
            {
                return false;
            }
        }
        apply(record, timestamp);
        return true;
    }

    private void apply(final C record, final long timestamp)
    {
        counters.changelogRecords++;
        final long key = changelog.key(record);
        final boolean delete = changelog.isDelete(record);
        if (!temporal)
        {
            if (delete)
            {
                table.remove(key);
            }
            else
            {
                final int offset = table.putLatest(key, timestamp);
                changelog.encodeValue(record, table.buffer(), offset);
            }
            return;
        }

        final int offset = table.insert(key, timestamp, delete, pruneBound());
        if (offset >= 0)
        {
            if (delete)
            {
                cleanup.register(Timestamps.saturatingAdd(timestamp, retention), key, 0);
            }
            else
            {
                changelog.encodeValue(record, table.buffer(), offset);
            }
        }
    }

    @Override
    public void processWatermark(final long watermark)
    {
        if (watermark <= this.watermark)
        {
            return;
        }
        this.watermark = watermark;
        if (null != held)
        {
            final HeldRecords<S> held = this.held;
            long touched = 0;
            int untouched = 0;
            while (held.poll(watermark))
            {
                if (0 == untouched)
                {
                    // this record's table slot and the next ones' read back to back: their cache misses overlap
                    touched ^= table.touch(held.key());
                    for (untouched = 1; untouched < PREFETCH_BATCH; untouched++)
                    {
                        final long keyAhead = held.keyAhead(untouched - 1);
                        if (keyAhead == Long.MIN_VALUE)
                        {
                            break;
                        }
                        touched ^= table.touch(keyAhead);
                    }
                }
                untouched--;
                release(held.record(), held.key(), held.timestamp());
            }
            prefetched ^= touched;
        }
        if (null != cleanup)
        {
            final long bound = pruneBound();
            while (cleanup.poll(watermark))
            {
                table.prune(cleanup.key(), bound);
            }
        }
        output.emitWatermark(watermark);
    }

    private void release(final S record, final long key, final long timestamp)
    {
        if (temporal)
        {
            joinAsOf(record, key, timestamp);
            return;
        }
        final int offset = table.lookupLatest(key);
        if (offset >= 0)
        {
            counters.matched++;
            output.emit(joiner.hit(record, table.buffer(), offset), timestamp);
        }
        else
        {
            miss(record, timestamp, VersionedTable.NO_MATCH);
        }
    }

    private void joinAsOf(final S record, final long key, final long timestamp)
    {
        final int offset = table.lookupAsOf(key, timestamp);
        if (offset >= 0)
        {
            counters.matched++;
            output.emit(joiner.hit(record, table.buffer(), offset), timestamp);
        }
        else
        {
            miss(record, timestamp, offset);
        }
    }

    private void miss(final S record, final long timestamp, final int kind)
    {
        final boolean evicted = kind == VersionedTable.EVICTED;
        if (evicted)
        {
            counters.evictedMisses++;
        }
        else
        {
            counters.missed++;
        }
        if (finalMissPolicy == MissPolicy.EMIT_WITH_DEFAULTS)
        {
            output.emit(joiner.miss(record), timestamp);
        }
        else
        {
            rejectStream(record, timestamp, evicted ? RejectReason.VERSION_EVICTED : RejectReason.NO_MATCH);
        }
    }

    private void rejectStream(final S record, final long timestamp, final RejectReason reason)
    {
        output.emitSide(Rejected.<S>tag(), rejectedStream.set(name, record, timestamp, reason, watermark), timestamp);
    }

    /** @return the greatest lookup time no longer admitted: {@code watermark - retention}, saturated. */
    private long pruneBound()
    {
        return watermark < Long.MIN_VALUE + retention ? Long.MIN_VALUE : watermark - retention;
    }

    @Override
    public void processIdle()
    {
        output.emitIdle();
    }

    /** @return what the operator did so far. */
    public TableJoinCounters counters()
    {
        return counters;
    }

    /** @return keys in the table. */
    public int tableKeys()
    {
        return table.size();
    }

    /** @return stream records held now. */
    public int heldRecords()
    {
        return null == held ? 0 : held.size();
    }

    /** @return table versions evicted by the history's count bound so far. */
    public long evictedVersions()
    {
        return table.evictedVersions();
    }

    /** @return table versions dropped because no admitted lookup could choose them any more. */
    public long prunedVersions()
    {
        return table.prunedVersions();
    }

    /** @return the last watermark processed. */
    public long watermark()
    {
        return watermark;
    }

    /** @return off-heap bytes held. */
    public long memoryBytes()
    {
        return table.memoryBytes() + (null == held ? 0 : held.memoryBytes()) + (null == cleanup ? 0 : cleanup.memoryBytes());
    }

    /**
     * One line per table version of the key, oldest first, and one per stream record of the key held for
     * the watermark, earliest first.
     */
    @Override
    public void describeKey(final long key, final List<String> lines)
    {
        final String prefix = "table join '" + name + "': key " + key + " ";
        table.describe(key, temporal ? pruneBound() : Long.MIN_VALUE, joiner::describe, prefix, lines);
        if (null != held)
        {
            final List<String> waiting = new ArrayList<>();
            final List<Long> times = new ArrayList<>();
            held.forEach((record, timestamp) ->
            {
                if (streamKey.key(record) == key)
                {
                    int at = 0;
                    while (at < times.size() && times.get(at) <= timestamp)
                    {
                        at++;
                    }
                    times.add(at, timestamp);
                    waiting.add(at, prefix + "holds stream record @" + timestamp + " " + record + " until the watermark (now " +
                        watermark + ") reaches it");
                }
            });
            lines.addAll(waiting);
        }
    }

    @Override
    public String snapshotType()
    {
        return "table-join";
    }

    @Override
    public int snapshotVersion()
    {
        return 1;
    }

    @Override
    public void snapshotState(final SnapshotWriter out)
    {
        out.putString(configuration).putLong(watermark);
        counters.snapshot(out);
        table.snapshot(out);
        if (null != held)
        {
            held.snapshot(out);
        }
        if (null != cleanup)
        {
            cleanup.snapshot(out);
        }
    }

    @Override
    public void restoreState(final SnapshotReader in, final int version)
    {
        final String stored = in.getString();
        if (!stored.equals(configuration))
        {
            throw in.corrupt("table join '" + name + "' snapshot was taken with " + stored + " but the operator is configured as " +
                configuration);
        }
        watermark = in.getLong();
        counters.restore(in);
        table.restore(in);
        if (null != held)
        {
            held.restore(in);
        }
        if (null != cleanup)
        {
            cleanup.restore(in);
        }
    }

    @Override
    public void close()
    {
        table.close();
        if (null != held)
        {
            held.close();
        }
        if (null != cleanup)
        {
            cleanup.close();
        }
    }

    @Override
    public String toString()
    {
        return "TableJoinOperator '" + name + "' " + configuration;
    }
}
