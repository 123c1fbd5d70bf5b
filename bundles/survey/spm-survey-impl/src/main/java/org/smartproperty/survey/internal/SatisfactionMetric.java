package org.smartproperty.survey.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.smartproperty.assessment.AssessmentMetric;
import org.smartproperty.platform.Jdbc;
import org.smartproperty.platform.persistence.SchemaReady;

/**
 * The assessment metric {@code SATISFACTION} (SUP-AS-1 computed indicator from SVC-SAT-2, issue 16): per company, the owners'
 * satisfaction score 0–100 ((mean of their 1–5 SCORE answers − 1) / 4 × 100, two decimals) over the CLOSED and PUBLISHED
 * COMPANY surveys whose period overlaps the assessment period, the answers about the estates the company managed when
 * the survey opened ({@code svy_target.company_id}). A company without such answers has no value. Read-only, one transaction
 * of its own on this domain's tables; registered as an {@link AssessmentMetric} (whiteboard of the assessment domain, which
 * references it dynamically: no cycle).
 */
@Component(service = AssessmentMetric.class)
public class SatisfactionMetric implements AssessmentMetric {

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.survey.impl)")
    private SchemaReady schema;

    public SatisfactionMetric() {
    }

    /** Outside OSGi (tests). */
    SatisfactionMetric(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return SATISFACTION;
    }

    @Override
    public Map<Long, BigDecimal> values(LocalDate from, LocalDate to) {
        String sql = "SELECT t.company_id, SUM(a.score), COUNT(a.score) FROM svy_survey s"
                + " JOIN svy_target t ON t.survey_id = s.id"
                + " JOIN svy_response r ON r.survey_id = s.id AND r.estate_id = t.estate_id AND r.respondent_kind = 'OWNER'"
                + " JOIN svy_answer a ON a.response_id = r.id JOIN svy_question q ON q.id = a.question_id AND q.kind = 'SCORE'"
                + " WHERE s.subject = 'COMPANY' AND s.status IN ('CLOSED', 'PUBLISHED') AND s.period_from <= ? AND s.period_to >= ?"
                + " AND t.company_id IS NOT NULL AND a.score IS NOT NULL GROUP BY t.company_id";
        try {
            return Jdbc.transaction(dataSource, c -> {
                Map<Long, BigDecimal> out = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setObject(1, to);
                    ps.setObject(2, from);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long sum = rs.getLong(2);
                            long n = rs.getLong(3);
                            if (n > 0) {
                                out.put(rs.getLong(1), BigDecimal.valueOf(sum - n).multiply(BigDecimal.valueOf(100))
                                        .divide(BigDecimal.valueOf(n * 4), 2, RoundingMode.HALF_UP));
                            }
                        }
                    }
                }
                return out;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("SATISFACTION not computed", e);
        }
    }
}
