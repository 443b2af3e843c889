package io.ringflow.perf.peers;

/**
 * A Flink query's result record, seen the way the Ringflow query's result is: {@link #resultHash()} feeds
 * the {@link Fingerprint} both engines are compared on, and {@link #render()} gives exactly the text the
 * Ringflow result's {@code toString()} gives, so that tests compare results one by one.
 * <p>
 * Threading: as the implementing record's.
 */
public interface ResultRecord
{
    /** @return the record's {@link ResultHash}, the same as the equal Ringflow result's. */
    long resultHash();

    /** @return the record as the Ringflow result renders it. */
    String render();
}
