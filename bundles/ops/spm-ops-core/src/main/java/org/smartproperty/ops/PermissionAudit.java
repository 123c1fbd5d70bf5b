package org.smartproperty.ops;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import org.smartproperty.platform.security.audit.AuditChain;
import org.smartproperty.platform.security.Role;

/**
 * {@code spm audit permissions} and {@code spm audit chain} (OPS-1): read-only checks of the
 * accounts, roles and database privileges of the platform, on plain JDBC (the platform may be down).
 *
 * <p>Checks: separation of duties (三权分立: no account, and no role template, may touch two of the
 * admin duties SYSTEM / SECURITY / AUDIT, by role or by the permissions of its roles, as
 * {@code SecurityServiceImpl} enforces); roles an account's data-scope kind may not hold (there are
 * no per-account grants: an account's permissions are those of its role templates); dormant
 * accounts; accounts of companies that are SUSPENDED/REVOKED and of committees no longer in office;
 * on PostgreSQL the application role's privileges and the append-only guard of {@code aud_event}.
 */
public final class PermissionAudit {

    public enum Severity { CRITICAL, WARNING, INFO }

    /**
     * One finding: {@code code} names the check (message keys {@code audit.<code>} and
     * {@code audit.<code>.fix}), {@code subject} the account, role or database object.
     */
    public record Finding(Severity severity, String code, String subject, List<Object> args) {
        public String message(Locale locale) {
            return OpsMessages.format(locale, "audit." + code, args.toArray());
        }

        public String fix(Locale locale) {
            return OpsMessages.format(locale, "audit." + code + ".fix", args.toArray());
        }
    }

    /** The findings, most severe first, and how many accounts were looked at. */
    public record Report(List<Finding> findings, int accounts, int dormantDays) {
        /** 2 if any CRITICAL, 1 if any WARNING, else 0. */
        public int exitCode() {
            return findings.stream().anyMatch(f -> f.severity() == Severity.CRITICAL) ? 2
                    : findings.stream().anyMatch(f -> f.severity() == Severity.WARNING) ? 1 : 0;
        }
    }

    /** Roles of the regulator's own staff and of the operators: never for an account scoped to a company, committee or owner. */
    static final Set<String> STAFF_ROLES = Set.of("REGULATOR", "OFFICER", "INSPECTOR", "OPS", "SYSADMIN", "SECADMIN", "AUDITOR", "DEVELOPER");
    /** Roles of an outside organisation or person, with the scope kind each requires. */
    static final Map<String, String> ORG_ROLE_SCOPE = Map.of("COMPANY", "COMPANY", "COMMITTEE", "COMMITTEE", "OWNER", "OWNER");

    private record Account(long id, String username, String status, String scopeKind, Long companyId, Long estateId, Long ownerId, Long developerId,
                           boolean realName, Instant lastLogin,
                           Instant created, Set<String> roles) {
    }

