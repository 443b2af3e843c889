package io.ringflow.operators.testing;

import io.ringflow.operators.Output;
import io.ringflow.operators.OutputTag;
import io.ringflow.operators.Rejected;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a test harness's operator emitted, copied because operators reuse their output records: main
 * output, watermarks, idleness, rejected records (whichever input they came from) and side outputs.
 * <p>
 * Threading: the harness's thread.
 *
 * @param <O> main-output type.
 */
final class CapturingOutput<O> implements Output<O>
{
    private final RecordCopier<O> outputCopier;
    private final RecordCopier<Object> rejectedCopier;
    private final List<Emitted<O>> output = new ArrayList<>();
    private final List<Long> watermarks = new ArrayList<>();
    private final List<Rejected<Object>> rejected = new ArrayList<>();
    private final Map<String, List<Emitted<?>>> sideOutputs = new HashMap<>();
    private final Map<String, RecordCopier<?>> sideCopiers = new HashMap<>();
    private int idleSignals;

    CapturingOutput(final RecordCopier<O> outputCopier, final RecordCopier<Object> rejectedCopier)
    {
        this.outputCopier = outputCopier;
        this.rejectedCopier = rejectedCopier;
    }

    @Override
    public void emit(final O record, final long timestamp)
    {
        output.add(new Emitted<>(outputCopier.copy(record), timestamp));
    }

    @Override
    public void emitWatermark(final long watermark)
    {
        watermarks.add(watermark);
    }

    @Override
    public void emitIdle()
    {
        idleSignals++;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S> void emitSide(final OutputTag<S> tag, final S record, final long timestamp)
    {
        if (tag.equals(Rejected.TAG))
        {
            final Rejected<Object> r = (Rejected<Object>)record;
            rejected.add(new Rejected<>().set(r.operatorName(), rejectedCopier.copy(r.record()), r.timestamp(), r.reason(),
                r.watermark()));
            return;
        }
        final RecordCopier<S> copier = (RecordCopier<S>)sideCopiers.getOrDefault(tag.name(), RecordCopier.identity());
        sideOutputs.computeIfAbsent(tag.name(), name -> new ArrayList<>()).add(new Emitted<>(copier.copy(record), timestamp));
    }

    <S> void copySideOutputWith(final OutputTag<S> tag, final RecordCopier<S> copier)
    {
        sideCopiers.put(tag.name(), copier);
    }

    List<Emitted<O>> output()
    {
        return Collections.unmodifiableList(output);
    }

    List<O> outputRecords()
    {
        final List<O> records = new ArrayList<>(output.size());
        for (final Emitted<O> emitted : output)
        {
            records.add(emitted.record());
        }
        return records;
    }

    List<Long> watermarks()
    {
        return Collections.unmodifiableList(watermarks);
    }

    List<Rejected<Object>> rejected()
    {
        return Collections.unmodifiableList(rejected);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    <S> List<Emitted<S>> sideOutput(final OutputTag<S> tag)
    {
        final List list = sideOutputs.getOrDefault(tag.name(), Collections.emptyList());
        return Collections.unmodifiableList((List<Emitted<S>>)list);
    }

    int idleSignals()
    {
        return idleSignals;
    }

    void clear()
    {
        output.clear();
        watermarks.clear();
        rejected.clear();
        sideOutputs.clear();
        idleSignals = 0;
    }
}
