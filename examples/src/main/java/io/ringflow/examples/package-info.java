/**
 * Runnable applications on Ringflow's public API. For now: the card-velocity demo (the README's main
 * job until the full fraud detector of issue 8 lands) and the README's quick start.
 */
package io.ringflow.examples;
