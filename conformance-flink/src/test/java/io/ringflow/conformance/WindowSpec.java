package io.ringflow.conformance;

/**
 * Which event-time window assigner a scenario uses, with the parameters both engines must honour
 * exactly (see "Event-time semantics" in shared/DESIGN.md).
 *
 * <p>Offsets may be negative; Flink requires {@code |offset| < size} for tumbling and
 * {@code |offset| < slide} for sliding windows, so the constructors enforce the same to keep every
 * scenario runnable on both engines.
 */
public sealed interface WindowSpec permits WindowSpec.Tumbling, WindowSpec.Sliding, WindowSpec.Session {

    /** A typical window extent, which the event generator uses to scale gaps and lateness. */
    long scale();

    /** Tumbling windows {@code [start, start + size)} with {@code start = ts - floorMod(ts - offset, size)}. */
    record Tumbling(long size, long offset) implements WindowSpec {
        public Tumbling {
            if (size <= 0 || Math.abs(offset) >= size) {
                throw new IllegalArgumentException("need size > 0 and |offset| < size: " + size + ", " + offset);
            }
        }

        @Override
        public long scale() {
            return size;
        }

        @Override
        public String toString() {
            return "TUMBLING(" + size + (offset == 0 ? "" : ", offset " + offset) + ")";
        }
    }

    /** Every window of length {@code size} aligned to {@code slide} (plus {@code offset}) that contains the record. */
    record Sliding(long size, long slide, long offset) implements WindowSpec {
        public Sliding {
            if (size <= 0 || slide <= 0 || Math.abs(offset) >= slide) {
                throw new IllegalArgumentException(
                        "need size > 0, slide > 0 and |offset| < slide: " + size + ", " + slide + ", " + offset);
            }
        }

        @Override
        public long scale() {
            return size;
        }

        @Override
        public String toString() {
            return "SLIDING(" + size + "/" + slide + (offset == 0 ? "" : ", offset " + offset) + ")";
        }
    }

    /** Per-key sessions: {@code [ts, ts + gap)} windows merged while they intersect (end inclusive). */
    record Session(long gap) implements WindowSpec {
        public Session {
            if (gap <= 0) {
                throw new IllegalArgumentException("need gap > 0: " + gap);
            }
        }

        @Override
        public long scale() {
            return gap;
        }

        @Override
        public String toString() {
            return "SESSION(" + gap + ")";
        }
    }
}
