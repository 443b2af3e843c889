package io.ringflow.perf.nexmark;

import io.ringflow.operators.Output;
import io.ringflow.operators.OutputTag;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Test output: each record as text with its timestamp (records are reused, so they are rendered at once). */
final class Collected<T> implements Output<T>
{
    final List<String> records = new ArrayList<>();
    final List<Object> side = new ArrayList<>();
    private final Function<T, String> render;

    Collected(final Function<T, String> render)
    {
        this.render = render;
    }

    static Collected<NexmarkEvent> events()
    {
        return new Collected<>(NexmarkEvent::toString);
    }

    static Collected<WindowMax> windows()
    {
        return new Collected<>(WindowMax::toString);
    }

    static Collected<NewUserAuction> newUsers()
    {
        return new Collected<>(NewUserAuction::toString);
    }

    @Override
    public void emit(final T record, final long timestamp)
    {
        records.add(render.apply(record) + " at " + timestamp);
    }

    @Override
    public void emitWatermark(final long watermark)
    {
    }

    @Override
    public void emitIdle()
    {
    }

    @Override
    public <S> void emitSide(final OutputTag<S> tag, final S record, final long timestamp)
    {
        side.add(tag.name() + ": " + record);
    }
}
