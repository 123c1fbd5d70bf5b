package org.smartproperty.inspection.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
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
import org.smartproperty.platform.persistence.SchemaReady;

/**
 * The assessment metric {@code INSPECTION_PASS} (SUP-AS-1 computed indicator from SUP-DR-4 results): per company, the share of
 * PASS among the PASS and FAIL results recorded in the period on the objects drawn for it (the company itself, or an estate
 * it managed at the draw: {@code ins_drawn_object.company_id}), in percent with two decimals; NOT_APPLICABLE does not count,
 * a company without results has no value. Read-only, on a connection of its own from this domain's tables; registered as an
 * {@link AssessmentMetric} (whiteboard of the assessment domain, which references it dynamically: no cycle).
 */
@Component(service = AssessmentMetric.class)
public class InspectionPassMetric implements AssessmentMetric {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.inspection.impl)")
    private SchemaReady schema;

    public InspectionPassMetric() {
    }

    /** Outside OSGi (tests). */
    InspectionPassMetric(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return INSPECTION_PASS;
    }

    @Override
    public Map<Long, BigDecimal> values(LocalDate from, LocalDate to) {
        String sql = "SELECT d.company_id, SUM(CASE WHEN r.outcome = 'PASS' THEN 1 ELSE 0 END), COUNT(*) FROM ins_result r "
                + "JOIN ins_drawn_object d ON d.task_id = r.task_id AND d.object_id = r.object_id "
                + "WHERE r.outcome IN ('PASS', 'FAIL') AND r.created_at >= ? AND r.created_at < ? GROUP BY d.company_id";
        Map<Long, BigDecimal> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
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
        } catch (SQLException e) {
            throw new IllegalStateException("INSPECTION_PASS not computed", e);
        }
        return out;
    }
}
