package org.smartproperty.expert.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.dev.demodata.DemoCallers;
import org.smartproperty.dev.demodata.DemoContext;
import org.smartproperty.dev.demodata.DemoSeeder;
import org.smartproperty.estate.Estate;
import org.smartproperty.expert.Admission;
import org.smartproperty.expert.Draw;
import org.smartproperty.expert.DrawInput;
import org.smartproperty.expert.DrawSeat;
import org.smartproperty.expert.Evaluation;
import org.smartproperty.expert.Expert;
import org.smartproperty.expert.ExpertInput;
import org.smartproperty.expert.ExpertProjects;
import org.smartproperty.expert.ExpertQuery;
import org.smartproperty.expert.ExpertService;
import org.smartproperty.expert.ExpertStatus;
import org.smartproperty.expert.RatingInput;
import org.smartproperty.expert.StatusChange;
import org.smartproperty.expert.Tie;
import org.smartproperty.expert.TieKind;
import org.smartproperty.platform.Jdbc;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.FileStore;
import org.smartproperty.platform.review.ReviewAction;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * The expert domain's demo data (SUP-EX-1..4): 38 experts of the pool with specialties, the first bound to demo-expert,
 * the others to the labels {@code expert-001}… (no accounts: the tender demo acts as them on its panels),
 * several with ties to the demo estates' property companies (employer, former employer, relative), three SUSPENDED and one
 * REMOVED; two applications under admission (one returned and resubmitted, one waiting); two archived evaluations (a
 * project each, drawn, confirmed and published) rated by demo-regulator. Written through {@link ExpertService} and
 * {@link ExpertProjects} as demo-regulator and the applicants would. Deterministic in its shape (the draws' seeds are
 * random, so who sat on the archived panels varies), and idempotent: nothing when the pool has any expert.
 */
