package org.smartproperty.assessment.demo;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.assessment.Acceptance;
import org.smartproperty.assessment.AssessmentMetric;
import org.smartproperty.assessment.AssessmentService;
import org.smartproperty.assessment.Indicator;
import org.smartproperty.assessment.IndicatorInput;
import org.smartproperty.assessment.IndicatorSet;
import org.smartproperty.assessment.IndicatorSetInput;
import org.smartproperty.assessment.Report;
import org.smartproperty.assessment.ReportSubmission;
import org.smartproperty.assessment.Round;
import org.smartproperty.assessment.RoundInput;
import org.smartproperty.assessment.ScoringMethod;
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
 * The assessment domain's demo data (SUP-AS-1..3, COS-8, DIS-6), written through {@link AssessmentService} as the companies
 * and demo-regulator would: a frozen indicator set of ten indicators in a two-level tree (基础管理, 房屋及设施设备, 公共秩序,
 * 环境卫生, 业主满意; INSPECTION_PASS and COMPLAINT_RATE computed), one PUBLISHED round for the last six full months with
 * every FILED company submitted, accepted with points, closed and published (the portal's TOP 10 shows it; the credit
 * domain gets the top10 / below60 signals), and one OPEN round of the current quarter where demo-company has not submitted
 * yet (the console's journey starts there) and another company's report waits for review. Deterministic; idempotent
 * (nothing when any indicator set exists). Not moved back in time: the rounds are opened and published on the day of the
 * seeding, their periods are in the past.
 */
@Component(service = DemoSeeder.class)
public class AssessmentDemoSeeder implements DemoSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(AssessmentDemoSeeder.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
    /** Share of each self-reported indicator's weight the regulator awards, per company in report order (two companies tie). */
    private static final double[] SHARE = {0.95, 0.85, 0.9, 0.85, 0.7, 0.6, 0.8, 0.5};
    private static final String UPLOADER = "demo-company";

    @Reference
    AssessmentService assessment;
    @Reference
    FileStore files;
    @Reference
    AccountDirectory directory;

    @Override
    public String name() {
        return "assessment";
    }

    @Override
    public Set<String> after() {
        return Set.of(ESTATES, ACCOUNTS, "company", "credit", "inspection");
    }

    @Override
    public void seed(DemoContext context) {
        SpmPrincipal regulator = DemoCallers.as(directory, Role.REGULATOR, "demo-regulator", DataScope.ALL, "assessment:read",
                "assessment:manage").orElse(null);
        if (regulator == null || assessment.indicatorSets(regulator, PageRequest.of(0, 1)).total() > 0) {
            return;
        }
        Long demoCompany = context.estates().isEmpty() ? null : context.estates().get(0).companyId();
        LocalDate today = LocalDate.now(context.clock().withZone(ZONE));
        IndicatorSet set = assessment.createIndicatorSet(regulator, indicators());

        // a published round: the last six full months
        LocalDate from = today.withDayOfMonth(1).minusMonths(6);
        LocalDate to = today.withDayOfMonth(1).minusDays(1);
        Round past = assessment.openRound(regulator, new RoundInput(String.format("%d年%d月至%d年%d月物业服务考核", from.getYear(),
                from.getMonthValue(), to.getYear(), to.getMonthValue()), from, to, set.id(), to.plusDays(10)));
        List<Report> reports = assessment.reports(regulator, past.id(), null, PageRequest.of(0, PageRequest.MAX_SIZE)).items();
        for (int i = 0; i < reports.size() && context.running(); i++) {
            long company = reports.get(i).companyId();
            Report submitted = assessment.submitReport(companyUser(company), past.id(), company, values(set, "考核期内"));
            assessment.acceptReport(regulator, past.id(), company, submitted.version(), points(set, SHARE[i % SHARE.length]));
        }
        Round closed = assessment.closeRound(regulator, past.id(), assessment.round(regulator, past.id()).version());
        assessment.publishRound(regulator, past.id(), closed.version());

        // an open round of this quarter: demo-company has not submitted; another company waits for review
        LocalDate qFrom = today.withDayOfMonth(1).minusMonths((today.getMonthValue() - 1) % 3);
        LocalDate qTo = qFrom.plusMonths(3).minusDays(1);
        Round open = assessment.openRound(regulator, new RoundInput(String.format("%d年第%d季度物业服务考核", qFrom.getYear(),
                (qFrom.getMonthValue() - 1) / 3 + 1), qFrom, qTo, set.id(), today.plusDays(14)));
        for (Report r : assessment.reports(regulator, open.id(), null, PageRequest.of(0, PageRequest.MAX_SIZE)).items()) {
            if (demoCompany == null || r.companyId() != demoCompany) {
                assessment.submitReport(companyUser(r.companyId()), open.id(), r.companyId(), values(set, "本季度"));
                break;
            }
        }
        LOG.info("Demo assessment: indicator set {}, published round {} ({} companies), open round {}", set.id(), past.id(), reports.size(),
                open.id());
    }

    private static SpmPrincipal companyUser(long companyId) {
        return new SpmPrincipal(0, UPLOADER, Set.of(Role.COMPANY), Set.of("assessment:read", "assessment:report"), DataScope.company(companyId),
                false, "127.0.0.1");
    }

    private static IndicatorInput group(String code, String name) {
        return new IndicatorInput(code, null, name, null, null, null, null, null, null);
    }

    private static IndicatorInput self(String code, String parent, String name, int weight) {
        return new IndicatorInput(code, parent, name, BigDecimal.valueOf(weight), ScoringMethod.SELF_REPORTED, null, null, null, true);
    }

    private static IndicatorInput computed(String code, String parent, String name, int weight, String metric, int best, int worst) {
        return new IndicatorInput(code, parent, name, BigDecimal.valueOf(weight), ScoringMethod.COMPUTED, metric, BigDecimal.valueOf(best),
                BigDecimal.valueOf(worst), null);
    }

    /** Ten indicators, two levels, 100 points. */
    static IndicatorSetInput indicators() {
        return new IndicatorSetInput("珠海市物业服务企业考核指标（百分制）", List.of(
                group("JC", "基础管理"),
                self("JC-1", "JC", "管理制度、服务标准及档案资料", 12),
                self("JC-2", "JC", "从业人员持证上岗及培训", 8),
                group("FW", "房屋及设施设备"),
                self("FW-1", "FW", "共用设施设备维修养护", 12),
                self("FW-2", "FW", "房屋安全巡查及二次供水管理", 8),
                group("ZX", "公共秩序"),
                self("ZX-1", "ZX", "秩序维护与消防安全管理", 10),
                computed("ZX-2", "ZX", "双随机检查合格率", 15, AssessmentMetric.INSPECTION_PASS, 100, 50),
                group("HJ", "环境卫生"),
                self("HJ-1", "HJ", "清洁卫生与绿化养护", 10),
                self("HJ-2", "HJ", "生活垃圾分类", 5),
                group("MY", "业主满意"),
                self("MY-1", "MY", "业主满意度调查", 12),
                computed("MY-2", "MY", "每千户投诉率", 8, AssessmentMetric.COMPLAINT_RATE, 0, 20)));
    }

    private ReportSubmission values(IndicatorSet set, String when) {
        List<ReportSubmission.Value> values = new ArrayList<>();
        for (Indicator i : set.indicators()) {
            if (i.leaf() && i.method() == ScoringMethod.SELF_REPORTED) {
                values.add(new ReportSubmission.Value(i.id(), when + i.name() + "情况见附件", List.of(pdf(i.name() + "证明材料"))));
            }
        }
        return new ReportSubmission(values);
    }

    private static Acceptance points(IndicatorSet set, double share) {
        List<Acceptance.Points> points = new ArrayList<>();
        for (Indicator i : set.indicators()) {
            if (i.leaf() && i.method() == ScoringMethod.SELF_REPORTED) {
                points.add(new Acceptance.Points(i.id(), i.weight().multiply(BigDecimal.valueOf(share)).setScale(1, RoundingMode.HALF_UP),
                        share < 0.7 ? "材料不完整，酌情扣分" : null));
            }
        }
        return new Acceptance(points, "核实完成");
    }

    /** Evidence uploaded as the company user the submission is made by (the file store attaches only the uploader's files). */
    private AttachmentInput pdf(String title) {
        return new AttachmentInput(title, files.upload(new ByteArrayInputStream(PDF), title + ".pdf", UPLOADER).id());
    }
}
