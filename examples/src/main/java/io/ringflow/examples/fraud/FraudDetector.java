package io.ringflow.examples.fraud;

import io.ringflow.journal.durable.PipelineDefinition;
import io.ringflow.operators.KeySelector;
import io.ringflow.operators.RejectReason;
import io.ringflow.operators.aggregate.Aggregates;
import io.ringflow.operators.cep.AfterMatchSkip;
import io.ringflow.operators.cep.Pattern;
import io.ringflow.operators.cep.Patterns;
import io.ringflow.operators.record.RecordCodec;
import io.ringflow.operators.table.MissPolicy;
import io.ringflow.operators.table.TableJoinOperator;
import io.ringflow.operators.time.WatermarkStrategy;
import io.ringflow.operators.window.Windows;
import io.ringflow.pipeline.Pipeline;
import io.ringflow.pipeline.RecordType;
import io.ringflow.pipeline.SequencedSink;
import io.ringflow.pipeline.Source;
import io.ringflow.pipeline.WaitStrategy;

/**
 * The card-fraud detector: one fused stage from the raw card events to alerts.
 * <pre>
 *   card events (payments + profile changelog, one journal)
 *     ──► validate ─────────────────────────────► dead letters (malformed, with the reason)
 *     ──► event time: the payments' (500 ms out of order); the changelog is stamped but not waited for
 *     ──► dedup by event id (TTL 2 min) ────────► duplicates (retried payments)
 *     ──► enrich: payment ⋈ latest card profile (home country; unknown card: country 0)
 *     ──► rules, side by side:
 *           velocity      more than 15 payments per card in a sliding minute (every 10 s)
 *           geo-jump      a payment at home, then one abroad, within 10 minutes (a pattern)
 *           amount spike  an amount 8× the card's rolling average (keyed state)
 *     ──► alerts (the output journal; exactly once across crashes)
 * </pre>
 * The enrichment looks up the profile current when the payment arrives (latest, not temporal): a fraud
 * engine scores a payment against what it knows now, and does not hold the payment for the watermark.
 * It stays deterministic because the arrival order is the journal's order. For the same reason the
 * changelog's event time decides nothing, so its watermark is left out of the stream's: event time is the
 * payments' alone. (Waiting for it would hold every window and pattern until the next profile change, and
 * event time would advance in steps of seconds, each step firing a burst.)
 * <p>
 * A {@link PipelineDefinition}, so {@code ./ringflow replay <journal> --pipeline
 * io.ringflow.examples.fraud.FraudDetector} replays it, and {@code ringflow state} shows a card's windows,
 * pattern runs and rolling average at any input. Threading: {@link #plan} on one thread; what it builds
 * runs on the stage's thread and reports to the {@link FraudCounters} given.
 */
public final class FraudDetector implements PipelineDefinition<CardEvent, Alert>
{
    /** Names the plan and its state layout in checkpoints. */
    public static final String ID = "fraud-detector-v3";
    /** How far out of event-time order events may arrive and still count as on time. */
    public static final long OUT_OF_ORDERNESS_MS = 500;
    /** Retries of a payment arrive within a minute (the generator's within seconds); two cover them with margin. */
    public static final long DEDUP_TTL_MS = 120_000;
    /** The velocity rule's window. */
    public static final long VELOCITY_WINDOW_MS = 60_000;
    /** How often the velocity window slides. */
    public static final long VELOCITY_SLIDE_MS = 10_000;
    /** More payments than this in one window raise a velocity alert. */
    public static final long VELOCITY_LIMIT = 15;
    /** Late payments still update their velocity windows this long after the watermark passed them. */
    public static final long ALLOWED_LATENESS_MS = 5_000;
    /** A foreign payment this soon after one at home is a geo-jump. */
    public static final long GEO_JUMP_WITHIN_MS = 600_000;

    private final FraudCounters counters;
    private final WaitStrategy waitStrategy;
    private final int expectedCards;

    /** For tools: counts into counters nobody reads, the stage thread yields when idle. */
    public FraudDetector()
    {
        this(new FraudCounters(), WaitStrategy.YIELDING, 1 << 16);
    }

    /**
     * @param counters      receives dead letters, duplicates, late payments and alerts, on the stage's thread.
     * @param waitStrategy  what the stage thread does when it has nothing to do.
     * @param expectedCards sizes the per-card state up front, so that it does not grow while measuring.
     */
    public FraudDetector(final FraudCounters counters, final WaitStrategy waitStrategy, final int expectedCards)
    {
        this.counters = counters;
        this.waitStrategy = waitStrategy;
        this.expectedCards = expectedCards;
    }

