package io.ringflow.examples.market;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.ringflow.examples.market.MarketRun.quote;
import static io.ringflow.examples.market.MarketRun.trade;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each piece of the market plan against figures worked out by hand, through the real pipeline (stepped):
 * bars, spread flags, move alerts, their merge by the fan-out, late records; and the same results on threads.
 */
class MarketPipelineTest
{
    /** Thresholds no test input here crosses: isolates the piece under test. */
    private static final MarketRules QUIET_MOVES = new MarketRules(25, 5_000, 500_000);

    @Test
    void shouldBuildOneSecondBarsWithVwapAndOhlcByEventTime()
    {
        final MarketRun run = MarketRun.stepped(MarketRules.defaults(),
            quote(7, 50, 9_995, 10_015),
            trade(1, 7, 100, 10_000, 100),
            trade(2, 7, 300_000, 10_010, 300),
            trade(3, 7, 299_500, 9_995, 200),     // 500 µs out of order: still on time (bound 1 ms), and not the close
            trade(4, 7, 900_000, 10_005, 400),
            trade(5, 8, 999_999, 20_000, 50),     // unquoted instrument: still in its bar
            quote(7, 1_200_000, 10_005, 10_025),
            trade(6, 7, 1_200_000, 10_015, 100)); // next bar; the watermark of both sides (1_198_999) closes [0, 1 s)

        // notional = 10,000×100 + 10,010×300 + 9,995×200 + 10,005×400 = 10,004,000 over 1,000 shares
        assertThat(run.startingWith("BAR")).containsExactly(
            "BAR 7 [0, 1000000) trades=4 volume=1000 vwap=10004.00 ohlc=10000/10010/9995/10005",
            "BAR 8 [0, 1000000) trades=1 volume=50 vwap=20000.00 ohlc=20000/20000/20000/20000",
            "BAR 7 [1000000, 2000000) trades=1 volume=100 vwap=10015.00 ohlc=10015/10015/10015/10015");
        assertThat(run.results).as("no flag, no move").hasSize(3);
        assertThat(run.counts.bars).isEqualTo(3);
        assertThat(run.counts.barTrades).isEqualTo(6);
    }

    @Test
    void shouldFlagTradesOutsideTheQuoteOrOnASpreadWiderThanTheThreshold()
    {
        final MarketRun run = MarketRun.stepped(QUIET_MOVES,
            quote(3, 10, 9_995, 10_005),   // 10 ticks on a 10,000 mid: 10 bp
            trade(1, 3, 20, 10_000, 100),  // inside
            trade(2, 3, 30, 10_006, 100),  // one tick above the ask
            trade(3, 3, 40, 9_995, 100),   // at the bid: inside (bounds inclusive)
            quote(3, 50, 9_950, 10_050),   // 100 bp: wide
            trade(4, 3, 60, 10_000, 100),
            trade(5, 3, 70, 10_051, 100),
            quote(3, 80, 7_990, 8_010),    // 20 ticks on an 8,000 mid: exactly 25 bp, not wider
            trade(6, 3, 90, 8_000, 100),
            quote(3, 100, 7_990, 8_011),   // 21 × 20,000 = 420,000 > 25 × 16,001 = 400,025: wide
            trade(7, 3, 110, 8_000, 100),
            trade(8, 4, 120, 1, 100));     // no quote for instrument 4 yet: not judged

        assertThat(run.startingWith("SPREAD")).containsExactly(
            "SPREAD 3 trade 2 @30 price=10006 quote=9995/10005 OUTSIDE",
            "SPREAD 3 trade 4 @60 price=10000 quote=9950/10050 WIDE",
            "SPREAD 3 trade 5 @70 price=10051 quote=9950/10050 OUTSIDE WIDE",
            "SPREAD 3 trade 7 @110 price=8000 quote=7990/8011 WIDE");
        assertThat(run.counts.spreadFlags).isEqualTo(4);
        assertThat(run.counts.outsideSpread).isEqualTo(2);
        assertThat(run.counts.wideSpread).isEqualTo(3);
    }

    @Test
    void shouldJoinEachTradeWithTheQuotePublishedBeforeItNotTheOneWithTheNearestEventTime()
    {
        final MarketRun run = MarketRun.stepped(QUIET_MOVES,
            trade(1, 5, 300, 110, 100),   // arrives before any quote of 5: unquoted, however its quote's time compares
            quote(5, 250, 100, 102),      // earlier event time, later in the feed
            trade(2, 5, 400, 110, 100));  // judged against 100/102: outside, and 2 ticks on 101 is 198 bp: wide

        assertThat(run.startingWith("SPREAD")).containsExactly("SPREAD 5 trade 2 @400 price=110 quote=100/102 OUTSIDE WIDE");
    }

