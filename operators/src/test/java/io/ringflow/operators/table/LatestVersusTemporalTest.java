package io.ringflow.operators.table;

import io.ringflow.operators.testing.TwoInputOperatorTestHarness;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.ringflow.operators.table.TableJoins.order;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same input through both lookup modes: versions at 10 and 20 (two records at 20, the later one
 * wins), then stream records just before, at and after each version, all arriving after the changelog.
 * Latest mode answers with the value current on arrival; temporal mode with the version in force at
 * each record's time.
 */
class LatestVersusTemporalTest
{
    private static List<String> run(final TableJoinOperator<Order, Rate, String> operator)
    {
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = TableJoins.harness(operator))
        {
            h.processRight(Rate.upsert(1, 100), 10).processRight(Rate.upsert(1, 200), 20).processRight(Rate.upsert(1, 222), 20);
            for (final long timestamp : new long[]{9, 10, 11, 19, 20, 21})
            {
                h.processLeft(order(1, timestamp), timestamp);
            }
            h.leftWatermark(30).rightWatermark(30);
            h.processRight(Rate.upsert(1, 300), 31).processLeft(order(1, 31), 31).leftWatermark(31).rightWatermark(31);
            return h.outputRecords();
        }
    }

    @Test
    void shouldAnswerWithTheCurrentValueInLatestModeAndTheVersionInForceInTemporalMode()
    {
        assertThat(run(TableJoins.latest(MissPolicy.EMIT_WITH_DEFAULTS)))
            .containsExactly("9:222", "10:222", "11:222", "19:222", "20:222", "21:222", "31:300");
        assertThat(run(TableJoins.temporal(4, 0, MissPolicy.EMIT_WITH_DEFAULTS)))
            .containsExactly("9:none", "10:100", "11:100", "19:100", "20:222", "21:222", "31:300");
    }
}
