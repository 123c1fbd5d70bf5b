package org.smartproperty.platform;

/** How a {@link Job} run ended. */
public enum JobOutcome {
    /** The work ran and returned. */
    OK,
    /** The work threw; the error is recorded and the next run is scheduled all the same. */
    FAILED,
    /** Not run: another node (or another runner on this database) held the job's cluster lock. */
    SKIPPED
}
