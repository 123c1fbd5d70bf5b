package org.smartproperty.developer.demo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.company.UnifiedSocialCreditCode;
import org.smartproperty.dev.demodata.DemoContext;
import org.smartproperty.dev.demodata.DemoSeeder;
import org.smartproperty.developer.Developer;
import org.smartproperty.developer.DeveloperInput;
import org.smartproperty.developer.DeveloperQuery;
import org.smartproperty.developer.DeveloperService;
import org.smartproperty.developer.DeveloperStatus;
import org.smartproperty.estate.Estate;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.security.DataScope;

/**
 * The developer domain's demo data (issue 12 item 4, DEV-1): every developer a demo estate names in its free-text
 * {@code developer} field is registered through {@link DeveloperService}, which links the estates with that text.
 * Deterministic (developers in the order the estates, by project code, first name them) and idempotent: a developer
 * found by name is not registered again; its estates are matched again, which writes nothing when none is new.
 *
 * <p>Credit codes: the developer of the first demo estate (澳门新街坊, where the demo accounts live) gets
 * {@link #LOGIN_CREDIT_CODE}, the code a legal-person fixture of the identity simulator should carry to log in as a
 * developer; the others get {@link #creditCode(int)}. Never {@code 91440400MA4W3K7B97}: that is the simulator's
 * existing legal-person fixture, which is a property company's.
 */
@Component(service = DemoSeeder.class)
public class DeveloperDemoSeeder implements DemoSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(DeveloperDemoSeeder.class);

    /** The demo developer a legal-person login binds to (valid GB 32100 code, Zhuhai, enterprise). */
    public static final String LOGIN_CREDIT_CODE = "91440400MA4XKD3H7K";
    /** The identity simulator's legal-person fixture (a company's): never a developer's. */
    static final String SIMULATOR_COMPANY_CODE = "91440400MA4W3K7B97";

    @Reference
    DeveloperService developers;

    @Override
    public String name() {
        return "developer";
    }

    @Override
    public Set<String> after() {
        return Set.of(ESTATES);
    }

    /** A valid, fixed credit code per developer index (Zhuhai, enterprise; both check characters computed; not the companies' range). */
    static String creditCode(int index) {
        String body = "4404" + String.format("%04d", 3601 + index);
        String first17 = "91440400" + body + UnifiedSocialCreditCode.orgCodeCheckChar(body);
        return first17 + UnifiedSocialCreditCode.checkChar(first17);
    }

    /** The developers the estates name, in the order they first appear (estates by project code). */
    static List<String> developerNames(List<Estate> estates) {
        Set<String> names = new LinkedHashSet<>();
        for (Estate e : estates) {
            if (e.developer() != null && !e.developer().isBlank()) {
                names.add(e.developer().strip());
            }
        }
        return List.copyOf(names);
    }

    @Override
    public void seed(DemoContext context) {
        seedDevelopers(context);
    }

    /** @return developers registered by this run */
    int seedDevelopers(DemoContext context) {
        List<String> names = developerNames(context.estates());
        int created = 0;
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < names.size() && context.running(); i++) {
            String name = names.get(i);
            try {
                Developer d = find(name);
                if (d == null) {
                    developers.create(new DeveloperInput(name, i == 0 ? LOGIN_CREDIT_CODE : creditCode(i), LEGAL_REPS[i % LEGAL_REPS.length],
                            CONTACTS[i % CONTACTS.length], String.format("0756-88%02d%04d", 10 + i, 1001 + i),
                            "广东省珠海市横琴粤澳深度合作区" + OFFICES[i % OFFICES.length], null), context.actor());
                    created++;
                } else if (d.status() == DeveloperStatus.ACTIVE) {
                    developers.matchEstates(d.id(), context.actor()); // estates added since (a sync); writes nothing otherwise
                }
            } catch (ApiException ex) {
                failed.add(name);
                LOG.error("Demo developer {} not seeded: {} {}", name, ex.getMessage(), ex.errors());
            }
        }
        LOG.info("Demo developers: {} created, {} named by the demo estates{}", created, names.size(), failed.isEmpty() ? "" : ", failed: " + failed);
        return created;
    }

    private Developer find(String name) {
        return developers.list(DataScope.ALL, new DeveloperQuery(name, null, null), PageRequest.of(0, 50)).items().stream()
                .filter(d -> d.name().equals(name)).findFirst().orElse(null);
    }

    private static final String[] LEGAL_REPS = {"陈国栋", "梁永康", "黄丽华", "周子健", "何志明", "林振宇", "吴家豪", "郑晓东", "冯家伟"};
    private static final String[] CONTACTS = {"李工", "张经理", "赵主管", "钱经理", "孙工", "刘经理", "许主任", "高经理", "马工"};
    private static final String[] OFFICES = {"环岛东路3000号", "港澳大道1188号", "天羽道99号", "濠江路66号", "宝中路18号", "横琴大道88号",
        "汇通三路8号", "琴海东路188号", "十字门大道6号"};
}
