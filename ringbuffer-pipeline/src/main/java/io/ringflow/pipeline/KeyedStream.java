package io.ringflow.pipeline;

import io.ringflow.operators.KeySelector;
import io.ringflow.operators.cep.IdSelector;
import io.ringflow.operators.cep.Pattern;
import io.ringflow.operators.cep.PatternMatch;
import io.ringflow.operators.cep.PatternOperator;
import io.ringflow.operators.dedup.DedupOperator;
import io.ringflow.operators.process.KeyedProcessFunction;
import io.ringflow.operators.process.KeyedProcessOperator;
import io.ringflow.operators.window.WindowAssigner;

import java.util.Objects;

/**
 * A stream with a key: what windows, deduplication and keyed processing need. Keyed operators require
 * event time ({@link Stream#assignTimestamps}) upstream; {@link Pipeline#build()} says so when it is
 * missing.
 * <p>
 * Threading: record on one thread.
 *
 * @param <I> the pipeline's ingress record type.
 * @param <T> record type.
 */
public final class KeyedStream<I, T>
{
    /** Keys a keyed operator sizes its state for up front; it grows past this without a pause. */
    public static final int DEFAULT_EXPECTED_KEYS = 1 << 16;

    final Stream<I, T> stream;
    final KeySelector<T> key;

    KeyedStream(final Pipeline<I> pipeline, final RecordType<T> type, final boolean eventTime, final KeySelector<T> key)
    {
        this.stream = new Stream<>(pipeline, type, eventTime);
        this.key = key;
    }

    /**
     * Run what follows in a new stage of {@code threads} partitions, each owning the keys that hash to it,
     * so that every key's records stay in order on one thread. The next stage merges the partitions (the
     * DSL adds one before a sink); in a {@link ProducerMode#SEQUENCED} pipeline it merges them in the
     * order their inputs were routed, so outputs, their keys and checkpoints are the same on every run.
     *
     * @param stageName the new stage's name.
     * @param threads   partitions, {@code >= 1}.
     * @return this keyed stream, on the new stage.
     */
    public KeyedStream<I, T> parallelism(final String stageName, final int threads)
    {
        if (threads < 1)
        {
            throw new IllegalArgumentException("stage '" + stageName + "': parallelism must be >= 1, was " + threads);
        }
        stream.cut(stageName, threads, key);
        return this;
    }

    /**
     * {@link #parallelism(String, int)} with the stage named {@code keyed-<n>}, n its position.
     *
     * @param threads partitions.
     * @return this keyed stream, on the new stage.
     */
    public KeyedStream<I, T> parallelism(final int threads)
    {
        return parallelism("keyed-" + stream.pipeline.stages.size(), threads);
    }

    /**
     * @param assigner which windows each record belongs to.
     * @return the windowed stream, to aggregate.
     */
    public WindowedStream<I, T> window(final WindowAssigner assigner)
    {
        return new WindowedStream<>(this, Objects.requireNonNull(assigner, "assigner"));
    }

    /**
     * Drop a record whose key was seen within {@code ttl} (event time) before; duplicates are rejected
     * with {@code RejectReason.DUPLICATE} (route them with {@link Stream#rejected}).
     *
     * @param name operator name.
     * @param ttl  how long a key is remembered, in event-time units.
     * @return the first record of each key within the ttl.
     */
    public Stream<I, T> dedup(final String name, final long ttl)
    {
        requireEventTime("dedup", name);
        return stream.add(name, () -> new DedupOperator<>(name, key, ttl, DEFAULT_EXPECTED_KEYS), stream.type);
    }

    /**
     * Find a sequence pattern per key ({@code Patterns.begin(..).followedBy(..).within(t)} and the like): in
     * event time, records buffered until the watermark passes them, late ones rejected with
     * {@code RejectReason.LATE}. See {@link PatternOperator} for the exact semantics.
     *
     * @param name    operator name.
     * @param pattern what to find.
     * @param id      the id each matched record is reported by (a transaction id, say).
     * @return one {@link PatternMatch} per match (or timeout, for {@code notFollowedBy}).
     */
    public Stream<I, PatternMatch> pattern(final String name, final Pattern<T> pattern, final IdSelector<T> id)
    {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(id, "id");
        requireEventTime("pattern", name);
        final int capacity = pattern.events();
        return stream.add(name, () -> new PatternOperator<>(name, key, id, pattern, DEFAULT_EXPECTED_KEYS),
            RecordType.of("PatternMatch", () -> new PatternMatch(capacity), (from, to) -> to.copyFrom(from)));
    }

    /**
     * @param name       operator name.
     * @param function   per-key logic with keyed state and event-time timers.
     * @param outputType its output records' type.
     * @param <R>        output type.
     * @return the emitted records.
     */
    public <R> Stream<I, R> process(
        final String name, final KeyedProcessFunction<T, R> function, final RecordType<R> outputType)
    {
        Objects.requireNonNull(function, "function");
        requireEventTime("keyed process", name);
        return stream.add(name, () -> new KeyedProcessOperator<>(name, key, function, DEFAULT_EXPECTED_KEYS),
            Objects.requireNonNull(outputType, "outputType"));
    }

    void requireEventTime(final String what, final String name)
    {
        if (!stream.eventTime)
        {
            stream.pipeline.problems.add(what + " '" + name + "' in stage '" + stream.pipeline.currentStage().name +
                "' needs event time: call assignTimestamps(...) before it");
        }
    }
}
