/**
 * Chronicle Queue journals for Ringflow (issue 4): the input journal, the output journal and the
 * exactly-once sink over it.
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
 *   <li>{@link io.ringflow.journal.RawJournalReader}: reads either kind of journal without a codec, for
 *       tools: each entry's header fields and payload bytes ({@link io.ringflow.journal.RawJournalEntry}),
 *       with the same frame checks; the kind ({@link io.ringflow.journal.JournalKind}) comes from the
 *       magic, and schemas are checked only when a payload is decoded.</li>
 *   <li>{@link io.ringflow.journal.OutputJournalSink}: the exactly-once {@code SequencedSink}. Given the
 *       output position of the checkpoint restored from, it verifies and skips the outputs a replay
 *       regenerates, then appends; a divergent replay fails loudly.</li>
 * </ul>
 * Checkpoints live in {@code io.ringflow.journal.checkpoint}, and durable pipelines with recovery in
 * {@code io.ringflow.journal.durable}.
 * <p>
 * <b>Not built yet:</b> the fast mode (journaling beside processing), several producer threads
 * journaling at once, journal retention, reading older schema versions (they are rejected, not
 * migrated), and pre-mapping the next roll cycle's file.
 * <p>
 * Every JVM that opens a journal needs the JVM flags listed in DESIGN.md, including
 * {@code -Dchronicle.analytics.disable=true -Dchronicle.announcer.disable=true}.
 */
package io.ringflow.journal;
