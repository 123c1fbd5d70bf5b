package org.smartproperty.platform.security.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
import org.smartproperty.platform.cluster.ClusterEvents;
import org.smartproperty.platform.contrib.Contribution;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.security.audit.AuditChain;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.Role;

/**
 * Security's collector of bundle contributions (issue 10 item 1): seeds each contributed role-template
 * grant once per (bundle, role, permission), recorded in {@code sec_contribution_grant}, so a grant the
 * security admin removed later is never added again. A grant of an admin duty's permission to another role is
 * refused (separation of duties) and logged. Seeding appends one audit row per role it changed.
 */
@Component(service = {}, immediate = true)
public class ContributedGrants {

    private static final Logger LOG = LoggerFactory.getLogger(ContributedGrants.class);
    static final String ACTOR = "system:contributions";

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.platform.security)")
    private SchemaReady schema;

    /** Other nodes drop their cached principals at once when grants were seeded here (issue 19 item 1); optional. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ClusterEvents cluster;

    private final Map<String, Contribution> contributions = new ConcurrentHashMap<>();
    private volatile boolean active;

    /** What one seeding did. */
    public record Result(List<Contribution.Grant> granted, List<Contribution.Grant> refused) {
    }

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
        if (active) {
            seedLogged(c);
        }
    }

    void removeContribution(Contribution c) {
        // the grants stay (they are role-template data now); only the audit object kinds go with the bundle
        contributions.remove(c.bundle(), c);
    }

    private void seedLogged(Contribution c) {
        try {
            Result r = seed(dataSource, c, Instant.now(), cluster);
            if (!r.granted().isEmpty()) {
                LOG.info("Role templates: {} grants seeded from {}", r.granted().size(), c.bundle());
            }
            if (!r.refused().isEmpty()) {
                LOG.error("Role templates: grants of {} REFUSED (an admin duty's permission belongs to that duty's role only): {}",
                        c.bundle(), r.refused());
            }
        } catch (RuntimeException e) {
            LOG.error("Role templates: grants of {} not seeded: {}", c.bundle(), e.toString(), e);
        }
    }

    /**
     * Seeds {@code c}'s grants on {@code ds} in one transaction (also outside OSGi: upgrade and unit tests).
     * Two nodes seeding at once: the loser's insert of the record fails, it retries and finds the record.
     */
    public static Result seed(DataSource ds, Contribution c, Instant now) {
        return seed(ds, c, now, null);
    }

    /** As {@link #seed(DataSource, Contribution, Instant)}, telling every node through {@code events} (may be null). */
    static Result seed(DataSource ds, Contribution c, Instant now, ClusterEvents events) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return Jdbc.transaction(ds, con -> seed(con, c, now, events));
            } catch (SQLException e) {
                last = Jdbc.translate(e);
            }
        }
        throw last;
    }

    /** As {@link #seed(DataSource, Contribution, Instant)} on the caller's transaction. */
    public static Result seed(Connection con, Contribution c, Instant now) throws SQLException {
        return seed(con, c, now, null);
    }

    private static Result seed(Connection con, Contribution c, Instant now, ClusterEvents events) throws SQLException {
        List<Contribution.Grant> granted = new ArrayList<>();
        List<Contribution.Grant> refused = new ArrayList<>();
        Map<String, Set<String>> perRole = new TreeMap<>();
        for (Contribution.Grant g : c.grants()) {
            Role role = Role.valueOf(g.role());
            Set<Role.Duty> duties = RoleTemplates.dutiesOfPermissions(Set.of(g.permission()));
            if (!duties.isEmpty() && !duties.contains(role.duty())) {
                refused.add(g);
                continue;
            }
            if (recorded(con, c.bundle(), g)) {
                continue;
            }
            try (PreparedStatement ps = con.prepareStatement(
                    "INSERT INTO sec_contribution_grant (bundle, role, permission, applied_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, c.bundle());
                ps.setString(2, g.role());
                ps.setString(3, g.permission());
                ps.setTimestamp(4, Timestamp.from(now));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = con.prepareStatement("INSERT INTO sec_role_permission (role, permission) SELECT ?, ? "
                    + "WHERE NOT EXISTS (SELECT 1 FROM sec_role_permission WHERE role = ? AND permission = ?)")) {
                ps.setString(1, g.role());
                ps.setString(2, g.permission());
                ps.setString(3, g.role());
                ps.setString(4, g.permission());
                if (ps.executeUpdate() == 1) {
                    granted.add(g);
                    perRole.computeIfAbsent(g.role(), r -> new TreeSet<>()).add(g.permission());
                }
            }
        }
        if (!granted.isEmpty()) {
            SecurityEvents.principalsChanged(con, events, "grants"); // every node's cached principals take the new grants (issue 11 item 4, 19 item 1)
        }
        for (Map.Entry<String, Set<String>> e : perRole.entrySet()) {
            AuditChain.append(con, new AuditEvent(ACTOR, null, null, "role.contribute", "role", e.getKey(), "OK",
                    AuditEvent.summary("bundle", c.bundle(), "granted", new java.util.TreeSet<>(e.getValue()))));
        }
        return new Result(granted, refused);
    }

    /** The security bundle's own contribution file (the platform duties' grants), for tests and tools outside OSGi. */
    public static Contribution own() {
        return Contribution.load("org.smartproperty.platform.security", ContributedGrants.class, "/META-INF/spm/security.contributions.properties");
    }

    private static boolean recorded(Connection con, String bundle, Contribution.Grant g) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(
                "SELECT 1 FROM sec_contribution_grant WHERE bundle = ? AND role = ? AND permission = ?")) {
            ps.setString(1, bundle);
            ps.setString(2, g.role());
            ps.setString(3, g.permission());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
