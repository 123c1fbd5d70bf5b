package org.smartproperty.credit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

import org.osgi.service.component.annotations.Component;
import org.smartproperty.credit.CreditMessages;
import org.smartproperty.credit.CreditSignal;
import org.smartproperty.credit.CreditSignals;
import org.smartproperty.credit.RecordSource;
import org.smartproperty.platform.Validation;

/**
 * {@link CreditSignals}: writes a signal into {@code crd_signal} on the caller's connection (the job {@code credit.signals}
 * of {@link CreditServiceImpl} turns it into a record). A component of its own WITHOUT references: the domains that emit
 * (company, complaint, inspection, assessment) are referenced by the credit service in turn (the registry's names), and a
 * DS reference cycle between them leaves one side unbound in Felix (seen: the company registry never bound to the credit
 * service once the company domain referenced it).
 */
@Component(service = CreditSignals.class)
public class CreditSignalsImpl implements CreditSignals {

    private final Clock clock;

    public CreditSignalsImpl() {
        this(Clock.systemUTC());
    }

    CreditSignalsImpl(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void emit(Connection c, CreditSignal s) {
        Validation v = new Validation(CreditMessages.TEXTS);
        if (s == null) {
            v.required("$", null);
            v.throwIfInvalid();
        }
        if (v.required("source", s.source())) {
            try {
                RecordSource.valueOf(s.source());
            } catch (IllegalArgumentException e) {
                v.error("source", "signal.source");
            }
        }
        if (v.required("condition", s.condition())) {
            v.maxLength("condition", s.condition(), 64);
        }
        if (v.required("key", s.key())) {
            v.maxLength("key", s.key(), 200);
        }
        v.required("occurredOn", s.occurredOn());
        v.maxLength("reference", s.reference(), 200);
        v.throwIfInvalid();
        try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM crd_signal WHERE signal_key = ?")) {
            q.setString(1, s.key());
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO crd_signal (signal_key, source, condition_name, company_id, "
                    + "occurred_on, reference, emitted_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ins.setString(1, s.key());
                ins.setString(2, s.source());
                ins.setString(3, s.condition());
                ins.setLong(4, s.companyId());
                ins.setObject(5, s.occurredOn());
                ins.setString(6, s.reference());
                ins.setObject(7, java.time.OffsetDateTime.ofInstant(clock.instant(), CreditServiceImpl.ZONE));
                ins.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("credit signal " + s.key() + " not written", e);
        }
    }
}
