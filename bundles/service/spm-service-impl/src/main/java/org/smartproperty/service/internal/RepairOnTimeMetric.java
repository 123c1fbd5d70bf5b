package org.smartproperty.service.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.smartproperty.assessment.AssessmentMetric;
import org.smartproperty.deadline.Deadline;
import org.smartproperty.deadline.DeadlineState;
import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Jdbc;
import org.smartproperty.platform.persistence.SchemaReady;

/**
 * The assessment metric {@code REPAIR_ON_TIME} (SUP-AS-1 computed indicator from SVC-REP-1/2 repairs, issue 14): per company,
 * the share of its repairs ({@code svc_repair.company_id}, the company managing the estate when requested) completed in the
 * period whose time limit was met, in percent with two decimals. A repair counts when it is COMPLETED or CONFIRMED now and its
 * last {@code complete} step ({@code svc_repair_event}) falls on an Asia/Shanghai day of the period; it was on time when its
 * deadline (the deadline engine's {@link DeadlineTracker#find}, domain {@code repair}: the repair tables keep no due time) is
 * COMPLETED with {@code finishedAt} not after {@code dueAt} (pauses already moved {@code dueAt}). A repair without a completed
 * deadline does not count; a company without counted repairs has no value. Read-only, one transaction of its own; the
 * deadline engine is referenced dynamically (503 while its impl is being updated: the assessment logs it, no value).
 */
@Component(service = AssessmentMetric.class)
public class RepairOnTimeMetric implements AssessmentMetric {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.service.impl)")
    private SchemaReady schema;

    // another domain's service: dynamic, so updating its impl bundle does not restart this component (issue 10 item 6)
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DeadlineTracker deadlines;

    public RepairOnTimeMetric() {
    }

    /** Outside OSGi (tests). */
    RepairOnTimeMetric(DataSource dataSource, DeadlineTracker deadlines) {
        this.dataSource = dataSource;
        this.deadlines = deadlines;
    }

    @Override
    public String name() {
        return REPAIR_ON_TIME;
    }

    @Override
    public Map<Long, BigDecimal> values(LocalDate from, LocalDate to) {
        String sql = "SELECT r.id, r.company_id FROM svc_repair r JOIN (SELECT repair_id, MAX(event_at) AS done_at FROM svc_repair_event "
                + "WHERE action = 'complete' GROUP BY repair_id) d ON d.repair_id = r.id "
                + "WHERE r.status IN ('COMPLETED', 'CONFIRMED') AND d.done_at >= ? AND d.done_at < ? ORDER BY r.id";
        try {
            return Jdbc.transaction(dataSource, c -> {
                DeadlineTracker tracker = ApiException.requireAvailable(deadlines, "deadline");
                Map<Long, Long> repairs = new LinkedHashMap<>();
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setTimestamp(1, Timestamp.from(from.atStartOfDay(ZONE).toInstant()));
                    ps.setTimestamp(2, Timestamp.from(to.plusDays(1).atStartOfDay(ZONE).toInstant()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            repairs.put(rs.getLong(1), rs.getLong(2));
                        }
                    }
                }
                Map<Long, long[]> perCompany = new HashMap<>(); // {on time, counted}
                for (Map.Entry<Long, Long> r : repairs.entrySet()) {
                    Optional<Deadline> d = tracker.find(c, RepairServiceImpl.DOMAIN, r.getKey());
                    if (d.isEmpty() || d.get().state() != DeadlineState.COMPLETED || d.get().finishedAt() == null) {
                        continue;
                    }
                    long[] n = perCompany.computeIfAbsent(r.getValue(), k -> new long[2]);
                    n[1]++;
                    if (!d.get().finishedAt().isAfter(d.get().dueAt())) {
                        n[0]++;
                    }
                }
                Map<Long, BigDecimal> out = new HashMap<>();
                perCompany.forEach((company, n) -> out.put(company,
                        BigDecimal.valueOf(n[0] * 100).divide(BigDecimal.valueOf(n[1]), 2, RoundingMode.HALF_UP)));
                return out;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("REPAIR_ON_TIME not computed", e);
        }
    }
}
