package io.ringflow.pipeline.runtime;

/**
 * What the runtime needs from either kind of ingress: closing behind everything accepted, and failing.
 */
interface IngressControl
{
    /** Refuse further input and publish end-of-stream behind everything accepted. Idempotent. */
    void close();

    /** The pipeline failed: refuse everything from now on, without an end-of-stream. */
    void fail();
}
