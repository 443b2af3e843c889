/**
 * Stream–table joins for enrichment: {@link io.ringflow.operators.table.TableJoinOperator} keeps a table
 * built from a changelog (upserts and deletes by key) off-heap and joins each stream record with its
 * key's latest value or, in temporal mode, with the value as of the record's event time once the
 * watermark has passed it. How the changelog maps to keys and fixed-width values is the user's
 * {@link io.ringflow.operators.table.ChangelogReader}; how a stored value reads, a
 * {@link io.ringflow.operators.table.TableValueDecoder}; misses follow a
 * {@link io.ringflow.operators.table.MissPolicy}.
 */
package io.ringflow.operators.table;
