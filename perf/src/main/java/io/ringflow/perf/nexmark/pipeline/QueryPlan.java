package io.ringflow.perf.nexmark.pipeline;

import io.ringflow.operators.OneInputOperator;
import io.ringflow.operators.Output;
import io.ringflow.perf.nexmark.NexmarkBenchmark;
import io.ringflow.perf.nexmark.NexmarkDriver;
import io.ringflow.perf.nexmark.NexmarkEvent;
import io.ringflow.perf.nexmark.NexmarkGenerator;
import io.ringflow.perf.nexmark.NexmarkQuery;
import io.ringflow.perf.nexmark.NexmarkStream;
import io.ringflow.perf.nexmark.Q0PassThrough;
import io.ringflow.perf.nexmark.Q1CurrencyConversion;
import io.ringflow.perf.nexmark.Q2Selection;
import io.ringflow.perf.nexmark.Q5HotItems;
import io.ringflow.perf.nexmark.Q7HighestBid;
import io.ringflow.perf.nexmark.Q8NewUsers;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One Nexmark query as every engine of {@link NexmarkPipelineBenchmark} needs it: Ringflow's operator chain
 * (for a stage to open), the hand-written query (for a consumer thread), a fingerprint of its result type, and
 * the single-thread reference run that a pipeline's results are checked against.
 * <p>
 * Threading: immutable; {@link #reference} runs on the calling thread.
 *
 * @param <R> the query's result type.
 */
public final class QueryPlan<R>
{
    private final NexmarkBenchmark.Query query;
    private final Supplier<OneInputOperator<NexmarkEvent, R>> chain;
    private final Function<Output<R>, NexmarkQuery> handwritten;
    private final Supplier<ResultFingerprint<R>> fingerprint;

    private QueryPlan(
        final NexmarkBenchmark.Query query,
        final Supplier<OneInputOperator<NexmarkEvent, R>> chain,
        final Function<Output<R>, NexmarkQuery> handwritten,
        final Supplier<ResultFingerprint<R>> fingerprint)
    {
        this.query = query;
        this.chain = chain;
        this.handwritten = handwritten;
        this.fingerprint = fingerprint;
    }

    /**
     * @param query which query.
     * @return its plan.
     */
    public static QueryPlan<?> of(final NexmarkBenchmark.Query query)
    {
        return switch (query)
        {
            case Q0 -> new QueryPlan<>(query, Q0PassThrough::chain, Q0PassThrough::handwritten, ResultFingerprint::events);
            case Q1 -> new QueryPlan<>(query, Q1CurrencyConversion::chain, Q1CurrencyConversion::handwritten,
                ResultFingerprint::events);
            case Q2 -> new QueryPlan<>(query, Q2Selection::chain, Q2Selection::handwritten, ResultFingerprint::events);
            case Q5 -> new QueryPlan<>(query, Q5HotItems::chain, Q5HotItems::handwritten, ResultFingerprint::windows);
            case Q7 -> new QueryPlan<>(query, Q7HighestBid::chain, Q7HighestBid::handwritten, ResultFingerprint::windows);
            case Q8 -> new QueryPlan<>(query, Q8NewUsers::chain, Q8NewUsers::handwritten, ResultFingerprint::newUsers);
        };
    }

    /**
     * The events every engine and the reference read: {@link NexmarkBenchmark}'s seeded cycle of
     * {@value NexmarkBenchmark#CYCLE_EVENTS} events, replayed with ids and time moving on.
     *
     * @return a fresh stream, at its first event.
     */
    public static NexmarkStream newEvents()
    {
        return new NexmarkStream(NexmarkGenerator.standard(42), NexmarkBenchmark.CYCLE_EVENTS);
    }

    /** @return which query. */
    public NexmarkBenchmark.Query query()
    {
        return query;
    }

    /** @return a fresh, unopened Ringflow chain. */
    public OneInputOperator<NexmarkEvent, R> ringflowChain()
    {
        return chain.get();
    }

    /**
     * @param output receives the results.
     * @return a fresh hand-written query.
     */
    public NexmarkQuery handwritten(final Output<R> output)
    {
        return handwritten.apply(output);
    }

    /** @return an empty fingerprint of this query's results. */
    public ResultFingerprint<R> newFingerprint()
    {
        return fingerprint.get();
    }

    /**
     * The single-thread reference, prepared (events generated, query built) so that running it later allocates
     * little: JMH counts a trial's tear-down in its last iteration's {@code gc.alloc.rate}.
     *
     * @return the hand-written query driven by {@link NexmarkDriver} over {@link #newEvents()}, not run yet.
     */
    public ReferenceRun<R> reference()
    {
        final ResultFingerprint<R> results = newFingerprint();
        return new ReferenceRun<>(handwritten(results), newEvents(), results);
    }
}
