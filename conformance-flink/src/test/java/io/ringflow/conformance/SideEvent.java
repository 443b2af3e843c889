package io.ringflow.conformance;

/**
 * One input record of a join scenario, in neither engine's own type: which side it belongs to, its key,
 * its event time and an id, unique in the scenario and equal to its position in the interleaved input.
 *
 * <p>Both engines receive the same interleaving of the two sides; it is part of the input, because
 * each record is judged against the combined watermark of the records before it (see
 * {@link JoinScenario#watermarksAtArrival}).
 *
 * @param left      true for the left input, false for the right
 * @param key       join key (the generator uses 1..3)
 * @param timestamp event time in ticks; may be negative
 * @param id        position in the interleaved input, 0 up
 */
public record SideEvent(boolean left, long key, long timestamp, long id) {

    @Override
    public String toString() {
        return (left ? "L" : "R") + id + "(key " + key + " @" + timestamp + ")";
    }
}
