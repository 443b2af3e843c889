package io.ringflow.journal.durable;

/**
 * Where the input journal sits relative to processing in a {@link DurablePipeline}.
 * <p>
 * Both modes give the same output journal, exactly once across crashes, and the same recovery: an
 * output is journaled only after the input that caused it is, and a checkpoint only covers journaled
 * inputs. They differ in when an operator sees a record, and so in what a crash can lose.
 */
public enum JournalMode
{
    /**
     * Producers append to the input journal; the pipeline tails it. An operator sees a record only after
     * it is journaled, and a record a producer appended is never lost to a crash of the pipeline's
     * process. The record pays the append and a hop through the journal before processing starts.
     */
    DURABLE,

    /**
     * One producer hands records to {@link FastIngress}: each enters the pipeline at once, and the
     * pipeline's own thread journals it in parallel (the journal is off the processing path; only output
     * waits for it). Stepped ({@code stepped(true)}), that thread also runs the stages, journaling in turns
     * with processing: two threads in all, for a machine with two cores. Weaker: a record accepted but not yet journaled when the process dies is lost —
     * nothing derived from it was output or checkpointed, so the output journal stays exact, but the
     * producer must be able to send it again (it can read the journal's last sequence to find where to
     * resume). The journal's sequences are computed by the producer ahead of the append, so the journal
     * must have no other writer while the pipeline runs.
     */
    FAST
}
