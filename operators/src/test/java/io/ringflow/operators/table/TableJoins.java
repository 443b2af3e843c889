package io.ringflow.operators.table;

import io.ringflow.operators.RejectReason;
import io.ringflow.operators.Rejected;
import io.ringflow.operators.testing.TwoInputOperatorTestHarness;

import java.util.List;
import java.util.stream.Collectors;

/** Builders and harnesses the table-join tests share. */
final class TableJoins
{
    private TableJoins()
    {
    }

    static TableJoinBuilder<Order, Rate> builder()
    {
        return TableJoinOperator.builder("enrich", Order::key, Rate.READER).expectedKeys(4).expectedHeld(4);
    }

    static TableJoinOperator<Order, Rate, String> temporal(final int maxVersions, final long retention, final MissPolicy policy)
    {
        return builder().temporal(maxVersions, retention).streamCodec(Order.CODEC).missPolicy(policy)
            .build(Rate.DECODER, Rate.DESCRIBE, () -> "");
    }

    static TableJoinOperator<Order, Rate, String> latest(final MissPolicy policy)
    {
        return builder().missPolicy(policy).build(Rate.DECODER, Rate.DESCRIBE, () -> "");
    }

    static TwoInputOperatorTestHarness<Order, Rate, String> harness(final TableJoinOperator<Order, Rate, String> operator)
    {
        return TwoInputOperatorTestHarness.open(operator, TableJoins::copyRejected, s -> s);
    }

    /** Held stream records are decoded into one reused instance: copy what is rejected. */
    static Object copyRejected(final Object record)
    {
        return record instanceof Order ? ((Order)record).copy() : record;
    }

    static Order order(final long key, final long id)
    {
        return new Order(key, id);
    }

    /** @return "reason id@timestamp" per rejected stream record, "reason record@timestamp" for changelog ones. */
    static List<String> rejections(final TwoInputOperatorTestHarness<Order, Rate, String> h)
    {
        return h.rejected().stream().map(TableJoins::describe).collect(Collectors.toList());
    }

    static String describe(final Rejected<Object> r)
    {
        final Object record = r.record();
        final String what = record instanceof Order ? Long.toString(((Order)record).id) : String.valueOf(record);
        return r.reason() + " " + what + "@" + r.timestamp();
    }

    static String reason(final RejectReason reason, final long id, final long timestamp)
    {
        return reason + " " + id + "@" + timestamp;
    }
}
