/**
 * Market-data analytics on one union stream of trades and quotes, fused on one stage thread: per instrument
 * one-second OHLC/VWAP bars (a tumbling event-time window), a spread monitor (each trade joined with its
 * instrument's prevailing quote by a table join), and price-move alerts (keyed state), combined by a fan-out
 * into one result stream. {@link io.ringflow.examples.market.MarketDemo} drives it with a seeded generator at a
 * fixed offered rate and shows live figures; {@link io.ringflow.examples.market.MarketPipeline} is the plan.
 * Prices are {@code long} ticks, times microseconds of event time.
 */
package io.ringflow.examples.market;
