package io.ringflow.journal.durable;

import io.ringflow.operators.KeySelector;
import io.ringflow.operators.record.RecordCodec;
import io.ringflow.pipeline.Pipeline;
import io.ringflow.pipeline.RecordType;
import io.ringflow.pipeline.SequencedSink;
import io.ringflow.pipeline.Source;

/**
 * Everything needed to run a pipeline from its journals, by name: what a durable run, a replay, the
 * {@code ringflow} command line ({@code --pipeline <class>}) and a determinism check all start from.
 * An implementation is a public class with a public no-argument constructor, so that tools can load it
 * by class name.
 * <p>
 * Threading: {@link #plan} is called once per run, on the thread that starts it; the plan's functions run
 * on stage threads as usual.
 *
 * @param <I> input record type.
 * @param <O> output record type.
 */
public interface PipelineDefinition<I, O>
{
    /**
     * @return names the pipeline and its state layout in checkpoints; change it when the plan changes
     *         incompatibly, and recovery will refuse the old checkpoints instead of misreading them.
     */
    String id();

    /** @return decodes the input journal's records. */
    RecordCodec<I> inputCodec();

    /** @return holds input records in the ingress ring. */
    RecordType<I> inputType();

    /** @return encodes the outputs in the output journal. */
    RecordCodec<O> outputCodec();

    /**
     * @param source the sequenced source to start from.
     * @param sink   where the last stage's outputs go.
     * @return the plan, ending in {@code to(sink)}.
     */
    Pipeline<I> plan(Source<I> source, SequencedSink<O> sink);

    /** @return the key of an input record, for filtering journals by key; null if inputs have none. */
    default KeySelector<I> inputKey()
    {
        return null;
    }

    /** @return the key of an output record, for filtering and for naming a diverging key; null if none. */
    default KeySelector<O> outputKey()
    {
        return null;
    }
}
