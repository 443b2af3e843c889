/**
 * Chronicle Queue journals for Ringflow (issue 4, in increments): the input journal, the output journal
 * and the exactly-once sink over it.
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
 *   <li>{@link io.ringflow.journal.OutputRecordDescriptor}: the output record (magic 'RFO1', format
 *       version, schema id and version, the idempotency key input sequence and ordinal, timestamp,
 *       position, payload, CRC32C); {@link io.ringflow.journal.OutputJournal} appends it and
 *       {@link io.ringflow.journal.OutputJournalReader} reads it with the same checks. Each reader
 *       recognises the other kind of journal by its magic and says so.</li>
 *   <li>{@link io.ringflow.journal.OutputJournalSink}: the exactly-once {@code SequencedSink}. Given the
 *       output position of the checkpoint restored from, it verifies and skips the outputs a replay
 *       regenerates, then appends; a divergent replay fails loudly.</li>
 * </ul>
 * <b>Not built yet:</b> wiring into the pipeline (the ingress does not append to the input journal, and
 * the runtime does not yet hand outputs their keys through {@code SequencedSink}), checkpoint barriers
 * and the checkpoint store, recovery, journal retention, reading older schema versions (they are
 * rejected, not migrated), and pre-mapping the next roll cycle's file. The operator snapshot format that checkpoints will store
 * already exists in {@code io.ringflow.operators.snapshot}.
 * <p>
 * Every JVM that opens a journal needs the JVM flags listed in DESIGN.md, including
 * {@code -Dchronicle.analytics.disable=true -Dchronicle.announcer.disable=true}.
 */
package io.ringflow.journal;
