package org.smartproperty.deadline.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.platform.Jdbc;
import org.smartproperty.platform.contrib.Contribution;
import org.smartproperty.platform.persistence.SchemaReady;

/**
 * Deadline's collector of bundle contributions (issue 10 item 1): a contributed default time limit is
 * inserted into {@code dl_time_limit} when that (domain, category) has no row yet. A row that exists —
 * seeded earlier, by changeset dl-2 on databases made before issue 10, or configured by the regulator
 * ({@code PUT /api/v1/calendar/time-limits/{domain}/{category}}) — is never changed; limits are never deleted, so the row is
 * its own record. Removing the contributing bundle leaves the limit in place.
 */
@Component(service = {}, immediate = true)
public class ContributedTimeLimits {

    private static final Logger LOG = LoggerFactory.getLogger(ContributedTimeLimits.class);

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.deadline.impl)")
    private SchemaReady schema;

    private final Map<String, Contribution> contributions = new ConcurrentHashMap<>();
    private volatile boolean active;

    @Activate
    void activate() {
        active = true;
        contributions.values().forEach(this::seedLogged);
    }

    @Deactivate
    void deactivate() {
        active = false;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addContribution(Contribution c) {
        contributions.put(c.bundle(), c);
        if (active && !c.timeLimits().isEmpty()) {
            seedLogged(c);
        }
    }

    void removeContribution(Contribution c) {
        contributions.remove(c.bundle(), c);
    }

    private void seedLogged(Contribution c) {
        if (c.timeLimits().isEmpty()) {
            return;
        }
        try {
            List<String> seeded = seed(dataSource, c, Instant.now());
            if (!seeded.isEmpty()) {
                LOG.info("Time limits seeded from {}: {}", c.bundle(), seeded);
            }
        } catch (RuntimeException e) {
            LOG.error("Time limits of {} not seeded: {}", c.bundle(), e.toString(), e);
        }
    }

    /** Inserts {@code c}'s time limits that have no row yet (also outside OSGi); the "domain/category" inserted. */
    public static List<String> seed(DataSource ds, Contribution c, Instant now) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return Jdbc.transaction(ds, con -> seed(con, c, now));
            } catch (SQLException e) {
                last = Jdbc.translate(e); // another node inserted the same row meanwhile: the next attempt finds it
            }
        }
        throw last;
    }

    static List<String> seed(Connection con, Contribution c, Instant now) throws SQLException {
        List<String> seeded = new ArrayList<>();
        for (Contribution.TimeLimitDef l : c.timeLimits()) {
            try (PreparedStatement ps = con.prepareStatement("INSERT INTO dl_time_limit (domain, category, amount, unit, pausable, "
                    + "warning_ratio, description, updated_by, updated_at, version) SELECT ?, ?, ?, ?, ?, ?, ?, 'system', ?, 0 "
                    + "WHERE NOT EXISTS (SELECT 1 FROM dl_time_limit WHERE domain = ? AND category = ?)")) {
                ps.setString(1, l.domain());
                ps.setString(2, l.category());
                ps.setInt(3, l.amount());
                ps.setString(4, l.unit());
                ps.setBoolean(5, l.pausable());
                ps.setBigDecimal(6, l.warningRatio());
                ps.setString(7, l.description());
                ps.setTimestamp(8, Timestamp.from(now));
                ps.setString(9, l.domain());
                ps.setString(10, l.category());
                if (ps.executeUpdate() == 1) {
                    seeded.add(l.domain() + "/" + l.category());
                }
            }
        }
        return seeded;
    }
}
