package org.smartproperty.estate.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.smartproperty.estate.EstateQuery;
import org.smartproperty.estate.EstateService;
import org.smartproperty.platform.HealthCheck;
import org.smartproperty.platform.HealthResult;
import org.smartproperty.platform.HealthStatus;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.security.DataScope;

/**
 * OPS-2: a real read through the service layer (JPA unit, transaction, scope filter, mapping): the
 * first page of estates as the regulator sees it. A process whose HTTP answers but whose services
 * cannot read is DOWN here, not UP.
 */
@Component(service = HealthCheck.class)
public class EstateServiceHealthCheck implements HealthCheck {

    /** A service read slower than this is a WARNING. */
    static final long SLOW_MS = Long.getLong("spm.health.service.slowMs", 2000);

    @Reference
    private EstateService estates;

    public EstateServiceHealthCheck() {
    }

    EstateServiceHealthCheck(EstateService estates) {
        this.estates = estates;
    }

    @Override
    public String name() {
        return "service";
    }

    @Override
    public HealthResult check() {
        long t0 = System.nanoTime();
        try {
            Page<?> p = estates.list(DataScope.ALL, EstateQuery.all(), PageRequest.of(0, 1));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("read", "estates");
            d.put("rows", p.total());
            d.put("latencyMs", ms);
            return ms > SLOW_MS ? new HealthResult(HealthStatus.WARNING, "service read slow: " + ms + " ms", d)
                    : HealthResult.up("service read OK (" + p.total() + " estates)", d);
        } catch (RuntimeException e) {
            return HealthResult.down("service read failed: " + e.getMessage(), Map.of("read", "estates"));
        }
    }
}
