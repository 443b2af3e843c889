package io.ringflow.operators.table;

import io.ringflow.operators.testing.TwoInputOperatorTestHarness;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.ringflow.operators.table.TableJoins.harness;
import static io.ringflow.operators.table.TableJoins.order;
import static org.assertj.core.api.Assertions.assertThat;

class TableJoinDescribeKeyTest
{
    @Test
    void shouldListAKeysVersionsOldestFirstAndTheStreamRecordsWaitingForIt()
    {
        final TableJoinOperator<Order, Rate, String> operator = TableJoins.temporal(3, 0, MissPolicy.DROP_TO_SIDE_OUTPUT);
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = harness(operator))
        {
            h.processRight(Rate.upsert(1, 100), 10).processRight(Rate.upsert(1, 200), 20).processRight(Rate.upsert(1, 300), 30)
                .processRight(Rate.upsert(1, 400), 40).processRight(Rate.delete(1), 50).processRight(Rate.upsert(2, 5), 40);
            h.leftWatermark(45).rightWatermark(45);
            h.processLeft(order(1, 7), 55).processLeft(order(1, 6), 52).processLeft(order(2, 8), 52);

            final List<String> lines = new ArrayList<>();
            operator.describeKey(1, lines);
            assertThat(lines).containsExactly(
                "table join 'enrich': key 1 versions from @10 up to the oldest below were evicted (history bound 3)",
                "table join 'enrich': key 1 version @30 rate 300 (superseded at or before watermark - retention: dropped when the key is next written)",
                "table join 'enrich': key 1 version @40 rate 400",
                "table join 'enrich': key 1 version @50 deleted",
                "table join 'enrich': key 1 holds stream record @52 Order(1, 6) until the watermark (now 45) reaches it",
                "table join 'enrich': key 1 holds stream record @55 Order(1, 7) until the watermark (now 45) reaches it");

            lines.clear();
            operator.describeKey(3, lines);
            assertThat(lines).isEmpty();
        }
    }

    @Test
    void shouldDescribeALatestTablesOneValue()
    {
        final TableJoinOperator<Order, Rate, String> operator = TableJoins.latest(MissPolicy.DROP_TO_SIDE_OUTPUT);
        operator.bootstrap(Rate.upsert(1, 100), 10);
        operator.bootstrap(Rate.upsert(1, 150), 5);
        final List<String> lines = new ArrayList<>();
        operator.describeKey(1, lines);
        assertThat(lines).containsExactly("table join 'enrich': key 1 version @5 rate 150");
        operator.close();
    }
}
