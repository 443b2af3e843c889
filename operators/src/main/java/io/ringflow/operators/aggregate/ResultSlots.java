package io.ringflow.operators.aggregate;

/**
 * Numbered value slots an aggregate writes its result into (a window result, for instance). Doubles
 * are stored as their raw bits, so each slot is one {@code long}.
 */
public interface ResultSlots
{
    /**
     * @param slot  slot index.
     * @param value value.
     */
    void setLong(int slot, long value);

    /**
     * @param slot  slot index.
     * @param value value.
     */
    void setDouble(int slot, double value);
}
