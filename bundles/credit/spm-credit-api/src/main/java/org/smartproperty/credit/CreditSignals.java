package org.smartproperty.credit;

import java.sql.Connection;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Other domains report what happened to a company (CRD-2's automatic records): an inspection item failed, an
 * assessment result. {@link #emit} writes the signal on the CALLER's connection, inside its transaction, so it commits
 * or rolls back with the cause; the credit domain's job {@code credit.signals} then turns it into records by the rule
 * table (source + condition → kind, points, validity, veto), once per signal key. A signal no active rule matches is
 * kept as ignored.
 */
@ProviderType
public interface CreditSignals {

    /** Writes the signal; a key already emitted is ignored (idempotent). 400 for an invalid signal. */
    void emit(Connection sameTransaction, CreditSignal signal);
}
