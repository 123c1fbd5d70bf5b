package org.smartproperty.credit.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.company.Company;
import org.smartproperty.company.CompanyQuery;
import org.smartproperty.company.CompanyService;
import org.smartproperty.credit.CreditRecord;
import org.smartproperty.credit.CreditService;
import org.smartproperty.credit.Declaration;
import org.smartproperty.credit.DeclarationCategory;
import org.smartproperty.credit.DeclarationInput;
import org.smartproperty.credit.RecordInput;
import org.smartproperty.credit.RecordKind;
import org.smartproperty.credit.RecordSource;
import org.smartproperty.credit.Verification;
import org.smartproperty.dev.demodata.DemoCallers;
import org.smartproperty.dev.demodata.DemoContext;
import org.smartproperty.dev.demodata.DemoSeeder;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.FileStore;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * The credit domain's demo data (SUP-CO-3): every demo company declares its base items and demo-regulator verifies them
 * with different points, so the zone shows a spread of grades; good and bad records (one a veto: a blacklisted company),
 * a pending appeal on a bad record of demo-company's company (which has not declared yet: the journey starts there) and one
 * declaration waiting for verification. Written through
 * {@link CreditService} as the companies and demo-regulator would; deterministic, and idempotent (nothing when any
 * company has a credit file). Not moved back in time: the score history starts on the day of the seeding.
 */
@Component(service = DemoSeeder.class)
public class CreditDemoSeeder implements DemoSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(CreditDemoSeeder.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
    /** Verified points per company, in the registry's order: QUALIFICATION, STAFF, AWARD (a spread of grades). */
    private static final int[][] VERIFIED = {{38, 28, 18}, {36, 25, 12}, {32, 24, 8}, {30, 20, 6}, {28, 18, 10}, {26, 20, 4}};

    @Reference
    CreditService credit;
    @Reference
    CompanyService companies;
    @Reference
    FileStore files;
    @Reference
    AccountDirectory directory;

    @Override
    public String name() {
        return "credit";
    }

    @Override
    public Set<String> after() {
        return Set.of(ESTATES, ACCOUNTS, "company");
    }

    @Override
    public void seed(DemoContext context) {
        SpmPrincipal regulator = DemoCallers.as(directory, Role.REGULATOR, "demo-regulator", DataScope.ALL, "credit:read", "credit:write",
                "credit:review", "credit:rules").orElse(null);
        if (regulator == null || credit.companies(regulator, null, PageRequest.of(0, 1)).total() > 0) {
            return;
        }
        List<Company> all = companies.list(DataScope.ALL, CompanyQuery.all(), PageRequest.of(0, 50)).items();
        Long demoCompany = context.estates().isEmpty() ? null : context.estates().get(0).companyId();
        LocalDate today = LocalDate.now(context.clock().withZone(ZONE));
        int verified = 0;
        for (int i = 0; i < all.size() && context.running(); i++) {
            Company c = all.get(i);
            if (c.id() == (demoCompany == null ? -1L : demoCompany)) {
                continue; // demo-company declares itself (the console's journey and CreditIT start there)
            }
            SpmPrincipal user = new SpmPrincipal(0, "demo-company", Set.of(Role.COMPANY), Set.of("credit:read", "credit:declare"),
                    DataScope.company(c.id()), false, "127.0.0.1");
            int[] pts = VERIFIED[i % VERIFIED.length];
            Declaration d = credit.declare(user, c.id(), new DeclarationInput(List.of(
                    new DeclarationInput.Item(DeclarationCategory.QUALIFICATION, "物业服务企业资质及ISO9001质量管理体系认证", 40, List.of(pdf("资质证书"))),
                    new DeclarationInput.Item(DeclarationCategory.STAFF, "持证项目经理及专业技术人员", 30, List.of(pdf("人员名册及社保证明"))),
                    new DeclarationInput.Item(DeclarationCategory.AWARD, "珠海市优秀物业管理项目", 20, List.of(pdf("获奖文件"))))));
            if (i == all.size() - 1 && all.size() > 2) {
                continue; // one declaration waits for the regulator's verification
            }
            credit.verify(regulator, c.id(), d.id(), d.version(), new Verification(List.of(
                    new Verification.Item(d.items().get(0).id(), pts[0], null),
                    new Verification.Item(d.items().get(1).id(), pts[1], null),
                    new Verification.Item(d.items().get(2).id(), pts[2], pts[2] < 10 ? "获奖文件仅为区级" : null)), "核验完成"));
            verified++;
            if (i % 2 == 0) {
                credit.addRecord(regulator, new RecordInput(c.id(), RecordKind.GOOD, RecordSource.AWARD, 3, false, today.minusMonths(2 + i), null,
                        "疫情防控及防台风工作表现突出，获街道表扬", List.of(pdf("表扬通报", regulator))));
            }
            if (i % 3 == 1) {
                credit.addRecord(regulator, new RecordInput(c.id(), RecordKind.BAD, RecordSource.MANUAL, 4, false, today.minusMonths(1 + i), null,
                        "消防控制室值班人员无证上岗", List.of(pdf("检查记录表", regulator))));
            }
            if (i == 3) {
                credit.addRecord(regulator, new RecordInput(c.id(), RecordKind.BAD, RecordSource.PENALTY, 0, true, today.minusMonths(1), 36,
                        "以虚假材料骗取物业服务项目，被依法处罚（一票否决）", List.of(pdf("行政处罚决定书", regulator))));
            }
        }
        if (demoCompany != null) {
            CreditRecord bad = credit.addRecord(regulator, new RecordInput(demoCompany, RecordKind.BAD, RecordSource.MANUAL, 5, false,
                    today.minusDays(6), null, "小区二次供水水箱未按期清洗消毒", List.of(pdf("现场检查照片", regulator))));
            SpmPrincipal company = DemoCallers.as(directory, Role.COMPANY, "demo-company", DataScope.company(demoCompany), "credit:read",
                    "credit:declare").orElse(null);
            if (company != null) {
                credit.submitAppeal(company, bad.id(), "水箱已于检查前两日清洗，检测报告附后", List.of(pdf("水质检测报告")));
            }
        }
        LOG.info("Demo credit: {} declarations verified, records and an appeal of demo-company", verified);
    }

    private AttachmentInput pdf(String title) {
        return new AttachmentInput(title, files.upload(new ByteArrayInputStream(PDF), title + ".pdf", "demo-company").id());
    }

    /** Evidence the caller uploaded (the file store attaches only the uploader's own files). */
    private AttachmentInput pdf(String title, SpmPrincipal uploader) {
        return new AttachmentInput(title, files.upload(new ByteArrayInputStream(PDF), title + ".pdf", uploader.getName()).id());
    }
}