    @Test
    void shouldAlertOnAMoveOfMoreThanTheThresholdWithinTheWindowPerInstrument()
    {
        // no quotes: every trade is unquoted, so nothing but bars and moves comes out
        final MarketRun run = MarketRun.stepped(new MarketRules(25, 50, 500_000),
            trade(1, 9, 1_000, 10_000, 100),      // 9's reference
            trade(2, 10, 1_000, 10_100, 100),     // 10's reference: instruments do not share one
            trade(3, 10, 2_000, 10_000, 100),     // -100 × 10,000 / 10,100 = -99.0 bp
            trade(4, 9, 101_000, 10_040, 100),    // 40 bp
            trade(5, 9, 201_000, 10_050, 100),    // exactly 50 bp: not more
            trade(6, 9, 301_000, 10_051, 100),    // 51 bp in 300 ms: alert, and the new reference
            trade(7, 9, 801_000, 10_152, 100),    // exactly 500 ms later (inclusive): +101 × 10,000 / 10,051 = +100.5 bp
            trade(8, 9, 1_301_001, 20_000, 100),  // 500.001 ms later: a new period starts here, no alert
            trade(9, 9, 1_400_000, 19_890, 100)); // -110 × 10,000 / 20,000 = -55 bp

        assertThat(run.startingWith("MOVE")).containsExactly(
            "MOVE 10 -99bp 10100@1000 -> 10000@2000 (trade 3)",
            "MOVE 9 +51bp 10000@1000 -> 10051@301000 (trade 6)",
            "MOVE 9 +100bp 10051@301000 -> 10152@801000 (trade 7)",
            "MOVE 9 -55bp 20000@1301001 -> 19890@1400000 (trade 9)");
        assertThat(run.counts.moves).isEqualTo(4);
        assertThat(run.counts.lastMoveInstrument).isEqualTo(9);
        assertThat(run.counts.lastMoveBp).isEqualTo(-55);
        assertThat(run.counts.lastMoveUs).isEqualTo(98_999);
    }

    @Test
    void shouldEmitATradesFlagAndMoveBeforeTheBarsItsWatermarkCloses()
    {
        final MarketRun run = MarketRun.stepped(MarketRules.defaults(),
            quote(1, 0, 9_990, 10_010),
            trade(1, 1, 10, 10_000, 100),          // inside; 1's reference
            quote(1, 1_500_000, 10_490, 10_510),   // the quotes' watermark moves to 1_498_999, the trades' stays at -991
            trade(2, 1, 1_501_000, 10_520, 100),   // above the ask; 1.5 s after the reference, so the new one;
                                                   // min(1_499_999, 1_498_999) closes [0, 1 s) after its flag
            quote(1, 2_001_000, 10_490, 10_510),
            // below the bid, and a move (-520 × 10,000 / 10,520 = -494.3 bp in exactly 500 ms): the flag (branch 1)
            // comes before the alert (branch 2), both before the bar [1 s, 2 s) its watermark (1_999_999) closes
            trade(3, 1, 2_001_000, 10_000, 100));

        assertThat(run.results).containsExactly(
            "SPREAD 1 trade 2 @1501000 price=10520 quote=10490/10510 OUTSIDE",
            "BAR 1 [0, 1000000) trades=1 volume=100 vwap=10000.00 ohlc=10000/10000/10000/10000",
            "SPREAD 1 trade 3 @2001000 price=10000 quote=10490/10510 OUTSIDE",
            "MOVE 1 -494bp 10520@1501000 -> 10000@2001000 (trade 3)",
            "BAR 1 [1000000, 2000000) trades=1 volume=100 vwap=10520.00 ohlc=10520/10520/10520/10520",
            "BAR 1 [2000000, 3000000) trades=1 volume=100 vwap=10000.00 ohlc=10000/10000/10000/10000");
    }

    @Test
    void shouldRejectATradeTooLateForItsBarButStillJudgeItsSpread()
    {
        final MarketRun run = MarketRun.stepped(QUIET_MOVES,
            quote(2, 0, 9_990, 10_010),
            trade(1, 2, 100, 10_000, 100),
            quote(2, 2_000_000, 9_990, 10_010),   // both sides must move for the watermark to
            trade(2, 2, 2_000_000, 10_000, 100),  // watermark 1_998_999: [0, 1 s) has fired
            trade(3, 2, 500_000, 10_020, 100));   // 1.5 s behind: late for its bar, yet above the ask

        assertThat(run.counts.lateRecords).isEqualTo(1);
        assertThat(run.results).containsExactly(
            "BAR 2 [0, 1000000) trades=1 volume=100 vwap=10000.00 ohlc=10000/10000/10000/10000",
            "SPREAD 2 trade 3 @500000 price=10020 quote=9990/10010 OUTSIDE",
            "BAR 2 [2000000, 3000000) trades=1 volume=100 vwap=10000.00 ohlc=10000/10000/10000/10000");
    }

    @Test
    void shouldGiveTheSameResultsOnTheStageThreadAsStepped()
    {
        final MarketGenerator generator = new MarketGenerator(7, 50);
        final List<MarketEvent> events = new ArrayList<>();
        for (int i = 0; i < 200_000; i++)
        {
            final MarketEvent event = new MarketEvent();
            generator.next(event);
            events.add(event);
        }
        final MarketRun stepped = MarketRun.run(MarketRules.defaults(), events, true);
        final MarketRun threaded = MarketRun.run(MarketRules.defaults(), events, false);

        assertThat(stepped.counts.bars).isGreaterThan(50);
        assertThat(stepped.counts.spreadFlags).isPositive();
        assertThat(stepped.counts.moves).isPositive();
        assertThat(stepped.counts.lateRecords).isZero();
        assertThat(threaded.results).isEqualTo(stepped.results);
    }
}
