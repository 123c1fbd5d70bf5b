package org.smartproperty.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smartproperty.deadline.Deadline;
import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.deadline.TrackedItem;
import org.smartproperty.deadline.internal.ContributedTimeLimits;
import org.smartproperty.deadline.internal.DeadlineEngine;
import org.smartproperty.notification.MessageKind;
import org.smartproperty.notification.MessageKinds;
import org.smartproperty.notification.Notification;
import org.smartproperty.notification.SmsRequest;
import org.smartproperty.notification.internal.NotificationsImpl;
import org.smartproperty.notification.internal.SmsOutboxImpl;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.contrib.Contribution;
import org.smartproperty.platform.persistence.Migrations;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.internal.AuditTrailImpl;
import org.smartproperty.platform.security.internal.ContributedGrants;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * Issue 10 item 1, the upgrade test: {@link #old()} is a database made by main f333a0a (its changelogs, copied under
 * {@code upgrade/main-f333a0a/}), with an admin-edited role template, a configured time limit, a deadline started under
 * it, in-app notifications and queued SMS. Then the current changelogs are applied and every bundle's contribution is
 * collected as in Karaf (the {@code SPM-Contributions} files of the bundles on the class path): nothing is lost, the
 * admin's edits stay, limits and deadlines are unchanged, texts render as on main. {@link #fresh()} is an empty
 * database brought up by the current changelogs and contributions: it holds the same role templates and time limits
 * as one made by main, and the contributed message kinds are main's, number for number and text for text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UpgradeFromMainContract {

    /** The changelogs in the order the bundles start in Karaf (platform first, then the domains). */
    static final List<String> CHANGELOGS = List.of("platform-jobs", "platform-rest", "security", "files", "estate", "company",
            "committee", "notification", "deadline", "complaint", "service");
    static final String MAIN = "upgrade/main-f333a0a/";
    /** MessageKind.number() of main f333a0a (the enum): part of the template ids registered at the SMS providers. */
    static final Map<String, Integer> MAIN_NUMBERS = Map.ofEntries(Map.entry("COMPLAINT_RECEIVED", 0), Map.entry("COMPLAINT_ASSIGNED", 1),
            Map.entry("COMPLAINT_RESULT", 2), Map.entry("DEADLINE_WARNING", 3), Map.entry("DEADLINE_OVERDUE", 4),
            Map.entry("REPAIR_RECEIVED", 5), Map.entry("REPAIR_DONE", 6), Map.entry("PATROL_RESULT", 7), Map.entry("VERIFICATION_CODE", 8),
            Map.entry("NOTICE", 9), Map.entry("COMMITTEE_TERM_ENDING", 10), Map.entry("REPAIR_NEW", 11));
    /**
     * Grants contributed after main f333a0a (role + permission): a new permission of a later version is granted on
     * upgrade like on a fresh install, audited {@code role.contribute}; everything else stays as main left it.
     * Issue 12: {@code company:apply} (a legal person not in the registry applies, COS-1).
     */
    static final Set<String> GRANTED_SINCE_MAIN = Set.of("COMPANY company:apply");
    static final Instant T0 = Instant.parse("2026-12-01T01:00:00Z");
    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    abstract TestDatabase old();

    abstract TestDatabase fresh();

    abstract TestDatabase mainFresh();

    private Map<String, List<String>> before;
    private Map<String, List<String>> after;
    private Deadline deadlineBefore;
    private List<Contribution> contributions;

    // ------------------------------------------------------------------ set-up: main's database, then the upgrade

    @BeforeAll
    void upgrade() throws Exception {
        contributions = org.smartproperty.platform.testsupport.StandInContributions.onClassPath();
        DataSource ds = old().dataSource();
        migrateMain(ds);
        migrateMain(mainFresh().dataSource());
        // representative data, as main's code and a security admin leave it
        sql(ds, "DELETE FROM sec_role_permission WHERE role = 'INSPECTOR' AND permission = 'complaint:read'",
                "DELETE FROM sec_role_permission WHERE role = 'OWNER' AND permission = 'house:verify'",
                "DELETE FROM sec_role_permission WHERE role = 'OPS' AND permission = 'metrics:read'",
                "INSERT INTO sec_role_permission (role, permission) VALUES ('INSPECTOR', 'repair:handle')",
                "UPDATE dl_time_limit SET amount = 15, updated_by = 'regulator', version = 1 WHERE domain = 'complaint' AND category = 'COMPLAINT'",
                "INSERT INTO ntf_notification (id, account_id, kind, params, link, created_at) VALUES "
                        + "(101, 7, 'COMPLAINT_RESULT', '{\"no\":\"TS-2026-000042\",\"result\":\"已整改\"}', '/complaints/42', TIMESTAMP WITH TIME ZONE '2026-11-30 08:00:00+00'),"
                        + "(102, 7, 'DEADLINE_WARNING', '{\"item\":\"投诉\",\"no\":\"TS-2026-000043\",\"deadline\":\"12月10日\"}', '/complaints/43', TIMESTAMP WITH TIME ZONE '2026-11-30 09:00:00+00'),"
                        + "(103, 7, 'REPAIR_NEW', '{\"no\":\"BX-2026-000007\",\"place\":\"1栋1单元101\"}', '/repairs/7', TIMESTAMP WITH TIME ZONE '2026-11-30 10:00:00+00')");
        AuditTrail audit = AuditTrailImpl.standalone(ds);
        DeadlineTracker tracker = DeadlineEngine.standalone(ds, audit, CLOCK);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            deadlineBefore = tracker.start(c, new TrackedItem("complaint", 42, "COMPLAINT", "TS-2026-000042", 1L, 2L, 3L, null, T0));
            new SmsOutboxImpl(ds, CLOCK).enqueue(c, new SmsRequest("13800001111", MessageKind.of("COMPLAINT_RESULT"),
                    Map.of("no", "TS-2026-000042", "result", "已整改"), "complaint:42"));
            c.commit();
        }
        before = snapshot(ds);

        // the upgrade: the current changelogs, then the bundles' contributions as the collectors apply them in Karaf
        migrateCurrent(ds);
        collect(ds);
        after = withoutColumnsSinceMain(withoutGrantsSinceMain(snapshot(ds)));
    }

    /**
     * Columns added since main, with the value every row main left must get: issue 18's changeset ntf-2 made the SMS outbox
     * the outbox of two channels (an old row is an SMS, to no account, without a link).
     */
    static final Map<String, List<String>> COLUMNS_SINCE_MAIN = Map.of("ntf_sms_outbox", List.of("channel=SMS;", "account_id=null;", "link=null;"));

    /** The snapshot without the columns of {@link #COLUMNS_SINCE_MAIN} where a row holds exactly their expected values. */
    static Map<String, List<String>> withoutColumnsSinceMain(Map<String, List<String>> snapshot) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        snapshot.forEach((table, rows) -> out.put(table, rows.stream().map(r -> {
            List<String> added = COLUMNS_SINCE_MAIN.getOrDefault(table, List.of());
            if (!added.stream().allMatch(r::contains)) {
                return r; // left as it is, so the comparison with main's rows fails and shows it
            }
            String stripped = r;
            for (String column : added) {
                stripped = stripped.replace(column, "");
            }
            return stripped;
        }).sorted().toList()));
        return out;
    }

    /** The snapshot without the role-template rows of {@link #GRANTED_SINCE_MAIN} and the audit rows that granted them. */
    static Map<String, List<String>> withoutGrantsSinceMain(Map<String, List<String>> snapshot) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        snapshot.forEach((table, rows) -> out.put(table, rows.stream().filter(r -> GRANTED_SINCE_MAIN.stream().noneMatch(g -> {
            String[] rp = g.split(" ");
            return r.equals("role=" + rp[0] + ";permission=" + rp[1] + ";")
                    || r.contains("action=role.contribute;") && r.contains("object_id=" + rp[0] + ";") && r.contains("\"granted\":[\"" + rp[1] + "\"]");
        })).toList()));
        return out;
    }

    private void migrateMain(DataSource ds) throws Exception {
        for (String log : CHANGELOGS) {
            Migrations.migrate(ds, MAIN + log + ".changelog.xml", new ClassLoaderResourceAccessor(getClass().getClassLoader()));
        }
    }

    private void migrateCurrent(DataSource ds) throws Exception {
        for (String log : CHANGELOGS) {
            Migrations.migrate(ds, "db/" + log + ".changelog.xml", new ClassLoaderResourceAccessor(getClass().getClassLoader()));
        }
    }

    private void collect(DataSource ds) {
        for (Contribution c : contributions) {
            ContributedGrants.seed(ds, c, Instant.now());
            ContributedTimeLimits.seed(ds, c, Instant.now());
            assertEquals(List.of(), MessageKinds.register(c), c.bundle());
        }
    }

    // ------------------------------------------------------------------ the upgraded database

    @Test
    void theUpgradeFindsEveryDomainsContribution() {
        Set<String> bundles = new TreeSet<>();
        contributions.forEach(c -> bundles.add(c.bundle()));
        assertEquals(new TreeSet<>(List.of("org.smartproperty.platform.security", "org.smartproperty.platform.files",
                "org.smartproperty.platform.rest", "org.smartproperty.estate.impl", "org.smartproperty.company.impl",
                "org.smartproperty.committee.impl", "org.smartproperty.complaint.impl", "org.smartproperty.service.impl",
                "org.smartproperty.deadline.impl", "org.smartproperty.notification.impl", "org.smartproperty.ops.shell")), bundles);
    }

    @Test
    void nothingIsLostAndTheAdminsEditsStay_issue10_item1() throws Exception {
        assertEquals(before, after, "role templates, time limits, deadlines, notifications and SMS as main left them");
        List<String> inspector = old().strings("SELECT permission FROM sec_role_permission WHERE role = 'INSPECTOR'");
        assertFalse(inspector.contains("complaint:read"), "removed by the admin, not added again");
        assertTrue(inspector.contains("repair:handle"), "added by the admin, kept");
        assertFalse(old().strings("SELECT permission FROM sec_role_permission WHERE role = 'OWNER'").contains("house:verify"));
        assertFalse(old().strings("SELECT permission FROM sec_role_permission WHERE role = 'OPS'").contains("metrics:read"));
        assertEquals(List.of("15"), old().strings("SELECT amount FROM dl_time_limit WHERE domain = 'complaint' AND category = 'COMPLAINT'"));
    }

    @Test
    void everyGrantMainSeededIsRecordedForTheBundleThatContributesItNow() throws Exception {
        // a grant main seeded is recorded (even the ones the admin removed since): contributions never add them again
        Set<String> recorded = new TreeSet<>(old().strings("SELECT bundle || ' ' || role || ' ' || permission FROM sec_contribution_grant"));
        Set<String> contributed = new TreeSet<>();
        for (Contribution c : contributions) {
            c.grants().forEach(g -> contributed.add(c.bundle() + " " + g.role() + " " + g.permission()));
        }
        assertEquals(contributed, recorded);
        assertTrue(recorded.contains("org.smartproperty.complaint.impl INSPECTOR complaint:read"));
        assertEquals(new TreeSet<>(GRANTED_SINCE_MAIN), new TreeSet<>(old().strings("SELECT object_id || ' ' || summary FROM aud_event "
                        + "WHERE action = 'role.contribute'").stream().map(r -> r.replaceAll("^(\\S+) .*\"granted\":\\[\"([^\"]+)\"\\].*$", "$1 $2")).toList()),
                "the upgrade changed no role template but granting the permissions contributed since main");
    }

    @Test
    void aDeadlineStartedAfterTheUpgradeGetsTheConfiguredLimitAsBefore_SLA_1() throws Exception {
        DataSource ds = old().dataSource();
        DeadlineTracker tracker = DeadlineEngine.standalone(ds, AuditTrailImpl.standalone(ds), CLOCK);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            Deadline after = tracker.start(c, new TrackedItem("complaint", 43, "COMPLAINT", "TS-2026-000043", 1L, 2L, 3L, null, T0));
            c.commit();
            assertEquals(15, after.amount());
            assertEquals(deadlineBefore.dueAt(), after.dueAt());
            assertEquals(deadlineBefore.warnAt(), after.warnAt());
        }
    }

    @Test
    void notificationsWrittenOnMainRenderAsOnMain_SLA_3() throws Exception {
        NotificationsImpl n = new NotificationsImpl(old().dataSource(), CLOCK);
        for (Locale l : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            List<Notification> items = n.list(7, false, PageRequest.of(0, 20), l).items();
            assertEquals(3, items.size());
            for (Notification x : items) {
                assertEquals(mainRender(x.kind().name(), l, x.params()), x.text(), x.kind() + " in " + l);
            }
        }
    }

    // ------------------------------------------------------------------ a database made by the current code

    @Test
    void aFreshDatabaseHasMainsRoleTemplatesAndTimeLimits_issue10_item1() throws Exception {
        migrateCurrent(fresh().dataSource());
        collect(fresh().dataSource());
        List<String> expected = new ArrayList<>(mainFresh().strings("SELECT role || ' ' || permission FROM sec_role_permission ORDER BY 1"));
        expected.addAll(GRANTED_SINCE_MAIN);
        java.util.Collections.sort(expected);
        assertEquals(expected, fresh().strings("SELECT role || ' ' || permission FROM sec_role_permission ORDER BY 1"));
        String limits = "SELECT domain || ' ' || category || ' ' || amount || ' ' || unit || ' ' || pausable || ' ' || warning_ratio || ' ' || "
                + "description || ' ' || updated_by || ' ' || version FROM dl_time_limit ORDER BY 1";
        assertEquals(mainFresh().strings(limits), fresh().strings(limits));
        assertEquals(8, fresh().strings(limits).size());
    }

    @Test
    void theContributedMessageKindsAreMainsNumberForNumberAndTextForText_INT_SMS() throws Exception {
        Map<String, Properties> main = new LinkedHashMap<>();
        main.put("zh-CN", props("templates.properties"));
        main.put("zh-TW", props("templates_zh_TW.properties"));
        main.put("en", props("templates_en.properties"));
        Map<String, Contribution.MessageKindDef> contributed = new TreeMap<>();
        for (Contribution c : contributions) {
            c.messageKinds().forEach(k -> contributed.put(k.name(), k));
        }
        assertEquals(new TreeSet<>(MAIN_NUMBERS.keySet()), contributed.keySet());
        for (Contribution.MessageKindDef k : contributed.values()) {
            assertEquals(MAIN_NUMBERS.get(k.name()), k.number(), k.name());
            main.forEach((lang, p) -> assertEquals(p.getProperty(k.name()), k.templates().get(lang), k.name() + " " + lang));
        }
    }

    // ------------------------------------------------------------------ helpers

    private static Properties props(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = UpgradeFromMainContract.class.getClassLoader().getResourceAsStream(MAIN + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** What main's SmsTemplates.render gave: its templates*.properties, placeholders replaced. */
    private static String mainRender(String kind, Locale l, Map<String, String> params) throws Exception {
        String t = props(Locale.ENGLISH.equals(l) ? "templates_en.properties" : "templates.properties").getProperty(kind);
        Matcher m = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}").matcher(t);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = params.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? "" : v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static void sql(DataSource ds, String... statements) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String q : statements) {
                s.execute(q);
            }
        }
    }

    /** The rows of the tables the upgrade must not touch, each row as one string, sorted. */
    private static Map<String, List<String>> snapshot(DataSource ds) throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String table : List.of("sec_role_permission", "dl_time_limit", "dl_deadline", "ntf_notification", "ntf_sms_outbox", "aud_event")) {
            List<String> rows = new ArrayList<>();
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table);
                 ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        sb.append(md.getColumnName(i).toLowerCase(Locale.ROOT)).append('=').append(rs.getString(i)).append(';');
                    }
                    rows.add(sb.toString());
                }
            }
            rows.sort(null);
            out.put(table, rows);
        }
        return out;
    }
}