    /** Runs every check; {@code now} is the reference time of the dormancy check. */
    public Report run(DataSource ds, int dormantDays, Instant now) {
        if (dormantDays < 1) {
            throw new OpsException("audit.dormantDays", dormantDays);
        }
        List<Finding> out = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            c.setReadOnly(true);
            Map<String, Set<String>> templates = templates(c);
            List<Account> accounts = accounts(c);
            separationOfDuties(templates, accounts, out);
            scopes(accounts, out);
            dormant(accounts, dormantDays, now, out);
            organisations(c, accounts, out);
            database(c, out);
            out.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::code).thenComparing(Finding::subject));
            return new Report(List.copyOf(out), accounts.size(), dormantDays);
        } catch (SQLException e) {
            throw new OpsException(e, "audit.dbFailed", e.getMessage());
        }
    }

    /** The audit log's hash chain from the oldest kept row ({@link AuditChain#verify}). */
    public AuditChain.Verification verifyChain(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            c.setReadOnly(true);
            return AuditChain.verify(c);
        } catch (SQLException e) {
            throw new OpsException(e, "audit.dbFailed", e.getMessage());
        }
    }

    // ------------------------------------------------------------------ checks

    private static void separationOfDuties(Map<String, Set<String>> templates, List<Account> accounts, List<Finding> out) {
        for (Map.Entry<String, Set<String>> t : templates.entrySet()) {
            Set<Role.Duty> d = dutiesOfPermissions(t.getValue());
            if (d.size() > 1) {
                out.add(new Finding(Severity.CRITICAL, "sodRole", t.getKey(), List.of(t.getKey(), names(d))));
            }
        }
        for (Account a : accounts) {
            Set<Role.Duty> d = EnumSet.noneOf(Role.Duty.class);
            Set<String> perms = new TreeSet<>();
            for (String r : a.roles()) {
                Role role = role(r);
                if (role != null && role.duty() != null) {
                    d.add(role.duty());
                }
                perms.addAll(templates.getOrDefault(r, Set.of()));
            }
            d.addAll(dutiesOfPermissions(perms));
            if (d.size() > 1) {
                out.add(new Finding(Severity.CRITICAL, "sodAccount", a.username(), List.of(a.username(), String.join(",", a.roles()), names(d))));
            }
        }
    }

    private static void scopes(List<Account> accounts, List<Finding> out) {
        for (Account a : accounts) {
            String kind = a.scopeKind();
            boolean external = ORG_ROLE_SCOPE.containsValue(kind);
            for (String r : a.roles()) {
                if (external && STAFF_ROLES.contains(r)) {
                    out.add(new Finding(Severity.CRITICAL, "scopeStaffRole", a.username(), List.of(a.username(), kind, r)));
                } else if (ORG_ROLE_SCOPE.containsKey(r) && !ORG_ROLE_SCOPE.get(r).equals(kind) && !(a.realName() && "NONE".equals(kind))) {
                    // a real-name account's scope is bound from the registries at each session (issue 12), not stored
                    out.add(new Finding("ALL".equals(kind) ? Severity.CRITICAL : Severity.WARNING, "scopeOrgRole", a.username(),
                            List.of(a.username(), r, kind, ORG_ROLE_SCOPE.get(r))));
                }
            }
        }
    }

    private static void dormant(List<Account> accounts, int days, Instant now, List<Finding> out) {
        Instant limit = now.minus(Duration.ofDays(days));
        for (Account a : accounts) {
            if (!"ACTIVE".equals(a.status())) {
                continue;
            }
            if (a.lastLogin() != null && a.lastLogin().isBefore(limit)) {
                long idle = ChronoUnit.DAYS.between(a.lastLogin(), now);
                out.add(new Finding(Severity.WARNING, "dormant", a.username(), List.of(a.username(), idle, a.lastLogin().truncatedTo(ChronoUnit.SECONDS).toString())));
            } else if (a.lastLogin() == null && a.created() != null && a.created().isBefore(limit)) {
                long age = ChronoUnit.DAYS.between(a.created(), now);
                out.add(new Finding(Severity.WARNING, "neverLoggedIn", a.username(), List.of(a.username(), age)));
            }
        }
    }

    private static void organisations(Connection c, List<Account> accounts, List<Finding> out) throws SQLException {
        if (tableExists(c, "cmp_company")) {
            Map<Long, String[]> inactive = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, status FROM cmp_company WHERE status IN ('SUSPENDED', 'REVOKED')");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inactive.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                }
            }
            for (Account a : accounts) {
                String[] co = a.companyId() == null ? null : inactive.get(a.companyId());
                if ("ACTIVE".equals(a.status()) && "COMPANY".equals(a.scopeKind()) && co != null) {
                    out.add(new Finding("REVOKED".equals(co[1]) ? Severity.CRITICAL : Severity.WARNING, "companyInactive", a.username(),
                            List.of(a.username(), co[0] == null ? String.valueOf(a.companyId()) : co[0], co[1])));
                }
            }
        } else {
            out.add(new Finding(Severity.INFO, "orgSkipped", "cmp_company", List.of("cmp_company")));
        }
        if (tableExists(c, "ocm_committee")) {
            Set<Long> inOffice = new TreeSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT estate_id FROM ocm_committee WHERE status = 'ACTIVE'");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inOffice.add(rs.getLong(1));
                }
            }
            for (Account a : accounts) {
                if ("ACTIVE".equals(a.status()) && "COMMITTEE".equals(a.scopeKind()) && a.estateId() != null && !inOffice.contains(a.estateId())) {
                    out.add(new Finding(Severity.WARNING, "committeeInactive", a.username(), List.of(a.username(), a.estateId())));
                }
            }
        } else {
            out.add(new Finding(Severity.INFO, "orgSkipped", "ocm_committee", List.of("ocm_committee")));
        }
        owners(c, accounts, out);
        developers(c, accounts, out);
    }

    /**
     * Issue 12 item 5: an account scoped by hand to an owner record none of whose houses is verified
     * (OWN-2: the view {@code est_verified_ownership}); real-name owners are bound to their verified
     * houses by the platform and cannot drift.
     */
    private static void owners(Connection c, List<Account> accounts, List<Finding> out) throws SQLException {
        if (!tableExists(c, "est_title_verification")) {
            out.add(new Finding(Severity.INFO, "orgSkipped", "est_verified_ownership", List.of("est_verified_ownership")));
            return;
        }
        Set<Long> verified = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT owner_id FROM est_verified_ownership"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                verified.add(rs.getLong(1));
            }
        }
        for (Account a : accounts) {
            if ("ACTIVE".equals(a.status()) && "OWNER".equals(a.scopeKind()) && a.ownerId() != null && !verified.contains(a.ownerId())) {
                out.add(new Finding(Severity.WARNING, "ownerUnverified", a.username(), List.of(a.username(), a.ownerId())));
            }
        }
    }

    /** Issue 12 item 5: an account scoped by hand to a developer organisation that is REVOKED or gone (DEV-1). */
    private static void developers(Connection c, List<Account> accounts, List<Finding> out) throws SQLException {
        if (accounts.stream().noneMatch(a -> "DEVELOPER".equals(a.scopeKind()))) {
            return;
        }
        if (!tableExists(c, "dvl_developer")) {
            out.add(new Finding(Severity.INFO, "orgSkipped", "dvl_developer", List.of("dvl_developer")));
            return;
        }
        Set<Long> active = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM dvl_developer WHERE status = 'ACTIVE'"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                active.add(rs.getLong(1));
            }
        }
        for (Account a : accounts) {
            if ("ACTIVE".equals(a.status()) && "DEVELOPER".equals(a.scopeKind()) && a.developerId() != null && !active.contains(a.developerId())) {
                out.add(new Finding(Severity.CRITICAL, "developerInactive", a.username(), List.of(a.username(), a.developerId())));
            }
        }
    }

    private static void database(Connection c, List<Finding> out) throws SQLException {
        if (!c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            out.add(new Finding(Severity.INFO, "dbSkipped", c.getMetaData().getDatabaseProductName(), List.of(c.getMetaData().getDatabaseProductName())));
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT current_user, rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                String user = rs.getString(1);
                if (rs.getBoolean(2)) {
                    out.add(new Finding(Severity.CRITICAL, "dbSuperuser", user, List.of(user)));
                }
                if (rs.getBoolean(3)) {
                    out.add(new Finding(Severity.WARNING, "dbCreateRole", user, List.of(user)));
                }
                if (rs.getBoolean(4)) {
                    out.add(new Finding(Severity.WARNING, "dbCreateDb", user, List.of(user)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT nspname FROM pg_namespace WHERE (nspname = 'public' OR nspname = current_schema()) "
                + "AND has_schema_privilege('public', oid, 'CREATE') ORDER BY nspname"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Finding(Severity.WARNING, "dbPublicCreate", "schema " + rs.getString(1), List.of(rs.getString(1))));
            }
        }
        boolean exists;
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass('aud_event') IS NOT NULL"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            exists = rs.getBoolean(1);
        }
        if (!exists) {
            out.add(new Finding(Severity.CRITICAL, "auditTableMissing", "aud_event", List.of("aud_event")));
            return;
        }
        String enabled = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT tgenabled FROM pg_trigger WHERE tgrelid = to_regclass('aud_event') "
                + "AND tgname = 'aud_event_append_only'"); ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                enabled = rs.getString(1);
            }
        }
        if (enabled == null) {
            out.add(new Finding(Severity.CRITICAL, "auditGuardMissing", "aud_event", List.of("aud_event_append_only")));
        } else if ("D".equals(enabled)) {
            out.add(new Finding(Severity.CRITICAL, "auditGuardDisabled", "aud_event", List.of("aud_event_append_only")));
        }
        Map<String, Set<String>> grants = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END, a.privilege_type "
                + "FROM pg_class t, aclexplode(t.relacl) a WHERE t.oid = to_regclass('aud_event') AND a.grantee <> t.relowner "
                + "AND a.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                grants.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
            }
        }
        grants.forEach((grantee, privs) -> out.add(new Finding(Severity.CRITICAL, "auditWritable", grantee, List.of(grantee, String.join(",", privs)))));
    }

    // ------------------------------------------------------------------ reading

    private static Map<String, Set<String>> templates(Connection c) throws SQLException {
        Map<String, Set<String>> m = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT role, permission FROM sec_role_permission"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                m.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
            }
        }
        return m;
    }

    private static List<Account> accounts(Connection c) throws SQLException {
        Map<Long, Set<String>> roles = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT account_id, role FROM sec_account_role"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                roles.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2));
            }
        }
        List<Account> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, username, status, scope_kind, company_id, estate_id, owner_id, developer_id, "
                + "CASE WHEN id_number IS NOT NULL OR credit_code IS NOT NULL THEN 1 ELSE 0 END, last_login_at, created_at "
                + "FROM sec_account ORDER BY username"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                out.add(new Account(id, rs.getString(2), rs.getString(3), rs.getString(4), (Long) rs.getObject(5, Long.class),
                        (Long) rs.getObject(6, Long.class), (Long) rs.getObject(7, Long.class), (Long) rs.getObject(8, Long.class),
                        rs.getInt(9) == 1, instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)), roles.getOrDefault(id, Set.of())));
            }
        }
        return out;
    }

    static boolean tableExists(Connection c, String table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = c.getSchema();
        for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet rs = md.getTables(null, schema, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    static Set<Role.Duty> dutiesOfPermissions(Set<String> perms) {
        return Role.Duty.of(perms);
    }

    private static String names(Set<Role.Duty> duties) {
        return duties.stream().map(Enum::name).sorted().collect(Collectors.joining("+"));
    }

    private static Role role(String name) {
        try {
            return Role.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
