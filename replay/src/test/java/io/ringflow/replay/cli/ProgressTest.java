package io.ringflow.replay.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest
{
    @Test
    void shouldRedrawOneLineOnATerminalAndEraseItWhenDone() throws InterruptedException
    {
        final StringWriter screen = new StringWriter();
        final Progress progress = new Progress(new PrintWriter(screen), true, 1_000);
        Thread.sleep(210);
        progress.update(250);

        assertThat(screen.toString()).startsWith("\rreplaying: 250 records (25%), ").contains(" records/s, ETA ");
        progress.done();
        assertThat(screen.toString()).endsWith("\r" + " ".repeat(78) + "\r");
    }

    @Test
    void shouldStaySilentWhenPiped() throws InterruptedException
    {
        final StringWriter piped = new StringWriter();
        final Progress progress = new Progress(new PrintWriter(piped), false, 1_000);
        Thread.sleep(210);
        progress.update(500);
        progress.done();

        assertThat(piped.toString()).isEmpty();
    }
}
