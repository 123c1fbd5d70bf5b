package org.smartproperty.publishing.demo;

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
import org.smartproperty.publishing.PublishingInput;
import org.smartproperty.publishing.PublishingService;

/**
 * The publishing domain's demo data: a few Publishing items created through {@link PublishingService} as demo-regulator,
 * after the demo accounts. Deterministic, and idempotent: nothing is seeded when any item exists. spm-dev-demodata runs
 * it once per start (docs/architecture.md "Demo data").
 */
@Component(service = DemoSeeder.class)
public class PublishingDemoSeeder implements DemoSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(PublishingDemoSeeder.class);
    static final int ITEMS = 3;

    @Reference
    PublishingService service;
    @Reference
    AccountDirectory directory;

    @Override
    public String name() {
        return "publishing";
    }

    @Override
    public Set<String> after() {
        return Set.of(ESTATES, ACCOUNTS);
    }

    @Override
    public void seed(DemoContext context) {
        SpmPrincipal regulator = directory.accountsWithRole(Role.REGULATOR).stream().filter(a -> a.username().equals("demo-regulator"))
                .findFirst().map(a -> new SpmPrincipal(a.accountId(), a.username(), Set.of(Role.REGULATOR),
                        Set.of("publishing:read", "publishing:write"), DataScope.ALL, false, "127.0.0.1")).orElse(null);
        if (regulator == null || service.list(regulator, PageRequest.of(0, 1)).total() > 0) {
            return;
        }
        for (int i = 1; i <= ITEMS && context.running(); i++) {
            service.create(regulator, new PublishingInput("演示信息发布 " + i));
        }
        LOG.info("Demo Publishing items: {} created", ITEMS);
    }
}
