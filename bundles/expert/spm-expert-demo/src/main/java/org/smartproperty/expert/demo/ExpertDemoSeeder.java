package org.smartproperty.expert.demo;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.dev.demodata.DemoContext;
import org.smartproperty.dev.demodata.DemoSeeder;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.expert.ExpertInput;
import org.smartproperty.expert.ExpertService;

/**
 * The expert domain's demo data: a few expert items created through {@link ExpertService} as demo-regulator,
 * after the demo accounts. Deterministic, and idempotent: nothing is seeded when any item exists. spm-dev-demodata runs
 * it once per start (docs/architecture.md "Demo data").
 */
@Component(service = DemoSeeder.class)
public class ExpertDemoSeeder implements DemoSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(ExpertDemoSeeder.class);
    static final int ITEMS = 3;

    @Reference
    ExpertService service;
    @Reference
    AccountDirectory directory;

    @Override
    public String name() {
        return "expert";
    }

    @Override
    public Set<String> after() {
        return Set.of(ESTATES, ACCOUNTS);
    }

    @Override
    public void seed(DemoContext context) {
        SpmPrincipal regulator = directory.accountsWithRole(Role.REGULATOR).stream().filter(a -> a.username().equals("demo-regulator"))
                .findFirst().map(a -> new SpmPrincipal(a.accountId(), a.username(), Set.of(Role.REGULATOR),
                        Set.of("expert:read", "expert:manage"), DataScope.ALL, false, "127.0.0.1")).orElse(null);
        if (regulator == null || service.list(regulator, org.smartproperty.expert.ExpertQuery.ALL, PageRequest.of(0, 1)).total() > 0) {
            return;
        }
        for (int i = 1; i <= ITEMS && context.running(); i++) {
            service.create(regulator, new ExpertInput("演示专家 " + i, null, "13800000000", java.util.List.of("LAW"), null, null, null, null, java.util.List.of()));
        }
        LOG.info("Demo expert items: {} created", ITEMS);
    }
}
