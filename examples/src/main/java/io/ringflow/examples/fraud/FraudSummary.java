package io.ringflow.examples.fraud;

import org.HdrHistogram.Histogram;

import java.util.Locale;

/** Renders the end of a fraud demo run: figures, then where the journals are and how to replay them. */
final class FraudSummary
{
    private static final String PIPELINE = FraudDetector.class.getName();

    private FraudSummary()
    {
    }

    static String render(final FraudRun run, final FraudOptions options, final double seconds, final long resumedAfter)
    {
        final StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%n== summary ==%n"));
        final long offered = options.ratePerSecond * options.durationSeconds;
        line(text, "events", "%,d journaled in %.1f s (%,.0f/s; %,d offered%s)%s", run.sent(), seconds,
            run.sent() / Math.max(seconds, 1e-9), offered,
            run.sent() < offered * 99 / 100 ? ", fell behind: lower --rate for a latency figure" : "",
            resumedAfter > 0 ? String.format(Locale.ROOT, ", after %,d from the run before", resumedAfter) : "");
        final Histogram latency = run.latency();
        line(text, "latency", "%s  (%,d events after a %d s warm-up; %s)",
            percentiles(latency), latency.getTotalCount(), options.warmupSeconds(), EventOutlet.path(options.journalMode));
        final AlertTally tally = run.tally();
        line(text, "alerts", "%,d in the output journal: velocity %,d, geo-jump %,d, amount spike %,d", tally.alerts,
            tally.alertsByRule.get(Rule.VELOCITY), tally.alertsByRule.get(Rule.GEO_JUMP),
            tally.alertsByRule.get(Rule.AMOUNT_SPIKE));
        line(text, "fraud caught", "%,d of %,d compromised cards (velocity %,d, geo-jump %,d, amount spike %,d); " +
            "%,d alerts on other cards", tally.scenariosCaught, tally.scenarios,
            tally.scenariosCaughtByRule.get(Rule.VELOCITY), tally.scenariosCaughtByRule.get(Rule.GEO_JUMP),
            tally.scenariosCaughtByRule.get(Rule.AMOUNT_SPIKE), tally.alertsOnOtherCards);
        final FraudCounters counters = run.counters();
        line(text, "duplicates", "%,d retried payments dropped", counters.duplicates());
        line(text, "late", "%,d payments past their velocity window's allowed lateness; %,d behind the watermark, " +
            "not judged by geo-jump", counters.late(), counters.lateForGeoJump());
        line(text, "dead letters", "%,d (%,d malformed events injected%s)%s", counters.deadLetters(),
            run.generator().malformed(), resumedAfter > 0 ? " in the whole journal; this run counts those after its checkpoint" : "",
            deadLettersByReason(counters));
        for (final String letter : counters.firstDeadLetters())
        {
            line(text, "", "e.g. %s", letter);
        }
        line(text, "durability", "%s", run.recovery().describe());
        final String dir = run.journalDir().toString();
        line(text, "journals", "%s/input  %s/output  %s/checkpoints", dir, dir, dir);
        line(text, "verify", "./ringflow replay %s/input --pipeline %s --verify %s/output", dir, PIPELINE, dir);
        line(text, "time travel", "./ringflow state %s/input --pipeline %s --checkpoints %s/checkpoints --at SEQ --key CARD",
            dir, PIPELINE, dir);
        return text.toString();
    }

    private static String deadLettersByReason(final FraudCounters counters)
    {
        final StringBuilder text = new StringBuilder();
        for (final Malformed reason : Malformed.values())
        {
            text.append(text.length() == 0 ? ": " : ", ").append(reason).append(' ')
                .append(String.format(Locale.ROOT, "%,d", counters.deadLetters(reason)));
        }
        return text.toString();
    }

    private static void line(final StringBuilder text, final String label, final String format, final Object... args)
    {
        text.append(String.format(Locale.ROOT, "%-13s ", label)).append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    static String latencyLine(final String label, final Histogram histogram)
    {
        return label + "  " + percentiles(histogram);
    }

    private static String percentiles(final Histogram histogram)
    {
        return String.format(Locale.ROOT, "p50 %s  p99 %s  p99.9 %s  max %s", micros(histogram.getValueAtPercentile(50)),
            micros(histogram.getValueAtPercentile(99)), micros(histogram.getValueAtPercentile(99.9)),
            micros(histogram.getMaxValue()));
    }

    private static String micros(final long nanos)
    {
        return nanos >= 10_000_000 ? String.format(Locale.ROOT, "%.1f ms", nanos / 1e6) :
            String.format(Locale.ROOT, "%.1f µs", nanos / 1000.0);
    }
}
