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
import java.util.Map;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.smartproperty.assessment.AssessmentMetric;
import org.smartproperty.platform.Jdbc;
import org.smartproperty.platform.persistence.SchemaReady;

/**
 * The assessment metric {@code PATROL_CLOSURE} (SUP-AS-1 computed indicator from SVC-PAT-1 patrol tasks, issue 14): per
 * company, the share of its patrol tasks ({@code svc_patrol_task.company_id}) created on an Asia/Shanghai day of the period
 * (their creation row in {@code svc_patrol_event}) that are CLOSED now, in percent with two decimals; a company without tasks created in the period has no value. Read-only,
 * one transaction of its own on this domain's tables; registered as an {@link AssessmentMetric} (whiteboard of the
 * assessment domain, which references it dynamically: no cycle).
 */
@Component(service = AssessmentMetric.class)
public class PatrolClosureMetric implements AssessmentMetric {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.service.impl)")
    private SchemaReady schema;

    public PatrolClosureMetric() {
    }

    /** Outside OSGi (tests). */
    PatrolClosureMetric(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return PATROL_CLOSURE;
    }

    @Override
    public Map<Long, BigDecimal> values(LocalDate from, LocalDate to) {
        // created = the task's first timeline row (from_status null, at the service's clock; created_at is the row's insert time)
        String sql = "SELECT t.company_id, SUM(CASE WHEN t.status = 'CLOSED' THEN 1 ELSE 0 END), COUNT(*) FROM svc_patrol_task t "
                + "JOIN svc_patrol_event e ON e.task_id = t.id AND e.from_status IS NULL "
                + "WHERE e.event_at >= ? AND e.event_at < ? GROUP BY t.company_id";
        try {
            return Jdbc.transaction(dataSource, c -> {
                Map<Long, BigDecimal> out = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setTimestamp(1, Timestamp.from(from.atStartOfDay(ZONE).toInstant()));
                    ps.setTimestamp(2, Timestamp.from(to.plusDays(1).atStartOfDay(ZONE).toInstant()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long all = rs.getLong(3);
                            if (all > 0) {
                                out.put(rs.getLong(1), BigDecimal.valueOf(rs.getLong(2) * 100).divide(BigDecimal.valueOf(all), 2, RoundingMode.HALF_UP));
                            }
                        }
                    }
                }
                return out;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("PATROL_CLOSURE not computed", e);
        }
    }
}
