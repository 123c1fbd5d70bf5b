package org.smartproperty.dev.demodata.internal;

import java.util.List;

import org.slf4j.Logger;
import org.smartproperty.dev.demodata.DemoContext;
import org.slf4j.LoggerFactory;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateQuery;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.House;
import org.smartproperty.estate.HouseQuery;
import org.smartproperty.estate.HouseStatus;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.security.AccountProvisioning;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;

/**
 * One demo account per role, {@code demo-<role>} with password {@value #PASSWORD}, for the dev
 * profile only (README lists them). Scopes are real: demo-company manages the estates of the
 * first demo estate's company, demo-committee serves the first demo estate, demo-owner owns a
 * house there. The admin roles have fixed TOTP secrets so demos can compute codes.
 */
final class DemoAccounts {

    static final String PASSWORD = "Demo@2026spm";
    /** The government-side identity provider (粤政易) whose simulator users {@code zwy-regulator|officer|inspector} are linked. */
    static final String GOV_PROVIDER = "gd-zwy";
    static final String SYSADMIN_TOTP = "DEMOSYSADMINSPMHENGQINAAAAAAAAAA";
    static final String SECADMIN_TOTP = "DEMOSECADMINSPMHENGQINAAAAAAAAAA";
    static final String AUDITOR_TOTP = "DEMOAUDITORSPMHENGQINAAAAAAAAAAA";
    private static final Logger LOG = LoggerFactory.getLogger(DemoAccounts.class);

    private DemoAccounts() {
    }

    /** The demo owner's house in the first demo estate, or null when there is none. */
    static DemoContext.OwnerHouse demoOwnerHouse(EstateService estates, Estate estate) {
        Page<House> sold = estates.houses(DataScope.ALL, estate.id(), new HouseQuery(null, null, HouseStatus.SOLD, null), PageRequest.of(0, 1));
        return sold.items().isEmpty() || sold.items().get(0).owners().isEmpty() ? null
                : new DemoContext.OwnerHouse(sold.items().get(0).owners().get(0).id(), sold.items().get(0).unitCode());
    }

    static int provision(AccountProvisioning accounts, EstateService estates) {
        Page<Estate> first = estates.list(DataScope.ALL, EstateQuery.all(), PageRequest.parse("0", "1", "id", EstateService.ESTATE_SORT));
        if (first.items().isEmpty()) {
            LOG.warn("No demo estate yet: demo accounts not created");
            return 0;
        }
        Estate estate = first.items().get(0);
        DemoContext.OwnerHouse house = demoOwnerHouse(estates, estate);
        Long ownerId = house == null ? null : house.ownerId();
        record Spec(Role role, String totp, DataScope scope) {
        }
        List<Spec> specs = List.of(
                new Spec(Role.REGULATOR, null, DataScope.ALL),
                new Spec(Role.OFFICER, null, DataScope.ALL),
                new Spec(Role.INSPECTOR, null, DataScope.ALL),
                new Spec(Role.OPS, null, DataScope.NONE),
                new Spec(Role.SYSADMIN, SYSADMIN_TOTP, DataScope.NONE),
                new Spec(Role.SECADMIN, SECADMIN_TOTP, DataScope.NONE),
                new Spec(Role.AUDITOR, AUDITOR_TOTP, DataScope.NONE),
                new Spec(Role.DEVELOPER, null, DataScope.NONE),
                new Spec(Role.COMPANY, null, estate.companyId() == null ? DataScope.NONE : DataScope.company(estate.companyId())),
                new Spec(Role.COMMITTEE, null, DataScope.committee(estate.id())),
                new Spec(Role.OWNER, null, ownerId == null ? DataScope.NONE : DataScope.owner(ownerId)),
                new Spec(Role.EXPERT, null, DataScope.NONE));
        int created = 0;
        for (Spec s : specs) {
            String name = "demo-" + s.role().name().toLowerCase(java.util.Locale.ROOT);
            if (accounts.ensureAccount(name, "演示账号 " + s.role().name(), s.role(), PASSWORD, s.totp(), s.scope())) {
                created++;
                // a phone per account so SMS notifications reach the simulator; the committee's is a Macao number (zh-TW)
                accounts.setPhone(name, s.role() == Role.COMMITTEE ? "+8536" + String.format("%07d", 1000 + s.role().ordinal())
                        : "1380000" + String.format("%04d", 1000 + s.role().ordinal()));
            }
        }
        // the government-side simulator's staff users sign in as these accounts (粤政易, issue 12 item 6)
        for (Role staff : List.of(Role.REGULATOR, Role.OFFICER, Role.INSPECTOR)) {
            String name = staff.name().toLowerCase(java.util.Locale.ROOT);
            accounts.linkExternal("demo-" + name, GOV_PROVIDER, "zwy-" + name);
        }
        LOG.info("Demo accounts: {} created (password {}; scope estate {} '{}')", created, PASSWORD, estate.id(), estate.name());
        return created;
    }
}
