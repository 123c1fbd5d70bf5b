package org.smartproperty.vote.demo;

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
import org.smartproperty.vote.VoteInput;
import org.smartproperty.vote.VoteService;

/**
 * The vote domain's demo data: a few Owner votes items created through {@link VoteService} as demo-regulator,
 * after the demo accounts. Deterministic, and idempotent: nothing is seeded when any item exists. spm-dev-demodata runs
 * it once per start (docs/architecture.md "Demo data").
 */
@Component(service = DemoSeeder.class)
public class VoteDemoSeeder implements DemoSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(VoteDemoSeeder.class);
    static final int ITEMS = 3;

    @Reference
    VoteService service;
    @Reference
    AccountDirectory directory;

    @Override
    public String name() {
        return "vote";
    }

    @Override
    public Set<String> after() {
        return Set.of(ESTATES, ACCOUNTS);
    }

    @Override
    public void seed(DemoContext context) {
        SpmPrincipal regulator = directory.accountsWithRole(Role.REGULATOR).stream().filter(a -> a.username().equals("demo-regulator"))
                .findFirst().map(a -> new SpmPrincipal(a.accountId(), a.username(), Set.of(Role.REGULATOR),
                        Set.of("vote:read", "vote:write"), DataScope.ALL, false, "127.0.0.1")).orElse(null);
        if (regulator == null || service.list(regulator, PageRequest.of(0, 1)).total() > 0) {
            return;
        }
        for (int i = 1; i <= ITEMS && context.running(); i++) {
            service.create(regulator, new VoteInput("演示业主投票 " + i));
        }
        LOG.info("Demo Owner votes items: {} created", ITEMS);
    }
}
