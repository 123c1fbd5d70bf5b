package org.smartproperty.analytics;

/**
 * What one run of the rollup maintenance did: {@code full} a rebuild from scratch, otherwise the incremental run over
 * the changes since the watermarks; {@code keys} the (month, estate) keys recomputed, {@code rows} the rollup rows
 * written, {@code millis} how long it took.
 */
public record RollupRun(boolean full, long keys, long rows, long millis) {

    public String summary() {
        return (full ? "rebuild: " : "incremental: ") + keys + " key(s), " + rows + " rollup row(s) in " + millis + " ms";
    }
}
