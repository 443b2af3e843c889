package io.ringflow.pipeline.metrics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CountersFileChildProcessTest
{
    @TempDir
    Path tempDir;

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldLetAnotherJvmReadCountersTheRunningWriterUpdates() throws Exception
    {
        final Path path = tempDir.resolve("live.dat");
        try (CountersFile file = CountersFile.create(path, CountersFile.countersNeeded(1), true))
        {
            final StageCounters parse = StageCounters.allocate(file, "parse");
            parse.addRecordsIn(1);
            parse.publish();

            final Process child = new ProcessBuilder(CountersReaderChild.command(path, "parse: records in", 42))
                .redirectErrorStream(true)
                .start();
            try (BufferedReader output = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)))
            {
                final String opened = output.readLine();
                assertThat(opened).isEqualTo("opened pid=" + ProcessHandle.current().pid() + " startTimeMs=" +
                    file.startTimeMs() + " parse: records in=1");

                // The child is now polling a mapping it opened before this update.
                parse.addRecordsIn(41);
                parse.publish();

                final List<String> rest = new ArrayList<>();
                for (String line = output.readLine(); null != line; line = output.readLine())
                {
                    rest.add(line);
                }
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(rest).containsExactly("final parse: records in=42");
                assertThat(child.exitValue()).isZero();
            }
            finally
            {
                child.destroyForcibly();
            }
        }
    }
}
