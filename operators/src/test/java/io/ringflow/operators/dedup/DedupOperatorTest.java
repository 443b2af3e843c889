package io.ringflow.operators.dedup;

import io.ringflow.operators.RejectReason;
import io.ringflow.operators.testing.OperatorTestHarness;
import io.ringflow.operators.testing.RecordCopier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DedupOperatorTest
{
    private static OperatorTestHarness<Long, Long> dedup(final long ttl)
    {
        return OperatorTestHarness.open(new DedupOperator<Long>("dedup", id -> id, ttl, 16), RecordCopier.identity());
    }

    @Test
    void shouldPassTheFirstRecordOfAKeyAndRejectLaterOnesAsDuplicates()
    {
        try (OperatorTestHarness<Long, Long> h = dedup(100))
        {
            h.processElement(7L, 10).processElement(8L, 11).processElement(7L, 50).processElement(7L, 5);

            assertThat(h.outputRecords()).containsExactly(7L, 8L);
            assertThat(h.rejected()).extracting(r -> r.reason()).containsExactly(RejectReason.DUPLICATE, RejectReason.DUPLICATE);
            assertThat(h.rejected()).extracting(r -> r.timestamp()).containsExactly(50L, 5L);
        }
    }

    @Test
    void shouldForgetAKeyExactlyWhenTheWatermarkReachesFirstSeenPlusTtl()
    {
        final DedupOperator<Long> operator = new DedupOperator<>("dedup", id -> id, 100, 16);
        try (OperatorTestHarness<Long, Long> h = OperatorTestHarness.open(operator, RecordCopier.identity()))
        {
            h.processElement(7L, 10);
            h.processWatermark(109);
            h.processElement(7L, 120);
            assertThat(h.rejected()).hasSize(1);

            h.processWatermark(110);
            assertThat(operator.rememberedKeys()).isZero();
            h.processElement(7L, 121);
            assertThat(h.outputRecords()).containsExactly(7L, 7L);
            assertThat(operator.expiredKeys()).isEqualTo(1);
        }
    }

    @Test
    void shouldPassButNotRememberARecordThatWouldExpireOnArrival()
    {
        final DedupOperator<Long> operator = new DedupOperator<>("dedup", id -> id, 10, 16);
        try (OperatorTestHarness<Long, Long> h = OperatorTestHarness.open(operator, RecordCopier.identity()))
        {
            h.processWatermark(100);
            h.processElement(3L, 90).processElement(3L, 90);

            assertThat(h.outputRecords()).containsExactly(3L, 3L);
            assertThat(operator.rememberedKeys()).isZero();
        }
    }

    @Test
    void shouldRejectReservedTimestampsAndBadConfiguration()
    {
        try (OperatorTestHarness<Long, Long> h = dedup(10))
        {
            h.processElement(1L, Long.MIN_VALUE);
            assertThat(h.rejected()).extracting(r -> r.reason()).containsExactly(RejectReason.INVALID_TIMESTAMP);
        }
        assertThatThrownBy(() -> new DedupOperator<Long>("d", id -> id, 0, 16)).hasMessageContaining("ttl must be > 0, was 0");
    }

    @Test
    void shouldSaturateTtlNearTheEndOfTime()
    {
        try (OperatorTestHarness<Long, Long> h = dedup(Long.MAX_VALUE))
        {
            h.processElement(1L, 1000).processElement(1L, 2000);
            h.processWatermark(Long.MAX_VALUE - 1);
            h.processElement(1L, 3000);
            assertThat(h.outputRecords()).containsExactly(1L);
            assertThat(h.rejected()).hasSize(2);
        }
    }
}
