package io.ringflow.replay.cli;

import io.ringflow.operators.KeySelector;

/** {@link TestPipeline} without key selectors, as a definition whose records have no key. */
public final class KeylessTestPipeline extends TestPipeline
{
    /** Loaded by name. */
    public KeylessTestPipeline()
    {
    }

    @Override
    public KeySelector<Order> inputKey()
    {
        return null;
    }

    @Override
    public KeySelector<Balance> outputKey()
    {
        return null;
    }
}
