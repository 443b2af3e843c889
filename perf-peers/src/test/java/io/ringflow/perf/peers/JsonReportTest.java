package io.ringflow.perf.peers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonReportTest
{
    @Test
    void shouldWriteEachEnginesMedianRunsAgreementAndRatioPerQuery(@TempDir final Path dir) throws IOException
    {
        final RoundResults q7 = new RoundResults(PeerQuery.Q7, List.of("esper"));
        final Fingerprint fingerprint = new Fingerprint(11, 0xABC);
        q7.check("esper", fingerprint);
        q7.check(RoundResults.RINGFLOW, fingerprint);
        q7.addRound(20.0, Map.of("esper", 2.0));
        q7.addRound(30.0, Map.of("esper", 2.0));
        q7.addRound(24.0, Map.of("esper", 4.0));
        final Path file = dir.resolve("peers.json");

        JsonReport.write(file, Options.parse("--events", "1000", "--engines", "esper"),
            Map.of("esper", "Esper \"9.0.0\" in-process"), List.of(q7));

        final String json = Files.readString(file);
        assertThat(json)
            .contains("\"events\": 1000", "\"engines\": {\"esper\": \"Esper \\\"9.0.0\\\" in-process\"}")
            .contains("{\"query\": \"Q7\", \"title\": \"highest bid\", \"results\": 11, \"checksum\": \"abc\", " +
                "\"fingerprintsAgree\": true")
            .contains("\"ringflow\": {\"medianEventsPerCpuSecond\": 2.400e+07, \"runs\": 3, \"fingerprintsAgree\": true")
            .contains("\"esper\": {\"medianEventsPerCpuSecond\": 2.000e+06, \"runs\": 3, \"fingerprintsAgree\": true")
            .contains("\"ratioVsRingflow\": 10.00, \"ratiosVsRingflow\": [10.00, 15.00, 6.000]}}}]}")
            .endsWith("}\n");
        assertThat(json.chars().filter(c -> c == '{').count()).isEqualTo(json.chars().filter(c -> c == '}').count());
    }

    @Test
    void shouldSayWhichEngineDisagreed()
    {
        final RoundResults q1 = new RoundResults(PeerQuery.Q1, List.of("flink", "esper"));
        q1.check("flink", new Fingerprint(1, 1));
        q1.check(RoundResults.RINGFLOW, new Fingerprint(1, 1));
        q1.check("esper", new Fingerprint(1, 2));

        assertThat(q1.equalWork()).isFalse();
        assertThat(q1.agrees("flink")).isTrue();
        assertThat(q1.agrees("esper")).isFalse();
    }
}
