package org.smartproperty.complaint.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.smartproperty.assessment.AssessmentMetric;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateQuery;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.EstateStatus;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Jdbc;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.SortOrder;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.security.DataScope;

/**
 * The assessment metric {@code COMPLAINT_RATE} (SUP-AS-1 computed indicator from SVC-CMP-1 complaints, issue 14): per company,
 * the complaints registered against it ({@code cpl_complaint.company_id}, whatever their status since) in the period
 * (Asia/Shanghai days of {@code registered_at}) per 1,000 houses of the ACTIVE estates it manages now, two decimals; lower
 * is better. The houses come from the estate domain's {@link EstateService} (the estates' {@code houseCount}, paged), never
 * from its tables; a company without houses has no value, a company with houses and no complaint has 0. Read-only, one
 * transaction of its own on this domain's tables; registered as an {@link AssessmentMetric} (whiteboard of the assessment
 * domain, which references it dynamically: no cycle). The estate service is referenced dynamically like the complaint
 * service does (503 while its impl is being updated: the assessment logs it and gives no value).
 */
@Component(service = AssessmentMetric.class)
public class ComplaintRateMetric implements AssessmentMetric {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.complaint.impl)")
    private SchemaReady schema;

    // another domain's service: dynamic, so updating its impl bundle does not restart this component (issue 10 item 6)
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile EstateService estates;

    public ComplaintRateMetric() {
    }

    /** Outside OSGi (tests). */
    ComplaintRateMetric(DataSource dataSource, EstateService estates) {
        this.dataSource = dataSource;
        this.estates = estates;
    }

    @Override
    public String name() {
        return COMPLAINT_RATE;
    }

    @Override
    public Map<Long, BigDecimal> values(LocalDate from, LocalDate to) {
        String sql = "SELECT company_id, COUNT(*) FROM cpl_complaint WHERE company_id IS NOT NULL AND registered_at >= ? AND registered_at < ? "
                + "GROUP BY company_id";
        try {
            return Jdbc.transaction(dataSource, c -> {
                Map<Long, Long> houses = houses(ApiException.requireAvailable(estates, "estate"));
                Map<Long, Long> complaints = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setTimestamp(1, Timestamp.from(from.atStartOfDay(ZONE).toInstant()));
                    ps.setTimestamp(2, Timestamp.from(to.plusDays(1).atStartOfDay(ZONE).toInstant()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            complaints.put(rs.getLong(1), rs.getLong(2));
                        }
                    }
                }
                Map<Long, BigDecimal> out = new HashMap<>();
                houses.forEach((company, n) -> {
                    if (n > 0) {
                        out.put(company, BigDecimal.valueOf(complaints.getOrDefault(company, 0L) * 1000)
                                .divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP));
                    }
                });
                return out;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("COMPLAINT_RATE not computed", e);
        }
    }

    private static final List<SortOrder> BY_ID = List.of(new SortOrder("id", true));

    /** Houses per company over the ACTIVE estates that name a company, through the estate API (pages of the largest size). */
    static Map<Long, Long> houses(EstateService estates) {
        Map<Long, Long> out = new HashMap<>();
        EstateQuery active = new EstateQuery(null, null, null, EstateStatus.ACTIVE, null);
        long seen = 0;
        for (int page = 0; ; page++) {
            Page<Estate> p = estates.list(DataScope.ALL, active, new PageRequest(page, PageRequest.MAX_SIZE, BY_ID));
            for (Estate e : p.items()) {
                if (e.companyId() != null) {
                    out.merge(e.companyId(), e.houseCount(), Long::sum);
                }
            }
            seen += p.items().size();
            if (p.items().isEmpty() || seen >= p.total()) {
                return out;
            }
        }
    }
}
