package org.smartproperty.company.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.company.Company;
import org.smartproperty.company.CompanyInput;
import org.smartproperty.company.CompanyQuery;
import org.smartproperty.company.CompanyService;
import org.smartproperty.company.Filing;
import org.smartproperty.company.FilingInput;
import org.smartproperty.company.ServicePeriod;
import org.smartproperty.company.UnifiedSocialCreditCode;
import org.smartproperty.dev.demodata.DemoContext;
import org.smartproperty.dev.demodata.DemoSeeder;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateInput;
import org.smartproperty.estate.EstateService;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.FileStore;
import org.smartproperty.platform.security.DataScope;

/**
 * The company domain's demo data (issue 11 item 2): every property company a demo estate names is
 * registered through {@link CompanyService} with the estates it manages as service periods, and the
 * estates are pointed at the registry's id. Filings: most approved (one after a returned round), one
 * pending, one returned with a reason. Idempotent: a company is found by name, filings are made only
 * for a company that has none. Runs after the estates and before the demo accounts (demo-company's scope is the
 * registry id of the first demo estate's company).
 */
@Component(service = DemoSeeder.class)
public class CompanyDemoSeeder implements DemoSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(CompanyDemoSeeder.class);
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

    /** What happens to the filings of the company with this index (DemoContext#propertyCompanies order). */
    enum Plan { APPROVED, RETURNED_THEN_APPROVED, PENDING, RETURNED, APPROVED_AGAIN }

    static final Plan[] PLANS = {Plan.APPROVED, Plan.RETURNED_THEN_APPROVED, Plan.PENDING, Plan.RETURNED, Plan.APPROVED_AGAIN};

    @Reference
    CompanyService companies;
    @Reference
    EstateService estates;
    @Reference
    FileStore files;

    private String actor = "demo-seed";

    @Override
    public String name() {
        return "company";
    }

    @Override
    public Set<String> after() {
        return Set.of(ESTATES);
    }

    /** A valid, fixed credit code per company (Zhuhai, enterprise; both check characters computed). */
    static String creditCode(int index) {
        String body = "4404" + String.format("%04d", 2601 + index);
        String first17 = "91440400" + body + UnifiedSocialCreditCode.orgCodeCheckChar(body);
        return first17 + UnifiedSocialCreditCode.checkChar(first17);
    }

    @Override
    public void seed(DemoContext context) {
        seedCompanies(context);
    }

    /** @return companies created by this run */
    int seedCompanies(DemoContext context) {
        actor = context.actor();
        List<Estate> demo = context.estates();
        created = 0;
        List<String> names = context.propertyCompanies();
        for (int i = 0; i < names.size() && context.running(); i++) {
            String name = names.get(i);
            List<Estate> managed = demo.stream().filter(e -> name.equals(e.companyName())).toList();
            try {
                seedCompany(i, name, managed);
            } catch (org.smartproperty.platform.ApiException ex) {
                LOG.error("Demo company {} not seeded: {} {}", name, ex.getMessage(), ex.errors());
            }
        }
        LOG.info("Demo companies: {} created, {} in the data set", created, names.size());
        return created;
    }

    private int created;

    private void seedCompany(int i, String name, List<Estate> managed) {
        {
            Company company = find(name);
            if (company == null) {
                List<ServicePeriod> periods = new ArrayList<>();
                for (int k = 0; k < managed.size(); k++) {
                    periods.add(new ServicePeriod(managed.get(k).id(), LocalDate.of(2019 + (k + i) % 6, 1 + (k * 5 + i) % 12, 1), null));
                }
                company = companies.create(new CompanyInput(name, creditCode(i), LEGAL_REPS[i], i % 2 == 0 ? "一级" : "二级",
                        String.format("ZH-WY-%03d", 101 + i), CONTACTS[i], String.format("1382600%04d", 1001 + i),
                        "广东省珠海市横琴粤澳深度合作区" + OFFICES[i], periods), actor);
                created++;
            }
            for (Estate e : managed) {
                if (e.companyId() == null || e.companyId() != company.id()) {
                    estates.update(e.id(), e.version(), new EstateInput(e.projectCode(), e.name(), e.address(), e.community(),
                            e.adminCode(), e.location(), e.boundary(), e.developer(), company.id(), e.companyName(), e.feeStandard(),
                            e.overview()), actor);
                }
            }
            if (companies.filings(DataScope.ALL, company.id()).isEmpty()) {
                file(company, PLANS[i]);
            }
        }
    }

    private void file(Company c, Plan plan) {
        DataScope own = DataScope.company(c.id());
        if (plan == Plan.RETURNED_THEN_APPROVED || plan == Plan.RETURNED) {
            Filing f = companies.submitFiling(own, c.id(), form(c, "首次备案"), actor);
            companies.returnFiling(c.id(), f.id(), f.version(), "资质证书复印件不清晰，请补充加盖公章的清晰扫描件", actor);
            if (plan == Plan.RETURNED) {
                return;
            }
        }
        Filing f = companies.submitFiling(own, c.id(), form(c, plan == Plan.RETURNED_THEN_APPROVED ? "补正后重新提交" : "首次备案"), actor);
        if (plan != Plan.PENDING) {
            companies.approve(c.id(), f.id(), f.version(), "材料齐全，准予备案", actor);
        }
    }

    private FilingInput form(Company c, String note) {
        return new FilingInput(c.qualificationGrade(), c.certificateNumber(), "信用良好，无不良记录",
                List.of(pdf("营业执照", "licence.pdf"),
                        pdf("资质证书", "qualification.pdf")), note);
    }

    /** A small PDF uploaded by the seeding actor. */
    private AttachmentInput pdf(String title, String name) {
        return new AttachmentInput(title, files.upload(new ByteArrayInputStream(PDF), name, actor).id());
    }

    private Company find(String name) {
        return companies.list(DataScope.ALL, new CompanyQuery(name, null), PageRequest.of(0, 50)).items().stream()
                .filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    private static final String[] LEGAL_REPS = {"陈志强", "黄文杰", "梁嘉伟", "林晓雅", "何永荣"};
    private static final String[] CONTACTS = {"李经理", "周经理", "吴主管", "郑经理", "冯主任"};
    private static final String[] OFFICES = {"环岛东路1888号", "港澳大道868号", "天羽道66号", "濠江路9号", "宝中路28号"};
}
