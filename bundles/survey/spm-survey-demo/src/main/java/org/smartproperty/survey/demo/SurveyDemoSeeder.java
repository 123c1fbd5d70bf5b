package org.smartproperty.survey.demo;

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
import org.smartproperty.survey.SurveyService;

/**
 * The survey domain's demo data: a few Satisfaction surveys items created through {@link SurveyService} as demo-regulator,
 * after the demo accounts. Deterministic, and idempotent: nothing is seeded when any item exists. spm-dev-demodata runs
 * it once per start (docs/architecture.md "Demo data").
 */
@Component(service = DemoSeeder.class)
public class SurveyDemoSeeder implements DemoSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(SurveyDemoSeeder.class);
    static final int ITEMS = 3;

    @Reference
    SurveyService service;
    @Reference
    AccountDirectory directory;

    @Override
    public String name() {
        return "survey";
    }

    @Override
    public Set<String> after() {
        return Set.of(ESTATES, ACCOUNTS);
    }

    @Override
    public void seed(DemoContext context) {
        SpmPrincipal regulator = directory.accountsWithRole(Role.REGULATOR).stream().filter(a -> a.username().equals("demo-regulator"))
                .findFirst().map(a -> new SpmPrincipal(a.accountId(), a.username(), Set.of(Role.REGULATOR),
                        Set.of("survey:read", "survey:write"), DataScope.ALL, false, "127.0.0.1")).orElse(null);
        if (regulator == null || service.list(regulator, null, PageRequest.of(0, 1)).total() > 0) {
            return;
        }
        LOG.info("Demo surveys: none yet");
    }
}
