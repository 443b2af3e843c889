package io.ringflow.operators.table;

import io.ringflow.operators.KeySelector;
import io.ringflow.operators.record.RecordCodec;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Configures a {@link TableJoinOperator}; validated once, in {@link #build}. Defaults:
 * {@link LookupMode#LATEST}, {@link MissPolicy#DROP_TO_SIDE_OUTPUT}, 1024 expected keys.
 * <p>
 * Threading: set-up time, one thread.
 *
 * @param <S> stream record type.
 * @param <C> changelog record type.
 */
public final class TableJoinBuilder<S, C>
{
    /** Versions per key in temporal mode unless told otherwise. */
    public static final int DEFAULT_MAX_VERSIONS = 4;

    final String name;
    final KeySelector<S> streamKey;
    final ChangelogReader<C> changelog;
    LookupMode mode = LookupMode.LATEST;
    int maxVersions = 1;
    long retention;
    MissPolicy missPolicy = MissPolicy.DROP_TO_SIDE_OUTPUT;
    MissPolicy fallback = MissPolicy.DROP_TO_SIDE_OUTPUT;
    RecordCodec<S> streamCodec;
    C defaultRecord;
    int expectedKeys = 1024;
    int expectedHeld = 1024;

    TableJoinBuilder(final String name, final KeySelector<S> streamKey, final ChangelogReader<C> changelog)
    {
        this.name = Objects.requireNonNull(name, "name");
        this.streamKey = Objects.requireNonNull(streamKey, "streamKey");
        this.changelog = Objects.requireNonNull(changelog, "changelog");
    }

    /**
     * Join with the key's current value, at once (the default).
     *
     * @return this.
     */
    public TableJoinBuilder<S, C> latest()
    {
        mode = LookupMode.LATEST;
        maxVersions = 1;
        retention = 0;
        return this;
    }

    /**
     * Join with the value as of the stream record's event time, once the watermark has passed it. Needs a
     * {@link #streamCodec}.
     *
     * @param maxVersions versions kept per key, 1 to 32: size it for the updates a key gets within the
     *                    watermark delay (plus {@code retention}).
     * @param retention   how far behind the watermark a stream record may still be joined (its versions are
     *                    kept that long); 0 rejects every late record, as Flink does.
     * @return this.
     */
    public TableJoinBuilder<S, C> temporal(final int maxVersions, final long retention)
    {
        mode = LookupMode.TEMPORAL;
        this.maxVersions = maxVersions;
        this.retention = retention;
        return this;
    }

    /**
     * @param policy {@link MissPolicy#DROP_TO_SIDE_OUTPUT} or {@link MissPolicy#EMIT_WITH_DEFAULTS}; for
     *               {@link MissPolicy#HOLD_UNTIL_WATERMARK} the fallback is {@link MissPolicy#DROP_TO_SIDE_OUTPUT}.
     * @return this.
     */
    public TableJoinBuilder<S, C> missPolicy(final MissPolicy policy)
    {
        return missPolicy(policy, MissPolicy.DROP_TO_SIDE_OUTPUT);
    }

    /**
     * @param policy   what to do on a miss.
     * @param fallback after {@link MissPolicy#HOLD_UNTIL_WATERMARK}, what to do on the second miss: drop or emit.
     * @return this.
     */
    public TableJoinBuilder<S, C> missPolicy(final MissPolicy policy, final MissPolicy fallback)
    {
        this.missPolicy = Objects.requireNonNull(policy, "policy");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        return this;
    }

    /**
     * The value the join function gets on a miss under {@link MissPolicy#EMIT_WITH_DEFAULTS}, given as an
     * upsert: encoded and decoded once, at build time. Without it the function gets {@code null}.
     *
     * @param upsert a changelog record whose value is the default.
     * @return this.
     */
    public TableJoinBuilder<S, C> defaultValue(final C upsert)
    {
        this.defaultRecord = Objects.requireNonNull(upsert, "upsert");
        return this;
    }

    /**
     * @param codec encodes stream records held off-heap until the watermark (temporal mode, or
     *              {@link MissPolicy#HOLD_UNTIL_WATERMARK}).
     * @return this.
     */
    public TableJoinBuilder<S, C> streamCodec(final RecordCodec<S> codec)
    {
        this.streamCodec = Objects.requireNonNull(codec, "codec");
        return this;
    }

    /**
     * @param keys table keys expected, to presize the table so that it does not grow.
     * @return this.
     */
    public TableJoinBuilder<S, C> expectedKeys(final int keys)
    {
        this.expectedKeys = keys;
        return this;
    }

    /**
     * @param records stream records (at most; distinct timestamps, exactly) expected to wait for the watermark
     *                at once, to presize the index of their timestamps.
     * @return this.
     */
    public TableJoinBuilder<S, C> expectedHeld(final int records)
    {
        this.expectedHeld = records;
        return this;
    }

    /**
     * @param decoder      how the join function sees a stored value.
     * @param function     the join.
     * @param outputRecord creates the one output record the function fills; called once.
     * @param <V>          value view type.
     * @param <O>          output type.
     * @return the operator, not yet opened.
     * @throws IllegalArgumentException naming what is inconsistent.
     */
    public <V, O> TableJoinOperator<S, C, O> build(
        final TableValueDecoder<V> decoder, final TableJoinFunction<S, V, O> function, final Supplier<O> outputRecord)
    {
        Objects.requireNonNull(decoder, "decoder");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(outputRecord, "outputRecord");
        final boolean temporal = mode == LookupMode.TEMPORAL;
        require(!temporal || (maxVersions >= 1 && maxVersions <= VersionedTable.MAX_VERSIONS),
            "max versions must be in [1, " + VersionedTable.MAX_VERSIONS + "], was " + maxVersions);
        require(retention >= 0, "retention must be >= 0, was " + retention);
        require(fallback != MissPolicy.HOLD_UNTIL_WATERMARK, "the fallback after holding must be DROP_TO_SIDE_OUTPUT or EMIT_WITH_DEFAULTS");
        require(expectedKeys > 0, "expected keys must be > 0, was " + expectedKeys);
        require(expectedHeld >= 0, "expected held records must be >= 0, was " + expectedHeld);
        require(changelog.valueBytes() >= 0, "the changelog's value bytes must be >= 0, was " + changelog.valueBytes());
        final boolean holds = temporal || missPolicy == MissPolicy.HOLD_UNTIL_WATERMARK;
        require(!holds || streamCodec != null, (temporal ? "a temporal join" : "HOLD_UNTIL_WATERMARK") +
            " holds stream records off-heap until the watermark: give a streamCodec");
        final MissPolicy effective = missPolicy == MissPolicy.HOLD_UNTIL_WATERMARK ? fallback : missPolicy;
        require(defaultRecord == null || effective == MissPolicy.EMIT_WITH_DEFAULTS,
            "a default value is only used by EMIT_WITH_DEFAULTS (directly or as the fallback after holding)");

        UnsafeBuffer defaultBytes = null;
        if (defaultRecord != null)
        {
            require(!changelog.isDelete(defaultRecord), "the default value must be given as an upsert, not a delete");
            defaultBytes = new UnsafeBuffer(new byte[Math.max(8, changelog.valueBytes())]);
            changelog.encodeValue(defaultRecord, defaultBytes, 0);
        }
        final ValueJoiner<S, V, O> joiner = new ValueJoiner<>(decoder, function, defaultBytes,
            Objects.requireNonNull(outputRecord.get(), "outputRecord returned null"));
        return new TableJoinOperator<>(this, joiner, configuration(holds));
    }

    private String configuration(final boolean holds)
    {
        return "mode=" + mode + ", maxVersions=" + maxVersions + ", retention=" + retention + ", miss=" + missPolicy +
            ", fallback=" + fallback + ", valueBytes=" + changelog.valueBytes() +
            (holds ? ", streamCodec=" + streamCodec.schemaId() + "/" + streamCodec.schemaVersion() : "");
    }

    private void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException("table join '" + name + "': " + message);
        }
    }
}