@Component(service = DemoSeeder.class)
public class ExpertDemoSeeder implements DemoSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(ExpertDemoSeeder.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
    static final List<String> SPECIALTIES = List.of("PROPERTY_MANAGEMENT", "FACILITIES", "FINANCE", "LAW", "ENGINEERING", "GREEN_SPACE");
    static final String[] SURNAMES = {"陈", "李", "黄", "张", "梁", "何", "吴", "林", "郭", "罗", "邓", "冯", "谭", "周", "苏", "区", "卢", "郑", "蔡"};
    static final String[] GIVEN = {"建国", "志明", "丽华", "国强", "晓东", "嘉欣", "伟雄", "美玲", "振华", "少芬", "子健", "慧敏", "家豪", "秀英",
            "文杰", "海燕", "永康", "雅琪", "浩然", "婉婷"};
    static final String[] TITLES = {"高级工程师", "注册会计师", "律师", "高级经济师", "注册造价工程师", "园林高级工程师", "物业管理师"};
    static final String[] EMPLOYERS = {"珠海市物业管理行业协会", "横琴新区某会计师事务所", "某律师事务所", "暨南大学珠海校区", "某工程咨询有限公司",
            "珠海市园林设计研究院", "澳门科技大学"};
    static final int POOL = 38;
    static final String SOURCE = "archive";

    @Reference
    ExpertService service;
    @Reference
    ExpertProjects projects;
    @Reference
    AccountDirectory directory;
    @Reference
    FileStore files;
    @Reference(target = "(osgi.jndi.service.name=spm)")
    DataSource dataSource;

    @Override
    public String name() {
        return "expert";
    }

    @Override
    public Set<String> after() {
        return Set.of(ESTATES, ACCOUNTS, "company");
    }

    @Override
    public void seed(DemoContext context) {
        SpmPrincipal regulator = DemoCallers.as(directory, Role.REGULATOR, "demo-regulator", DataScope.ALL, "expert:read", "expert:manage",
                "expert:review", "expert:draw", "expert:confirm").orElse(null);
        if (regulator == null || service.list(regulator, ExpertQuery.ALL, PageRequest.of(0, 1)).total() > 0) {
            return;
        }
        List<Long> companies = new ArrayList<>(new LinkedHashSet<>(context.estates().stream().map(Estate::companyId)
                .filter(java.util.Objects::nonNull).toList()));
        LocalDate today = LocalDate.now(context.clock().withZone(ZONE));
        List<Expert> pool = new ArrayList<>();
        for (int i = 0; i < POOL && context.running(); i++) {
            pool.add(service.create(regulator, input(i, companies, today, account(i))));
        }
        for (int i : new int[] {POOL - 4, POOL - 3, POOL - 2}) {
            if (i < pool.size()) {
                service.changeStatus(regulator, pool.get(i).id(), new StatusChange(ExpertStatus.SUSPENDED, "因身体原因暂停参加评审至年底"));
            }
        }
        if (POOL - 1 < pool.size()) {
            service.changeStatus(regulator, pool.get(POOL - 1).id(), new StatusChange(ExpertStatus.REMOVED, "评审中未如实申报利害关系，除名"));
        }
        if (!context.running()) {
            return;
        }
        // two applications under admission: one returned and resubmitted, one waiting for the first decision
        SpmPrincipal first = applicant("demo-applicant-1");
        Expert a1 = service.apply(first, input(POOL, companies, today, null));
        Admission r1 = service.submitAdmission(first, a1.id(), List.of(pdf(first, "职称证书")));
        service.decideAdmission(regulator, a1.id(), r1.id(), r1.version(), ReviewAction.RETURN, "请补充近三年从事物业管理评审的工作证明");
        service.submitAdmission(first, a1.id(), List.of(pdf(first, "职称证书"), pdf(first, "近三年评审工作证明")));
        SpmPrincipal second = applicant("demo-applicant-2");
        Expert a2 = service.apply(second, input(POOL + 1, companies, today, null));
        service.submitAdmission(second, a2.id(), List.of(pdf(second, "执业证书")));

        // two archived evaluations: recorded, drawn, confirmed, published, rated
        long estate = context.estates().isEmpty() ? 1L : context.estates().get(0).id();
        int rated = 0;
        for (int k = 1; k <= 2 && context.running(); k++) {
            rated += archive(regulator, k, estate, companies, context);
        }
        LOG.info("Demo experts: {} in the pool, 2 applications, {} rated evaluations", pool.size(), rated);
    }

    private int archive(SpmPrincipal regulator, int k, long estateId, List<Long> companies, DemoContext context) {
        java.time.Instant evaluation = context.clock().instant().minus(Duration.ofDays(120L / k));
        long projectId = Jdbc.write(dataSource, c -> {
            long id = projects.record(c, new ExpertProjects.ProjectRecord(SOURCE, k, "ZB-ARCH-" + k, k == 1 ? "澳门新街坊前期物业服务招标（归档）"
                    : "横琴花园物业服务续聘招标（归档）", estateId, "COMMITTEE", estateId, evaluation), "demo-seed");
            projects.bidders(c, SOURCE, k, Set.copyOf(companies.subList(0, Math.min(companies.size(), 3))), "demo-seed");
            return id;
        });
        Draw d;
        try {
            d = service.draw(regulator, new DrawInput(projectId, 5, 4, 2, k == 1 ? "PROPERTY_MANAGEMENT" : null, List.of("业主委员会代表"), 24),
                    Locale.SIMPLIFIED_CHINESE);
        } catch (org.smartproperty.platform.ApiException e) {
            if (!"draw.notEnoughExperts".equals(e.code())) {
                throw e;
            }
            d = service.draw(regulator, new DrawInput(projectId, 5, 4, 2, null, List.of("业主委员会代表"), 24), Locale.SIMPLIFIED_CHINESE);
        }
        for (DrawSeat s : d.seats()) {
            if (!s.representative()) {
                service.confirm(regulator, d.id(), s.seat(), Locale.SIMPLIFIED_CHINESE);
            }
        }
        Jdbc.write(dataSource, c -> {
            projects.published(c, SOURCE, k, "demo-seed");
            return null;
        });
        int n = 0;
        for (DrawSeat s : d.seats()) {
            if (s.representative() || s.expertId() == null) {
                continue;
            }
            for (Evaluation e : service.evaluations(regulator, s.expertId())) {
                if (e.projectId() == projectId && e.rating() == null) {
                    service.rate(regulator, s.expertId(), e.id(), new RatingInput(3 + (s.seat() + k) % 3, s.seat() % 2 == 0 ? "评审意见详实" : null));
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * The EXPERT login name bound to pool expert i: demo-expert for the first, {@code expert-001}… for the others. A label the
     * tender demo acts as when it confirms and scores their seats (like its {@code demo-seed-company-<id>} principals); no
     * account is created for them, so nobody logs in as one and their notices go by SMS only.
     */
    static String account(int i) {
        return i == 0 ? "demo-expert" : String.format(Locale.ROOT, "expert-%03d", i);
    }

    /** Expert number i: two specialties, a title, an employer; every fifth tied to a demo company. */
    static ExpertInput input(int i, List<Long> companies, LocalDate today, String account) {
        String name = SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length];
        List<String> specialties = List.copyOf(new LinkedHashSet<>(List.of(SPECIALTIES.get(i % SPECIALTIES.size()),
                SPECIALTIES.get((i / SPECIALTIES.size() + i + 1) % SPECIALTIES.size()))));
        if (i == 0) {
            specialties = List.of("PROPERTY_MANAGEMENT", "FACILITIES");
        }
        List<Tie> ties = new ArrayList<>();
        if (!companies.isEmpty() && i % 5 == 1) {
            long company = companies.get(i % companies.size());
            switch (i % 3) {
                case 0 -> ties.add(new Tie(company, TieKind.EMPLOYER, today.minusYears(4), null));
                case 1 -> ties.add(new Tie(company, TieKind.FORMER_EMPLOYER, today.minusYears(6), today.minusYears(1 + i % 4)));
                default -> ties.add(new Tie(company, TieKind.RELATIVE, null, null));
            }
        }
        String idNumber = "440402" + (1960 + i % 30) + String.format("%02d%02d", 1 + i % 12, 1 + i % 28) + String.format("%03d", 100 + i) + (i % 10);
        String phone = "1380756" + String.format("%04d", 1000 + i);
        return new ExpertInput(name, idNumber, phone, specialties, TITLES[i % TITLES.length], null, EMPLOYERS[i % EMPLOYERS.length], account,
                List.copyOf(ties));
    }

    private static SpmPrincipal applicant(String username) {
        return new SpmPrincipal(0, username, Set.of(Role.EXPERT), Set.of("expert:read", "expert:apply", "expert:confirm"), DataScope.NONE, false,
                "127.0.0.1");
    }

    private AttachmentInput pdf(SpmPrincipal owner, String title) {
        return new AttachmentInput(title, files.upload(new ByteArrayInputStream(PDF), title + ".pdf", owner.getName()).id());
    }
}
