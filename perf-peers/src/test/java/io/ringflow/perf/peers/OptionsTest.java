package io.ringflow.perf.peers;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OptionsTest
{
    @Test
    void shouldMeasureEveryPeerOnEveryQueryByDefault()
    {
        final Options options = Options.parse();
        assertThat(options.engines()).containsExactly("flink", "kafka-streams", "esper");
        assertThat(options.queries()).containsExactly(PeerQuery.values());
        assertThat(options.rounds()).isEqualTo(3);
        assertThat(options.json()).isNull();
    }

    @Test
    void shouldTakeEnginesQueriesAndJsonFile()
    {
        final Options options = Options.parse("--engines", "Esper,kafka-streams", "--events", "1_000",
            "--queries", "q5,Q7", "--json", "out.json");
        assertThat(options.engines()).containsExactly("esper", "kafka-streams");
        assertThat(options.events()).isEqualTo(1_000);
        assertThat(options.queries()).containsExactly(PeerQuery.Q5, PeerQuery.Q7);
        assertThat(options.json()).isEqualTo(Path.of("out.json"));
    }

    @Test
    void shouldRejectFewerThanThreeRoundsAndUnknownOrRepeatedEngines()
    {
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--rounds", "2"));
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--engines", "spark"));
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--engines", "esper,esper"));
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--pairs", "3"));
    }
}
