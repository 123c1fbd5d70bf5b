package org.smartproperty.deadline;

import org.osgi.annotation.versioning.ConsumerType;
import java.sql.Connection;

/**
 * Whiteboard service: called by the deadline monitor for each escalation, once, on the monitor's
 * connection and inside its transaction, together with the update that marks the escalation as
 * raised. Write notifications, SMS outbox rows etc. on that connection: they commit with the flag or
 * not at all. A listener that throws rolls back that one escalation (it is retried on the next run);
 * never commit, roll back or close the connection.
 */
@ConsumerType
public interface DeadlineListener {

    void onWarning(Connection sameTransaction, Escalation escalation);

    void onOverdue(Connection sameTransaction, Escalation escalation);
}
