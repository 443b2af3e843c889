package io.ringflow.journal;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest clock's contract: epoch nanoseconds that move with {@link System#nanoTime()} (monotonic,
 * differences exact), convertible both ways, close to the wall clock, and able to tell its own stamps
 * from those of a run before it.
 */
class IngestClockTest
{
    /** Slack for comparing with the millisecond wall clock, which NTP may slew a little meanwhile. */
    private static final long WALL_CLOCK_SLACK_NS = TimeUnit.MILLISECONDS.toNanos(50);

    @Test
    void shouldNeverGoBackwards()
    {
        final IngestClock clock = new IngestClock();
        long previous = clock.epochNanos();
        for (int i = 0; i < 100_000; i++)
        {
            final long now = clock.epochNanos();
            assertThat(now).isGreaterThanOrEqualTo(previous);
            previous = now;
        }
    }

    @Test
    void shouldConvertNanoTimeBothWaysKeepingDifferencesExact()
    {
        final IngestClock clock = new IngestClock();
        final long nanoTime = System.nanoTime();
        final long later = nanoTime + 123_456_789L;

        assertThat(clock.nanoTimeAt(clock.epochNanosAt(nanoTime))).isEqualTo(nanoTime);
        assertThat(clock.epochNanosAt(clock.nanoTimeAt(1_700_000_000_123_456_789L))).isEqualTo(1_700_000_000_123_456_789L);
        assertThat(clock.epochNanosAt(later) - clock.epochNanosAt(nanoTime)).isEqualTo(123_456_789L);
        assertThat(clock.epochNanosAt(nanoTime - 1)).isEqualTo(clock.epochNanosAt(nanoTime) - 1);
    }

    @Test
    void shouldReadWhatNanoTimeReadsShiftedToTheEpoch()
    {
        final IngestClock clock = new IngestClock();
        final long before = System.nanoTime();
        final long epochNanos = clock.epochNanos();
        final long after = System.nanoTime();

        assertThat(clock.nanoTimeAt(epochNanos)).isBetween(before, after);
        assertThat(epochNanos).isBetween(clock.epochNanosAt(before), clock.epochNanosAt(after));
    }

    @Test
    void shouldStayCloseToTheWallClock()
    {
        final long wallBeforeNs = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
        final IngestClock clock = new IngestClock();
        final long epochNanos = clock.epochNanos();
        final long wallAfterNs = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis() + 1);

        assertThat(epochNanos).isBetween(wallBeforeNs - WALL_CLOCK_SLACK_NS, wallAfterNs + WALL_CLOCK_SLACK_NS);
        assertThat(TimeUnit.NANOSECONDS.toMillis(epochNanos)).as("epoch, not an arbitrary origin")
            .isGreaterThan(1_600_000_000_000L);
    }

    @Test
    void shouldCoverItsOwnStampsButNotThoseFromBeforeItWasCreated()
    {
        final long beforeCreation = System.nanoTime();
        final IngestClock clock = new IngestClock();
        final long afterCreation = System.nanoTime();

        assertThat(clock.coversTime(clock.epochNanos())).isTrue();
        assertThat(clock.coversTime(clock.epochNanosAt(afterCreation))).isTrue();
        assertThat(clock.coversTime(clock.epochNanosAt(afterCreation + TimeUnit.HOURS.toNanos(1)))).isTrue();
        assertThat(clock.coversTime(clock.epochNanosAt(beforeCreation - 1))).isFalse();
        assertThat(clock.coversTime(clock.epochNanosAt(beforeCreation - TimeUnit.SECONDS.toNanos(1)))).isFalse();
        assertThat(clock.coversTime(0)).as("the small ingest times tests and old journals carry").isFalse();
    }

    @Test
    void shouldNotCoverTheStampsOfAnEarlierClockAsARestartedRunSeesThem() throws InterruptedException
    {
        final IngestClock previousRun = new IngestClock();
        final long stamped = previousRun.epochNanos();
        Thread.sleep(5);   // more than the wall clock's millisecond resolution, with which each clock starts
        final IngestClock thisRun = new IngestClock();

        assertThat(previousRun.coversTime(stamped)).isTrue();
        assertThat(thisRun.coversTime(stamped)).isFalse();
        assertThat(thisRun.coversTime(thisRun.epochNanos())).isTrue();
    }
}
