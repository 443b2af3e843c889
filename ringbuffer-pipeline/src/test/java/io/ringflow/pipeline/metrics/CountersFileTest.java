package io.ringflow.pipeline.metrics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountersFileTest
{
    @TempDir
    Path tempDir;

    @Test
    void shouldReadBackCountersWrittenInProcessWithLabelsTypesAndValues()
    {
        final Path path = tempDir.resolve("counters.dat");
        try (CountersFile file = CountersFile.create(path, CountersFile.countersNeeded(2), true))
        {
            final StageCounters parse = StageCounters.allocate(file, "parse");
            final StageCounters window = StageCounters.allocate(file, "window");
            final PipelineCounters pipeline = PipelineCounters.allocate(file, "orders");
            parse.addRecordsIn(10);
            parse.addRecordsOut(9);
            parse.onError();
            parse.publish();
            window.addRecordsIn(9);
            window.onDeadLetter();
            window.publish();
            pipeline.onAccepted(10);
            pipeline.onBackPressured();
            pipeline.onRejectedClosed();

            try (CountersFileReader reader = CountersFileReader.open(path))
            {
                assertThat(reader.pid()).isEqualTo(ProcessHandle.current().pid());
                assertThat(reader.startTimeMs()).isEqualTo(file.startTimeMs());
                assertThat(reader.isWriterAlive()).isTrue();
                assertThat(reader.maxCounters()).isEqualTo(CountersFile.countersNeeded(2));
                assertThat(reader.value("parse: records in")).isEqualTo(10);
                assertThat(reader.value("parse: records out")).isEqualTo(9);
                assertThat(reader.value("parse: errors")).isEqualTo(1);
                assertThat(reader.value("parse: watermark")).isEqualTo(Long.MIN_VALUE);
                assertThat(reader.value("window: records in")).isEqualTo(9);
                assertThat(reader.value("window: dead letters")).isEqualTo(1);
                assertThat(reader.value("orders: records accepted")).isEqualTo(10);
                assertThat(reader.value("orders: back-pressured")).isEqualTo(1);
                assertThat(reader.value("orders: rejected after close")).isEqualTo(1);

                final List<String> seen = new ArrayList<>();
                reader.forEach((counterId, typeId, label, value) -> seen.add(counterId + "," + typeId + "," + label));
                assertThat(seen).hasSize(CountersFile.countersNeeded(2));
                assertThat(seen.get(0)).isEqualTo("0," + StageCounters.RECORDS_IN + ",parse: records in");
                assertThat(seen.get(10)).isEqualTo("10," + StageCounters.DEAD_LETTERS + ",parse: dead letters");
                assertThat(seen.get(22)).isEqualTo("22," + PipelineCounters.RECORDS_ACCEPTED + ",orders: records accepted");

                parse.addRecordsIn(5);
                assertThat(reader.value("parse: records in")).as("not published yet").isEqualTo(10);
                parse.publish();
                assertThat(reader.value("parse: records in")).isEqualTo(15);
                assertThatThrownBy(() -> reader.value("nope"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(path.toString())
                    .hasMessageContaining("nope");
            }
        }
        assertThat(path).as("deleted on close").doesNotExist();
    }

    @Test
    void shouldReplaceAnExistingFileAndKeepItOnCloseWhenAsked() throws Exception
    {
        final Path path = tempDir.resolve("sub/dir/counters.dat");
        Files.createDirectories(path.getParent());
        Files.write(path, new byte[]{ 1, 2, 3 });

        try (CountersFile file = CountersFile.create(path, 11, false))
        {
            StageCounters.allocate(file, "only").publish();
        }

        assertThat(path).exists();
        try (CountersFileReader reader = CountersFileReader.open(path))
        {
            assertThat(reader.value("only: records in")).isZero();
        }
    }

    @Test
    void shouldRefuseToAllocateBeyondCapacity()
    {
        final Path path = tempDir.resolve("small.dat");
        try (CountersFile file = CountersFile.create(path, 12, true))
        {
            StageCounters.allocate(file, "a");
            assertThatThrownBy(() -> StageCounters.allocate(file, "b"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(path.toString())
                .hasMessageContaining("'b'");
            file.newCounter("last", 7);
            assertThatThrownBy(() -> file.newCounter("one too many", 7))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("full");
        }
    }

    @Test
    void shouldRejectInvalidCapacity()
    {
        assertThatThrownBy(() -> CountersFile.create(tempDir.resolve("x"), 0, true))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("maxCounters");
    }
}
