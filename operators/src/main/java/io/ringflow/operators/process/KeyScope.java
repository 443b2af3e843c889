package io.ringflow.operators.process;

/** The key the operator is processing now; keyed states read it on every access. */
interface KeyScope
{
    long currentKey();
}
