/**
 * Chronicle Queue journals for Ringflow. This is the first increment of issue 4: the input journal
 * and its record format only.
 * <p>
 * <b>Built:</b>
 * <ul>
 *   <li>{@link io.ringflow.journal.JournalRecordDescriptor}: the versioned on-disk record (magic, format
 *       version, type, schema id and version, sequence, ingest time, timestamp, codec-encoded payload,
 *       CRC32C), drawn as a diagram.</li>
 *   <li>{@link io.ringflow.journal.InputJournal}: a single-writer appender of user records (through a
 *       {@code RecordCodec}) and control records (watermark, processing-time tick, end-of-stream);
 *       the sequence of an entry is its Chronicle index.</li>
 *   <li>{@link io.ringflow.journal.JournalReader}: a single-reader tailer from the start or from a
 *       sequence, which verifies every excerpt and rejects corrupt, truncated or foreign-schema ones
 *       with a {@link io.ringflow.journal.JournalException} naming the directory and index; it also
 *       reports first and last sequence and the entry count.</li>
 * </ul>
 * <b>Not built yet:</b> wiring into the pipeline's ingress (durable and fast modes), the output journal,
 * checkpoint barriers and the checkpoint store, recovery, exactly-once output and idempotency keys for
 * callback sinks, journal retention, reading older schema versions (they are rejected, not migrated),
 * and pre-mapping the next roll cycle's file. The operator snapshot format that checkpoints will store
 * already exists in {@code io.ringflow.operators.snapshot}.
 * <p>
 * Every JVM that opens a journal needs the JVM flags listed in DESIGN.md, including
 * {@code -Dchronicle.analytics.disable=true -Dchronicle.announcer.disable=true}.
 */
package io.ringflow.journal;
