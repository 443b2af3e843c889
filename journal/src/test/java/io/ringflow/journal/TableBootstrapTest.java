package io.ringflow.journal;

import io.ringflow.operators.RejectReason;
import io.ringflow.operators.table.CodecTableValues;
import io.ringflow.operators.table.MissPolicy;
import io.ringflow.operators.table.TableJoinOperator;
import io.ringflow.operators.testing.TwoInputOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A stream–table join's table loaded from a changelog journal before the stream starts. */
class TableBootstrapTest
{
    private static final Trade.Codec CODEC = new Trade.Codec(1);

    @Test
    void shouldLoadEveryChangelogRecordInJournalOrderWithItsTimestamp(@TempDir final Path dir)
    {
        // the changelog: a price per id (quantity 1 = upsert, 0 = delete); id 7 is deleted after its upsert
        try (InputJournal journal = new InputJournal(dir))
        {
            final Trade trade = new Trade();
            for (long id = 0; id < 10; id++)
            {
                journal.append(CODEC, trade.set(id, 100 + id, 1), 5, 0);
            }
            journal.appendProcessingTimeTick(1, 0);
            journal.append(CODEC, trade.set(7, 0, 0), 6, 0);
            journal.appendEndOfStream(0);
        }
        final CodecTableValues<Trade> values = new CodecTableValues<>(t -> t.id, t -> t.quantity == 0, CODEC);
        final TableJoinOperator<Trade, Trade, long[]> join = TableJoinOperator.<Trade, Trade>builder("prices", t -> t.id, values)
            .missPolicy(MissPolicy.DROP_TO_SIDE_OUTPUT)
            .build(values, (order, price, out) -> { out[0] = order.id; out[1] = price.price; return out; }, () -> new long[2]);

        final TableBootstrap.Loaded loaded = TableBootstrap.fromJournal(dir, CODEC, join);

        assertThat(loaded).isEqualTo(new TableBootstrap.Loaded(11, 0));
        try (TwoInputOperatorTestHarness<Trade, Trade, long[]> h = TwoInputOperatorTestHarness.open(join, long[]::clone))
        {
            h.processLeft(new Trade().set(3, 0, 5), 10).processLeft(new Trade().set(7, 0, 5), 11);
            assertThat(h.outputRecords()).containsExactly(new long[]{3, 103});
            assertThat(h.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo(RejectReason.NO_MATCH));
        }
    }
}
