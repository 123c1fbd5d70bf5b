package org.smartproperty.ops;

import static org.smartproperty.ops.OpsReportQueries.*;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The operational report of a period (OPS-6), read straight from the database (works while the
 * platform is down): availability from the per-minute request-stat buckets the platform flushes
 * ({@code plt_request_stats}, group {@code -} is each node's heartbeat), requests / errors /
 * latency percentiles by endpoint group, data volume and growth by table prefix, logins by role,
 * security events from the audit log and {@code sec_login_failure}, backups from the archive
 * folder's {@code spm-backup-records.jsonl}. The platform keeps no table of health incidents;
 * the report says so.
 */
public final class OpsReport {

    /** Upper bounds (ms) of the latency buckets of {@code plt_request_stats.latency_counts}; one more bucket for +Inf. */
    public static final long[] BUCKETS_MS = {5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000};
    /** The heartbeat group: one row per node and minute, also without traffic. */
    public static final String HEARTBEAT = "-";
    /** WARNING above this share of 5xx answers (groups with at least {@link #MIN_REQUESTS} requests). */
    public static final double MAX_ERROR_RATE = 0.05;
    public static final long MIN_REQUESTS = 20;

    /** Table prefix → domain key ({@code report.domain.<prefix>} in the messages). */
    public static final Map<String, String> DOMAINS = domains();

    /** Audit actions counted as security events. */
    public static final List<String> SECURITY_ACTIONS = List.of("login.failure", "login.throttled", "login.locked", "account.locked",
            "ip.ban", "ip.unban", "role.permissions", "account.roles", "account.status", "access.denied", "network.denied", "network.banned");

    static Map<String, String> domains() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String p : List.of("est", "cmp", "ocm", "cpl", "svc", "dl", "ntf", "plt", "sec", "aud")) {
            m.put(p, p);
        }
        return m;
    }

    /** A period [from, to) in a time zone; {@code label} is what the operator asked for. */
    public record Period(Instant from, Instant to, ZoneId zone, String label) {

        /** {@code --period YYYY-MM}, or {@code --from DATE --to DATE} (both days included). */
        public static Period of(String month, String fromDate, String toDate, ZoneId zone) {
            try {
                if (month != null && fromDate == null && toDate == null) {
                    YearMonth ym = YearMonth.parse(month.trim());
                    return new Period(ym.atDay(1).atStartOfDay(zone).toInstant(), ym.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant(), zone,
                            ym.toString());
                }
                if (month == null && fromDate != null && toDate != null) {
                    LocalDate f = LocalDate.parse(fromDate.trim());
                    LocalDate t = LocalDate.parse(toDate.trim());
                    if (t.isBefore(f)) {
                        throw new OpsException("report.badPeriod", fromDate + " > " + toDate);
                    }
                    return new Period(f.atStartOfDay(zone).toInstant(), t.plusDays(1).atStartOfDay(zone).toInstant(), zone, f + "/" + t);
                }
            } catch (DateTimeParseException e) {
                throw new OpsException(e, "report.badPeriod", e.getParsedString());
            }
            throw new OpsException("report.badPeriod", month == null ? String.valueOf(fromDate) + "/" + toDate : month);
        }
    }

    /** Requests of one endpoint group (or the total, group {@code *}). */
    public record GroupStats(String group, long requests, long errors4xx, long errors5xx, long latencySumMs, long[] counts) {

        public double errorRate() {
            return requests == 0 ? 0 : (double) (errors4xx + errors5xx) / requests;
        }

        public double serverErrorRate() {
            return requests == 0 ? 0 : (double) errors5xx / requests;
        }

        /** The q-quantile (0..1) in ms, interpolated inside its bucket; the +Inf bucket answers its lower bound; null without requests. */
        public Double percentileMs(double q) {
            long total = 0;
            for (long c : counts) {
                total += c;
            }
            if (total == 0) {
                return null;
            }
            double rank = q * total;
            long cum = 0;
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0 && cum + counts[i] >= rank) {
                    double lower = i == 0 ? 0 : BUCKETS_MS[i - 1];
                    if (i >= BUCKETS_MS.length) {
                        return lower;
                    }
                    double upper = BUCKETS_MS[i];
                    return Math.round((lower + (upper - lower) * (rank - cum) / counts[i]) * 10) / 10.0;
                }
                cum += counts[i];
            }
            return (double) BUCKETS_MS[BUCKETS_MS.length - 1];
        }
    }

    public record Availability(long minutesInPeriod, long minutesObserved, int nodes) {
        /** Percent of the period's minutes (up to now) with a heartbeat of at least one node; null without any. */
        public Double percent() {
            return minutesInPeriod == 0 || minutesObserved == 0 ? null : Math.round(minutesObserved * 10000.0 / minutesInPeriod) / 100.0;
        }
    }

    public record DomainVolume(String prefix, int tables, long rows, Long createdInPeriod) {
    }

    public record RoleActivity(String role, long logins, long activeAccounts, long accounts) {
    }

    /** Security events: failed logins from {@code sec_login_failure}, the rest by audit action. */
    public record Security(long failedLogins, Map<String, Long> byAction) {
        public long count(String action) {
            return byAction.getOrDefault(action, 0L);
        }
    }

    /** Backups of the period from the archive folder's records; {@code directory} null when not given. */
    public record Backups(String directory, long taken, long failed, long verified, long verifyFailed, long restoreTested,
                          long restoreTestsFailed, String lastBackupAt) {
    }

    /** A WARNING-level fact: message key and arguments. */
    public record Warning(String key, List<Object> args) {
        public String message(Locale locale) {
            return OpsMessages.format(locale, key, args.toArray());
        }
    }

    public record Report(Period period, Instant generated, Availability availability, List<GroupStats> groups, GroupStats total,
                         List<DomainVolume> data, List<RoleActivity> activity, Security security, Backups backups, long auditEvents,
                         List<Warning> warnings) {

        /** Nothing at all recorded in the period: no request stats, no audit events, no backups, no rows created. */
        public boolean empty() {
            return availability.minutesObserved() == 0 && total.requests() == 0 && auditEvents == 0 && backups.taken() == 0
                    && data.stream().allMatch(d -> d.createdInPeriod() == null || d.createdInPeriod() == 0);
        }
    }

    private final java.time.Clock clock;

    public OpsReport() {
        this(java.time.Clock.systemUTC());
    }

    public OpsReport(java.time.Clock clock) {
        this.clock = clock;
    }

    /** Builds the report of {@code period}; {@code backupsDir} may be null (backups then not checked: a warning). */
    public Report build(DataSource ds, Period period, Path backupsDir) {
        Instant now = clock.instant();
        try (Connection c = ds.getConnection()) {
            c.setReadOnly(true);
            Set<String> tables = tables(c);
            Availability availability = availability(c, tables, period, now);
            List<GroupStats> groups = groups(c, tables, period);
            GroupStats total = total(groups);
            List<DomainVolume> data = data(c, tables, period);
            List<RoleActivity> activity = activity(c, tables, period);
            Security security = security(c, tables, period);
            long audit = tables.contains("aud_event") ? count(c, "SELECT COUNT(*) FROM aud_event WHERE at >= ? AND at < ?", period) : 0;
            Backups backups = backups(backupsDir, period);
            List<Warning> warnings = new ArrayList<>();
            for (GroupStats g : groups) {
                if (g.requests() >= MIN_REQUESTS && g.serverErrorRate() > MAX_ERROR_RATE) {
                    warnings.add(new Warning("report.warn.errorRate", List.of(g.group(), pct(g.serverErrorRate()))));
                }
            }
            if (backupsDir == null) {
                warnings.add(new Warning("report.warn.noBackupDir", List.of()));
            } else if (backups.taken() == 0) {
                warnings.add(new Warning("report.warn.noBackup", List.of(backupsDir.toString())));
            }
            if (backups.restoreTestsFailed() > 0 || backups.failed() > 0 || backups.verifyFailed() > 0) {
                warnings.add(new Warning("report.warn.backupFailures", List.of(backups.failed(), backups.verifyFailed(), backups.restoreTestsFailed())));
            }
            return new Report(period, now, availability, groups, total, data, activity, security, backups, audit, List.copyOf(warnings));
        } catch (SQLException e) {
            throw new OpsException(e, "report.dbFailed", e.getMessage());
        }
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.2f%%", share * 100);
    }

    /** The report as typed records ({@code report.*}), the same for the CLI's JSON and any other front end. */
    public static List<Map<String, Object>> records(Report r, Locale locale) {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, Object> period = rec("report.period");
        period.put("label", r.period().label());
        period.put("from", r.period().from().toString());
        period.put("to", r.period().to().toString());
        period.put("zone", r.period().zone().getId());
        period.put("generated", r.generated().toString());
        out.add(period);
        Map<String, Object> av = rec("report.availability");
        av.put("source", "plt_request_stats");
        av.put("minutesInPeriod", r.availability().minutesInPeriod());
        av.put("minutesObserved", r.availability().minutesObserved());
        av.put("nodes", r.availability().nodes());
        av.put("percent", r.availability().percent());
        out.add(av);
        List<GroupStats> all = new ArrayList<>(r.groups());
        all.add(r.total());
        for (GroupStats g : all) {
            Map<String, Object> m = rec("report.requests");
            m.put("group", g.group());
            m.put("requests", g.requests());
            m.put("errors4xx", g.errors4xx());
            m.put("errors5xx", g.errors5xx());
            m.put("errorRate", Math.round(g.errorRate() * 10000) / 10000.0);
            m.put("serverErrorRate", Math.round(g.serverErrorRate() * 10000) / 10000.0);
            m.put("meanMs", g.requests() == 0 ? null : Math.round(g.latencySumMs() * 10.0 / g.requests()) / 10.0);
            m.put("p50Ms", g.percentileMs(0.50));
            m.put("p95Ms", g.percentileMs(0.95));
            m.put("p99Ms", g.percentileMs(0.99));
            out.add(m);
        }
        for (DomainVolume d : r.data()) {
            Map<String, Object> m = rec("report.data");
            m.put("prefix", d.prefix());
            m.put("domain", OpsMessages.format(locale, "report.domain." + d.prefix()));
            m.put("tables", d.tables());
            m.put("rows", d.rows());
            m.put("createdInPeriod", d.createdInPeriod());
            out.add(m);
        }
        for (RoleActivity a : r.activity()) {
            Map<String, Object> m = rec("report.activity");
            m.put("role", a.role());
            m.put("logins", a.logins());
            m.put("activeAccounts", a.activeAccounts());
            m.put("accounts", a.accounts());
            out.add(m);
        }
        Map<String, Object> sec = rec("report.security");
        sec.put("failedLogins", r.security().failedLogins());
        sec.put("auditActions", r.security().byAction());
        out.add(sec);
        Map<String, Object> b = rec("report.backups");
        b.put("directory", r.backups().directory());
        b.put("checked", r.backups().directory() != null);
        b.put("taken", r.backups().taken());
        b.put("failed", r.backups().failed());
        b.put("verified", r.backups().verified());
        b.put("verifyFailed", r.backups().verifyFailed());
        b.put("restoreTested", r.backups().restoreTested());
        b.put("restoreTestsFailed", r.backups().restoreTestsFailed());
        b.put("lastBackupAt", r.backups().lastBackupAt());
        out.add(b);
        Map<String, Object> inc = rec("report.incidents");
        inc.put("recorded", false);
        inc.put("incidents", List.of());
        inc.put("note", OpsMessages.format(locale, "report.incidents.none"));
        out.add(inc);
        for (Warning w : r.warnings()) {
            Map<String, Object> m = rec("report.warning");
            m.put("key", w.key());
            m.put("args", w.args().stream().map(String::valueOf).toList());
            m.put("message", w.message(locale));
            out.add(m);
        }
        return out;
    }

    /** The report as plain text for a terminal: summary line, requests by group, warnings. */
    public static String text(Report r, Locale locale) {
        StringBuilder b = new StringBuilder();
        b.append(OpsMessages.format(locale, "report.summary", r.period().label(), r.total().requests(), r.total().errors5xx(),
                r.availability().percent() == null ? "-" : r.availability().percent() + "%", r.warnings().size())).append('\n');
        b.append(String.format(Locale.ROOT, "%-16s %10s %6s %6s %9s %9s %9s%n", "GROUP", "REQUESTS", "4XX", "5XX", "P50(ms)", "P95(ms)", "P99(ms)"));
        List<GroupStats> all = new ArrayList<>(r.groups());
        all.add(r.total());
        for (GroupStats g : all) {
            b.append(String.format(Locale.ROOT, "%-16s %10d %6d %6d %9s %9s %9s%n", g.group(), g.requests(), g.errors4xx(), g.errors5xx(),
                    num(g.percentileMs(0.5)), num(g.percentileMs(0.95)), num(g.percentileMs(0.99))));
        }
        for (Warning w : r.warnings()) {
            b.append("WARNING ").append(w.message(locale)).append('\n');
        }
        if (r.empty()) {
            b.append(OpsMessages.format(locale, "report.noData")).append('\n');
        }
        return b.toString();
    }

    private static String num(Double d) {
        return d == null ? "-" : d.toString();
    }

    private static Map<String, Object> rec(String type) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        return m;
    }
}
