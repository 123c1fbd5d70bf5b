package org.smartproperty.platform.workflow;

/** What a transition does to the item's deadline (the deadline domain's tracker, same transaction). */
public enum DeadlineStep {
    /** Leaves the deadline as it is. */
    NONE,
    /** Starts it again (a reopened item). */
    START,
    /** Stops the clock (waiting for the reporter; only pausable categories, else 409). */
    PAUSE,
    /** Restarts the clock. */
    RESUME,
    /** The work is done. */
    COMPLETE,
    /** The item was refused. */
    CANCEL
}
