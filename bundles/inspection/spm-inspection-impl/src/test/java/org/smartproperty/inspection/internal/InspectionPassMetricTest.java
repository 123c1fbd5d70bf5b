package org.smartproperty.inspection.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.assessment.AssessmentMetric;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * The assessment metric INSPECTION_PASS (SUP-AS-1 computed from SUP-DR-4 results) on PostgreSQL: per company the share of PASS
 * among PASS and FAIL in the period (Asia/Shanghai days), NOT_APPLICABLE left out, no results = no value.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionPassMetricTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    static final Instant IN_PERIOD = Instant.parse("2026-03-10T02:00:00Z");
    static final Instant BEFORE = Instant.parse("2025-12-31T15:59:00Z"); // 2025-12-31 23:59 in Zhuhai: outside 2026

    @BeforeAll
    void setUp() throws Exception {
        db.migrate("db/inspection.changelog.xml");
        try (Connection c = db.dataSource().getConnection()) {
            exec(c, "INSERT INTO ins_item (id, code, name, legal_basis, target, active, version, created_at, created_by, updated_at, updated_by) "
                    + "VALUES (1, 'WY-01', '收费公示', '物业管理条例', 'COMPANY', 1, 1, ?, 't', ?, 't')", IN_PERIOD, IN_PERIOD);
            exec(c, "INSERT INTO ins_item (id, code, name, legal_basis, target, active, version, created_at, created_by, updated_at, updated_by) "
                    + "VALUES (2, 'WY-02', '合同备案', '物业管理条例', 'COMPANY', 1, 1, ?, 't', ?, 't')", IN_PERIOD, IN_PERIOD);
            exec(c, "INSERT INTO ins_task (id, task_no, name, authority, target, item_ids, draw_date, start_date, end_date, draw_rule, "
                    + "inspectors_per_object, seed, status, status_changed_at, version, created_at, created_by, updated_at, updated_by) VALUES "
                    + "(1, 'JC-2026-000001', '测试任务', '住建局', 'COMPANY', '[1]', DATE '2026-03-01', DATE '2026-03-02', DATE '2026-03-31', "
                    + "'{}', 2, 'ab', 'DRAWN', ?, 1, ?, 't', ?, 't')", IN_PERIOD, IN_PERIOD, IN_PERIOD);
            // objects 11 and 12 of company 7, object 13 of company 8, object 14 of company 9 (only NOT_APPLICABLE)
            long[][] objects = {{11, 7}, {12, 7}, {13, 8}, {14, 9}};
            for (int i = 0; i < objects.length; i++) {
                exec(c, "INSERT INTO ins_drawn_object (id, task_id, position, object_id, name, kind, ref_id, company_id, risk_level) VALUES ("
                        + (100 + i) + ", 1, " + i + ", " + objects[i][0] + ", 'o', 'COMPANY', 1, " + objects[i][1] + ", 'NORMAL')");
            }
            result(c, 1, 11, 1, "PASS", IN_PERIOD);
            result(c, 2, 11, 2, "PASS", IN_PERIOD);
            result(c, 3, 12, 1, "FAIL", IN_PERIOD);
            result(c, 4, 12, 2, "NOT_APPLICABLE", IN_PERIOD);
            result(c, 5, 13, 1, "FAIL", IN_PERIOD);
            result(c, 6, 13, 2, "PASS", BEFORE);
            result(c, 7, 14, 1, "NOT_APPLICABLE", IN_PERIOD);
        }
    }

    private static void result(Connection c, long id, long object, long item, String outcome, Instant at) throws Exception {
        exec(c, "INSERT INTO ins_result (id, task_id, object_id, item_id, outcome, version, created_at, created_by, updated_at, updated_by) "
                + "VALUES (" + id + ", 1, " + object + ", " + item + ", '" + outcome + "', 1, ?, 't', ?, 't')", at, at);
    }

    private static void exec(Connection c, String sql, Instant... times) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < times.length; i++) {
                ps.setTimestamp(i + 1, Timestamp.from(times[i]));
            }
            ps.executeUpdate();
        }
    }

    @Test
    void shareOfPassAmongPassAndFailPerCompanyInThePeriod_SUP_AS_1_SUP_DR_4() {
        InspectionPassMetric metric = new InspectionPassMetric(db.dataSource());
        assertEquals(AssessmentMetric.INSPECTION_PASS, metric.name());
        Map<Long, BigDecimal> v = metric.values(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));
        assertEquals(new BigDecimal("66.67"), v.get(7L), "2 PASS of 3 (NOT_APPLICABLE left out)");
        assertEquals(new BigDecimal("0.00"), v.get(8L), "the PASS of 2025 is outside the period");
        assertFalse(v.containsKey(9L), "only NOT_APPLICABLE: no value");
        assertEquals(Map.of(8L, new BigDecimal("100.00")), metric.values(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31)));
    }
}
