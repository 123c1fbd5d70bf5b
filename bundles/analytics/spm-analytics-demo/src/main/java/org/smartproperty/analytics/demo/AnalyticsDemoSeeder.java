package org.smartproperty.analytics.demo;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.analytics.AnalyticsService;
import org.smartproperty.analytics.RollupRun;
import org.smartproperty.dev.demodata.DemoContext;
import org.smartproperty.dev.demodata.DemoSeeder;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * The analytics domain's demo data: none of its own — once every domain whose data the statistics show has seeded
 * (and moved its history back), the rollups are built from it, so the statistics pages show the demo zone at once
 * instead of after the first run of the job {@code analytics.rollup}. Idempotent (a rebuild); a few hundred source rows,
 * well under a second. spm-dev-demodata runs it once per start (docs/architecture.md "Demo data").
 */
@Component(service = DemoSeeder.class)
public class AnalyticsDemoSeeder implements DemoSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsDemoSeeder.class);

    static final SpmPrincipal SEEDER = new SpmPrincipal(0, "demo-data", Set.of(Role.REGULATOR), Set.of("analytics:rebuild"), DataScope.ALL,
            false, "127.0.0.1");

    @Reference
    AnalyticsService service;

    @Override
    public String name() {
        return "analytics";
    }

    @Override
    public Set<String> after() {
        return Set.of(ESTATES, ACCOUNTS, "company", "committee", "complaint", "service", "vote", "survey", "tender", "assessment", "credit");
    }

    @Override
    public void seed(DemoContext context) {
        // a rebuild, not the incremental run: the seeders moved their rows back in time without new timeline rows
        RollupRun run = service.rebuild(SEEDER);
        LOG.info("Demo analytics: rollups built ({})", run.summary());
    }
}