    @Override
    public String id()
    {
        return ID;
    }

    @Override
    public Pipeline<CardEvent> plan(final Source<CardEvent> source, final SequencedSink<Alert> sink)
    {
        // fraud:start
        WatermarkStrategy<CardEvent> eventTime = WatermarkStrategy
            .<CardEvent>forBoundedOutOfOrderness(OUT_OF_ORDERNESS_MS).withTimestampAssigner(CardEvent::eventTimeMs);

        return Pipeline.from(source)                                   // payments and profile changes, as journaled
            .process("validate", new Validation(), CardEvent.TYPE)
            .sideOutput(DeadLetter.TAG, counters::deadLetter)           // malformed, with the reason
            .assignTimestamps("event-time", CardProfiles.SIDES,          // payments left, profiles right
                eventTime, eventTime.excludedFromWatermark())
            .keyBy(CardEvent::dedupKey).dedup("dedup", DEDUP_TTL_MS)    // retried payments
            .connect("enrich", CardProfiles.SIDES, this::enrichment, EnrichedPayment.TYPE)
            .fanOut("rules", Alert.TYPE,                                // three rules see every payment
                payments -> payments.keyBy(EnrichedPayment::cardId)
                    .window(Windows.sliding(VELOCITY_WINDOW_MS, VELOCITY_SLIDE_MS))
                    .allowedLateness(ALLOWED_LATENESS_MS).expectedKeys(expectedCards)
                    .panes()   // a card pays many times per 10 s slide: one count per slide, merged six at a time
                    .aggregate("velocity", Aggregates.count())
                    .flatMap("velocity-alerts", new VelocityAlerts(VELOCITY_LIMIT), Alert.TYPE),
                payments -> payments.keyBy(EnrichedPayment::cardId)
                    .pattern("geo-jump", geoJump(), EnrichedPayment::transactionId)
                    .map("geo-jump-alerts", (match, alert) -> alert.set(Rule.GEO_JUMP, match.key(),
                        match.endTimestamp(), match.id(1), match.id(0)), Alert.TYPE),
                payments -> payments.keyBy(EnrichedPayment::cardId)
                    .process("amount-spike", new AmountSpikeRule(), Alert.TYPE))
            .rejected(RejectReason.DUPLICATE, counters::duplicate)
            .rejected(RejectReason.LATE, counters::late)
            .waitStrategy(waitStrategy)
            .to(sink);                                                  // the output journal: exactly once
        // fraud:end
    }

    /** @return home, then abroad, within {@link #GEO_JUMP_WITHIN_MS}: a card in two countries at once. */
    static Pattern<EnrichedPayment> geoJump()
    {
        return Patterns.<EnrichedPayment>begin("home", EnrichedPayment::atHome)
            .followedBy("abroad", EnrichedPayment::abroad)
            .within(GEO_JUMP_WITHIN_MS)
            .afterMatch(AfterMatchSkip.SKIP_PAST_LAST_EVENT);   // one alert per jump, not one per earlier home payment
    }

    private TableJoinOperator<CardEvent, CardEvent, EnrichedPayment> enrichment()
    {
        final int[] unknown = new int[] {EnrichedPayment.UNKNOWN_COUNTRY};
        final CardProfiles profiles = new CardProfiles();
        return TableJoinOperator.<CardEvent, CardEvent>builder("enrich", CardEvent::cardId, profiles)
            .latest()
            .missPolicy(MissPolicy.EMIT_WITH_DEFAULTS)
            .expectedKeys(expectedCards)
            .build(profiles, (payment, profile, out) -> out.set(payment, (null == profile ? unknown : profile)[0]),
                EnrichedPayment::new);
    }

    @Override
    public RecordCodec<CardEvent> inputCodec()
    {
        return new CardEventCodec();
    }

    @Override
    public RecordType<CardEvent> inputType()
    {
        return CardEvent.TYPE;
    }

    @Override
    public RecordCodec<Alert> outputCodec()
    {
        return new AlertCodec();
    }

    @Override
    public KeySelector<CardEvent> inputKey()
    {
        return CardEvent::cardId;
    }

    @Override
    public KeySelector<Alert> outputKey()
    {
        return Alert::cardId;
    }
}
