package org.smartproperty.tender.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.company.Company;
import org.smartproperty.company.CompanyQuery;
import org.smartproperty.company.CompanyService;
import org.smartproperty.company.CompanyStatus;
import org.smartproperty.credit.CreditStanding;
import org.smartproperty.deadline.Deadline;
import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.dev.demodata.DemoContext;
import org.smartproperty.dev.demodata.DemoHistory;
import org.smartproperty.dev.demodata.DemoSeeder;
import org.smartproperty.developer.Developer;
import org.smartproperty.developer.DeveloperQuery;
import org.smartproperty.developer.DeveloperService;
import org.smartproperty.estate.Estate;
import org.smartproperty.expert.ExpertService;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Jdbc;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.FileStore;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.tender.AnnouncementInput;
import org.smartproperty.tender.ContractInput;
import org.smartproperty.tender.Criterion;
import org.smartproperty.tender.DirectInput;
import org.smartproperty.tender.PanelInput;
import org.smartproperty.tender.PanelView;
import org.smartproperty.tender.ReviewStep;
import org.smartproperty.tender.Round;
import org.smartproperty.tender.RuleInput;
import org.smartproperty.tender.ScoreInput;
import org.smartproperty.tender.Tender;
import org.smartproperty.tender.TenderInput;
import org.smartproperty.tender.TenderMethod;
import org.smartproperty.tender.TenderRule;
import org.smartproperty.tender.TenderService;
import org.smartproperty.tender.TenderStage;

/**
 * The tender domain's demo data, written through {@link TenderService} as the tenderers, the companies and demo-regulator:
 * developers' early-stage tenders (前期物业) on their estates in the stages before evaluation (draft, project under review or
 * returned, announcement drafted or under review, scheduled over the coming year, bidding, failed and re-tendered, in
 * evaluation) and committees' re-appointments (续聘, direct appointments of the estate's current manager, TND-1) from the project
 * review to a filed contract. Deterministic (the estates and companies in id order, a fixed plan per index) and idempotent:
 * nothing is seeded when any tender exists. The rules are set to 0 while seeding (so bidding can close within seconds) and
 * restored. The developer tenders are created in order, then moved through their stages side by side (each published one
 * waits seconds for its own publication and bid deadline; one after the other these waits made half a minute of every boot), then
 * evaluated in order. A filed contract re-appoints the current manager from the first day of next month, so no company's estates change.
 */
@Component(service = DemoSeeder.class)
public class TenderDemoSeeder implements DemoSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(TenderDemoSeeder.class);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final List<Criterion> CRITERIA = List.of(new Criterion("PLAN", "物业服务方案", 50), new Criterion("STAFF", "人员配置", 20),
            new Criterion("PRICE", "服务费报价", 30));

    /** What becomes of the k-th developer tender. */
    enum DevPlan {
        DRAFT, PROJECT_REVIEW, PROJECT_RETURNED, ANNOUNCEMENT, ANNOUNCEMENT_REVIEW, SCHEDULED, BIDDING, FAILED_RETENDERED, EVALUATION,
        /** evaluated by a drawn panel: the result in publicity */
        PUBLICITY,
        /** evaluated, the award filed (during publicity, TND-6) and approved: the contract to file */
        AWARDED,
        /** evaluated, award and contract filed: the winner (not the estate's manager) manages the estate (DEV-7, SUP-CO-1) */
        CONTRACTED
    }

    /** The plans before evaluation, cycled twice over the developers' estates; then one tender of each evaluated plan. */
    static final List<DevPlan> EARLY = List.of(DevPlan.values()).subList(0, DevPlan.EVALUATION.ordinal() + 1);
    static final List<DevPlan> EVALUATED = List.of(DevPlan.PUBLICITY, DevPlan.AWARDED, DevPlan.CONTRACTED);

    /** What becomes of the k-th committee re-appointment. */
    enum CommitteePlan { CONTRACTED, CONTRACT_REVIEW, CONTRACT, AWARD_REVIEW, AWARD, PROJECT_REVIEW }

    @Reference
    TenderService service;
    @Reference
    AccountDirectory directory;
    @Reference
    DeveloperService developers;
    @Reference
    CompanyService companies;
    @Reference
    CreditStanding credit;
    @Reference
    FileStore files;
    @Reference
    ExpertService experts;
    @Reference
    DeadlineTracker deadlines;
    @Reference(target = "(osgi.jndi.service.name=spm)")
    DataSource dataSource;

    @Override
    public String name() {
        return "tender";
    }

    @Override
    public Set<String> after() {
        return Set.of(ESTATES, ACCOUNTS, "company", "credit", "developer", "committee", "expert");
    }

    @Override
    public void seed(DemoContext context) {
        SpmPrincipal regulator = principal(0, "demo-regulator", Role.REGULATOR, DataScope.ALL, "tender:read", "tender:review", "tender:rules");
        if (service.list(regulator, null, PageRequest.of(0, 1)).total() > 0) {
            return;
        }
        Map<String, Integer> rules = new HashMap<>();
        service.rules().forEach(r -> rules.put(r.code(), r.amount()));
        setRules(regulator, Map.of(TenderRule.ANNOUNCEMENT_LEAD, 0, TenderRule.BID_PERIOD, 0, TenderRule.CLARIFICATION_LEAD, 0));
        int made = 0;
        try {
            List<Long> bidders = bidders();
            Set<Long> demoCompany = demoCompanies(context);
            made += developers(context, regulator, bidders, demoCompany);
            made += committees(context, regulator, demoCompany);
        } finally {
            setRules(regulator, rules);
        }
        int moved = context.running() ? history(regulator) : 0;
        LOG.info("Demo tenders: {} created, {} moved back over the last year", made, moved);
    }

    private void setRules(SpmPrincipal regulator, Map<String, Integer> values) {
        for (TenderRule r : service.rules()) {
            Integer want = values.get(r.code());
            if (want != null && want != r.amount()) {
                service.updateRule(regulator, r.code(), r.version(), new RuleInput(want, null, null));
            }
        }
    }

    static SpmPrincipal principal(long accountId, String name, Role role, DataScope scope, String... permissions) {
        return new SpmPrincipal(accountId, name, Set.of(role), Set.of(permissions), scope, false, "127.0.0.1");
    }

    /** FILED, not blacklisted companies in id order (those that may bid, TND-7). */
    private List<Long> bidders() {
        List<Long> out = new ArrayList<>();
        for (Company c : companies.list(DataScope.ALL, new CompanyQuery(null, CompanyStatus.FILED), PageRequest.of(0, 200)).items()) {
            if (c.status() == CompanyStatus.FILED && !credit.standing(c.id()).blacklisted()) {
                out.add(c.id());
            }
        }
        out.sort(Long::compare);
        return out;
    }

    private List<AttachmentInput> material(String actor, String title) {
        byte[] pdf = ("%PDF-1.4\n% " + title + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
        return List.of(new AttachmentInput(title, files.upload(new ByteArrayInputStream(pdf), title + ".pdf", actor).id()));
    }

    // ------------------------------------------------------------------ developers: early-stage tenders (DEV-2..5)

    private int developers(DemoContext context, SpmPrincipal regulator, List<Long> bidders, Set<Long> demoCompany) {
        List<Developer> all = new ArrayList<>(developers.list(DataScope.ALL, DeveloperQuery.all(), PageRequest.of(0, 200)).items());
        all.sort((a, b) -> Long.compare(a.id(), b.id()));
        Map<Long, Long> managers = new HashMap<>();
        context.estates().forEach(e -> managers.put(e.id(), e.companyId()));
        // (developer, estate) in id order
        List<SpmPrincipal> devs = new ArrayList<>();
        List<Long> estates = new ArrayList<>();
        for (Developer d : all) {
            if (d.estateIds() == null || d.estateIds().isEmpty()) {
                continue;
            }
            SpmPrincipal dev = principal(0, "demo-seed-developer-" + d.id(), Role.DEVELOPER, DataScope.developer(d.id(), Set.copyOf(d.estateIds())),
                    "tender:read", "tender:apply", "tender:score");
            for (Long estate : d.estateIds().stream().sorted().toList()) {
                devs.add(dev);
                estates.add(estate);
            }
        }
        if (estates.isEmpty()) {
            return 0;
        }
        int total = Math.min(estates.size(), EARLY.size() * 2) + EVALUATED.size();
        // 1. the tenders in k order (their ids and numbers follow the plan, as before)
        List<Planned> planned = new ArrayList<>();
        for (int k = 0; k < total && context.running(); k++) {
            boolean early = k < total - EVALUATED.size();
            DevPlan plan = early ? EARLY.get(k % EARLY.size()) : EVALUATED.get(k - (total - EVALUATED.size()));
            int at = k % estates.size();
            if (plan == DevPlan.CONTRACTED) {
                // an estate whose manager may change: never one of demo-company's (other suites use its estates)
                for (int j = 0; j < estates.size(); j++) {
                    Long m = managers.get(estates.get((k + j) % estates.size()));
                    if (m == null || !demoCompany.contains(m)) {
                        at = (k + j) % estates.size();
                        break;
                    }
                }
            }
            long estate = estates.get(at);
            try {
                planned.add(new Planned(k, plan, devs.get(at), estate, managers.get(estate), create(devs.get(at), estate, plan, k, bidders)));
            } catch (ApiException e) {
                LOG.warn("Demo tender {} for estate {} not seeded: {} {}", plan, estate, e.getMessage(), e.errors());
            }
        }
        // 2. each tender through its stages; those published now wait a few seconds for their own publication and bid
        // deadline, so they run side by side (a pool of the seeder's own; waits are real time, the work is small)
        List<Outcome> outcomes = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, Math.min(8, planned.size())), r -> {
            Thread t = new Thread(r, "spm-demo-tender");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<Outcome>> running = new ArrayList<>();
            for (Planned p : planned) {
                running.add(pool.submit(() -> context.running() ? advance(regulator, p, bidders, demoCompany) : new Outcome(p, 0, null)));
            }
            for (int i = 0; i < running.size(); i++) {
                try {
                    outcomes.add(running.get(i).get());
                } catch (java.util.concurrent.ExecutionException e) {
                    Planned p = planned.get(i);
                    LOG.warn("Demo tender {} for estate {} not seeded: {}", p.plan(), p.estate(), e.getCause() instanceof ApiException a
                            ? a.getMessage() + " " + a.errors() : String.valueOf(e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        } finally {
            pool.shutdown(); // never shutdownNow: an interrupt in a JDBC call closes the embedded H2 database
        }
        // 3. the evaluations in k order (the expert draws one after the other, as the pool's availability is read)
        int made = 0;
        for (Outcome o : outcomes) {
            made += o.made();
            if (o.contenders() != null && context.running()) {
                try {
                    evaluate(regulator, o.planned().dev(), o.planned().tender().id(), o.planned().plan(), o.contenders());
                } catch (ApiException e) {
                    LOG.warn("Demo tender {} for estate {} not evaluated: {} {}", o.planned().plan(), o.planned().estate(), e.getMessage(), e.errors());
                }
            }
        }
        return made;
    }

    /** The k-th developer tender as created, with what it is to become. */
    record Planned(int k, DevPlan plan, SpmPrincipal dev, long estate, Long manager, Tender tender) {
    }

    /** A tender moved through its stages: how many tenders it made, and the contenders when it is to be evaluated (else null). */
    record Outcome(Planned planned, int made, List<Long> contenders) {
    }

    private Tender create(SpmPrincipal dev, long estate, DevPlan plan, int k, List<Long> bidders) {
        boolean evaluated = EVALUATED.contains(plan);
        TenderMethod method = !evaluated && k % 3 == 2 && bidders.size() >= 3 ? TenderMethod.INVITATION : TenderMethod.OPEN;
        List<Long> invited = method == TenderMethod.INVITATION ? bidders.subList(0, 3) : null;
        return service.create(dev, new TenderInput(estate, "前期物业服务招标（" + (k + 1) + "）", method, null, null, invited, 24 + 12 * (k % 2),
                CRITERIA));
    }

    private Outcome advance(SpmPrincipal regulator, Planned planned, List<Long> bidders, Set<Long> demoCompany) {
        DevPlan plan = planned.plan();
        SpmPrincipal dev = planned.dev();
        int k = planned.k();
        Long manager = planned.manager();
        Tender t = planned.tender();
        boolean evaluated = EVALUATED.contains(plan);
        List<Long> invited = t.method() == TenderMethod.INVITATION ? bidders.subList(0, 3) : null;
        if (plan == DevPlan.DRAFT) {
            return new Outcome(planned, 1, null);
        }
        Round p = service.submitProject(dev, t.id(), material(dev.getName(), "招标项目备案表"));
        if (plan == DevPlan.PROJECT_REVIEW) {
            return new Outcome(planned, 1, null);
        }
        if (plan == DevPlan.PROJECT_RETURNED) {
            service.decide(regulator, t.id(), ReviewStep.PROJECT, p.id(), p.version(), false, "请补充物业项目概况和物业服务用房说明");
            return new Outcome(planned, 1, null);
        }
        service.decide(regulator, t.id(), ReviewStep.PROJECT, p.id(), p.version(), true, null);
        if (plan == DevPlan.ANNOUNCEMENT) {
            return new Outcome(planned, 1, null);
        }
        Instant now = Instant.now();
        boolean later = plan == DevPlan.ANNOUNCEMENT_REVIEW || plan == DevPlan.SCHEDULED;
        // scheduled ones over the coming year; the others published at once with a deadline of weeks, or seconds to be closed now
        Instant publish = later ? now.plus(Duration.ofDays(20 + 40L * k)) : now.plusSeconds(2); // seconds of margin: the flows run side by side on a busy machine
        Duration bidding = plan == DevPlan.BIDDING || later ? Duration.ofDays(25) : Duration.ofSeconds(6); // the registrations below must come before it, side by side with the others
        t = service.saveAnnouncement(dev, t.id(), service.get(dev, t.id()).version(), new AnnouncementInput(
                "本项目为前期物业服务招标，欢迎符合条件的物业服务企业报名。服务期限" + t.serviceMonths() + "个月。", publish, publish,
                publish.plus(bidding), publish.plus(bidding).plus(Duration.ofDays(1)), null));
        Round a = service.submitAnnouncement(dev, t.id(), material(dev.getName(), "招标公告"));
        if (plan == DevPlan.ANNOUNCEMENT_REVIEW) {
            return new Outcome(planned, 1, null);
        }
        if (!later) {
            waitUntil(publish); // published at the approval (due): the job tender.publish publishes the scheduled ones at publishAt
        }
        service.decide(regulator, t.id(), ReviewStep.ANNOUNCEMENT, a.id(), a.version(), true, "同意发布");
        if (plan == DevPlan.SCHEDULED) {
            return new Outcome(planned, 1, null);
        }
        List<Long> pool = invited != null ? invited : evaluated ? contenders(bidders, manager, demoCompany) : bidders;
        int count = plan == DevPlan.FAILED_RETENDERED ? 1 : Math.min(plan == DevPlan.BIDDING ? 2 : 3, pool.size());
        for (int i = 0; i < count; i++) {
            long c = pool.get(((evaluated ? 0 : k) + i) % pool.size());
            service.register(principal(0, "demo-seed-company-" + c, Role.COMPANY, DataScope.company(c), "tender:read", "tender:bid"), t.id());
        }
        if (plan == DevPlan.BIDDING) {
            return new Outcome(planned, 1, null);
        }
        waitUntil(service.get(dev, t.id()).bidDeadline());
        Tender closed = service.closeBidding(dev, t.id());
        if (closed.stage() == TenderStage.FAILED) {
            service.retender(dev, t.id());
            return new Outcome(planned, 2, null);
        }
        return new Outcome(planned, 1, evaluated && closed.stage() == TenderStage.EVALUATION ? List.copyOf(pool.subList(0, count)) : null);
    }

    /**
     * The bidders of an evaluated tender, the winner first: a company that neither manages the estate nor is demo-company's (so
     * a filed contract changes the manager and leaves demo-company's estates alone), then the others in id order.
     */
    static List<Long> contenders(List<Long> bidders, Long manager, Set<Long> demoCompany) {
        List<Long> out = new ArrayList<>();
        for (Long c : bidders) {
            if (!c.equals(manager) && !demoCompany.contains(c)) {
                out.add(c);
                break;
            }
        }
        bidders.stream().filter(c -> !out.contains(c) && !demoCompany.contains(c)).forEach(out::add);
        bidders.stream().filter(c -> !out.contains(c)).forEach(out::add);
        return out;
    }

    /**
     * DEV-5, TND-5, TND-6, DEV-7: the panel drawn through the expert domain (5 seats, 4 drawn experts, 2 reserves, one
     * representative), each drawn expert confirming and scoring its own seat as the principal its record's accountName names
     * (the expert demo's {@code expert-001}… labels), the tenderer scoring the representative's seat, the result (→ PUBLICITY);
     * then as planned the award filing (allowed in publicity) and the contract filing. The first contender wins.
     */
    private void evaluate(SpmPrincipal regulator, SpmPrincipal dev, long id, DevPlan plan, List<Long> contenders) {
        PanelView drawn = service.createPanel(dev, id, new PanelInput(5, 4, 2, null, List.of("开发建设单位代表"), 24));
        PanelView panel = service.panel(regulator, id); // unmasked for the regulator's staff
        for (PanelView.Seat s : panel.seats()) {
            if (!s.representative() && !s.confirmed()) {
                experts.confirm(s.accountName() == null ? regulator : expert(s.accountName()), drawn.drawId(), s.seat(), Locale.SIMPLIFIED_CHINESE);
            }
        }
        for (PanelView.Seat s : service.panel(regulator, id).seats()) {
            List<ScoreInput.Item> items = new ArrayList<>();
            for (int b = 0; b < contenders.size(); b++) {
                long c = contenders.get(b);
                items.add(new ScoreInput.Item(c, "PLAN", 44 - 5 * b - s.seat() % 3));
                items.add(new ScoreInput.Item(c, "STAFF", 17 - 2 * b - (s.seat() + b) % 2));
                items.add(new ScoreInput.Item(c, "PRICE", 26 - b + (b == 2 ? 2 : 0)));
            }
            if (s.representative()) {
                service.score(dev, id, new ScoreInput(s.seat(), items));
            } else {
                service.score(expert(s.accountName()), id, new ScoreInput(null, items));
            }
        }
        service.computeResult(dev, id);
        if (plan == DevPlan.PUBLICITY) {
            return;
        }
        Round aw = service.submitAward(dev, id, material(dev.getName(), "中标结果备案表"));
        service.decide(regulator, id, ReviewStep.AWARD, aw.id(), aw.version(), true, null);
        if (plan == DevPlan.AWARDED) {
            return;
        }
        LocalDate today = LocalDate.now(ZONE);
        Round c = service.submitContract(dev, id, new ContractInput("前期物业服务合同，服务期三年", today, today.plusYears(3).minusDays(1),
                new java.math.BigDecimal("2.80"), today, material(dev.getName(), "已签署的物业服务合同")));
        service.decide(regulator, id, ReviewStep.CONTRACT, c.id(), c.version(), true, null);
    }

    /** A drawn expert as the seeder acts for it: the login name its pool record is bound to (no account behind it). */
    static SpmPrincipal expert(String accountName) {
        return principal(0, accountName, Role.EXPERT, DataScope.NONE, "tender:read", "tender:score", "expert:read", "expert:confirm");
    }

    /** The seeder waits for a few seconds at most (deadlines it set itself, never more than 10 s ahead). */
    private static void waitUntil(Instant at) {
        if (at.isAfter(Instant.now().plusSeconds(10))) {
            throw new IllegalStateException("a demo deadline " + at + " is not seconds away");
        }
        while (Instant.now().isBefore(at.plusMillis(50))) {
            try {
                Thread.sleep(Math.max(10, Math.min(500, Duration.between(Instant.now(), at).toMillis() + 60)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ------------------------------------------------------------------ committees: re-appointments of the manager (OCS-5, TND-1)

    /** The companies demo-company's account belongs to (their estates keep their manager). */
    private Set<Long> demoCompanies(DemoContext context) {
        Set<Long> demoCompany = new LinkedHashSet<>();
        for (Estate e : context.estates()) {
            if (e.companyId() != null && !demoCompany.contains(e.companyId()) && directory.accountsOf(DataScope.company(e.companyId())).stream()
                    .anyMatch(a -> a.username().equals("demo-company"))) {
                demoCompany.add(e.companyId());
            }
        }
        return demoCompany;
    }

    private int committees(DemoContext context, SpmPrincipal regulator, Set<Long> demoCompany) {
        List<Estate> estates = new ArrayList<>(context.estates());
        estates.sort((a, b) -> Long.compare(a.id(), b.id()));
        LocalDate from = LocalDate.now(ZONE).withDayOfMonth(1).plusMonths(1);
        int k = 0;
        int made = 0;
        for (Estate e : estates) {
            if (!context.running() || k >= CommitteePlan.values().length) {
                break;
            }
            // every other estate has a committee (the committee demo data); re-appoint its manager, never demo-company's
            if (e.companyId() == null || demoCompany.contains(e.companyId())) {
                continue;
            }
            CommitteePlan plan = CommitteePlan.values()[k];
            SpmPrincipal committee = principal(0, "demo-seed-committee-" + e.id(), Role.COMMITTEE, DataScope.committee(e.id()),
                    "tender:read", "tender:apply");
            try {
                Tender t = service.create(committee, new TenderInput(e.id(), e.name() + "物业服务续聘", TenderMethod.DIRECT,
                        "业主大会决定续聘现物业服务企业（协议选聘，TND-1）", e.companyId(), null, 36, null));
                Round p = service.submitProject(committee, t.id(), material(committee.getName(), "业主大会决议"));
                made++;
                k++;
                if (plan == CommitteePlan.PROJECT_REVIEW) {
                    continue;
                }
                service.decide(regulator, t.id(), ReviewStep.PROJECT, p.id(), p.version(), true, "同意协议选聘");
                if (plan == CommitteePlan.AWARD) {
                    continue;
                }
                Round aw = service.submitAward(committee, t.id(), material(committee.getName(), "选聘结果备案表"));
                if (plan == CommitteePlan.AWARD_REVIEW) {
                    continue;
                }
                service.decide(regulator, t.id(), ReviewStep.AWARD, aw.id(), aw.version(), true, null);
                if (plan == CommitteePlan.CONTRACT) {
                    continue;
                }
                Round c = service.submitContract(committee, t.id(), new ContractInput("物业服务合同（续聘），服务期三年", from,
                        from.plusYears(3).minusDays(1), new java.math.BigDecimal("2.50"), LocalDate.now(ZONE),
                        material(committee.getName(), "已签署的物业服务合同")));
                if (plan == CommitteePlan.CONTRACT_REVIEW) {
                    continue;
                }
                service.decide(regulator, t.id(), ReviewStep.CONTRACT, c.id(), c.version(), true, null);
            } catch (ApiException ex) {
                LOG.warn("Demo re-appointment {} for {} not seeded: {} {}", plan, e.name(), ex.getMessage(), ex.errors());
            }
        }
        return made;
    }

    // ------------------------------------------------------------------ history: a year of tenders (issue 15, issue 11 item 2)

    /** Stages whose announcement times are all past: every time of the tender moves back. */
    static final Set<TenderStage> PAST_BIDDING = Set.of(TenderStage.FAILED, TenderStage.EVALUATION, TenderStage.PUBLICITY, TenderStage.AWARD,
            TenderStage.AWARD_REVIEW, TenderStage.CONTRACT, TenderStage.CONTRACT_REVIEW, TenderStage.CONTRACTED);
    /** Stages whose running deadline is the award filing's (its due time is {@code award_due_at}). */
    static final Set<TenderStage> AWARD_DUE = Set.of(TenderStage.PUBLICITY, TenderStage.AWARD, TenderStage.AWARD_REVIEW);
    /** Stages whose running deadline is the contract filing's ({@code contract_due_at}). */
    static final Set<TenderStage> CONTRACT_DUE = Set.of(TenderStage.CONTRACT, TenderStage.CONTRACT_REVIEW);
    /** Ages of the tenders still being handled, in turn: recent (the oldest three weeks). */
    static final List<Duration> OPEN_AGES = DemoHistory.OPEN_AGES.subList(0, 7);
    /** A result in publicity stays there: younger than the shortest publicity period (3 days). */
    static final Duration PUBLICITY_AGE = Duration.ofHours(26);

    /** The age of each tender (in id order) by its stage: finished ones over the last year, the open ones recent. */
    static List<Duration> ages(List<TenderStage> stages) {
        List<DemoHistory.Phase> phases = stages.stream()
                .map(s -> s == TenderStage.CONTRACTED || s == TenderStage.FAILED ? DemoHistory.Phase.FINISHED : DemoHistory.Phase.OPEN).toList();
        List<Duration> finished = DemoHistory.ages(phases);
        List<Duration> out = new ArrayList<>();
        int o = 0;
        for (int i = 0; i < stages.size(); i++) {
            if (phases.get(i) == DemoHistory.Phase.FINISHED) {
                out.add(finished.get(i));
            } else if (stages.get(i) == TenderStage.PUBLICITY) {
                out.add(PUBLICITY_AGE);
            } else {
                out.add(OPEN_AGES.get(o++ % OPEN_AGES.size()));
            }
        }
        return out;
    }

    /**
     * Moves every demo tender back by its age, in one transaction on the tender domain's own tables: the tender's times, its
     * review rounds and their history, bidders, scores, clarifications, the contract's signing date; the announcement's times
     * only once bidding is over (earlier ones keep their coming publication and deadline, so the jobs leave their stage alone;
     * a tender in bidding moves its publication only). The filing deadlines through {@link DeadlineTracker#backdate}. Audit
     * rows, notices, SMS, files, numbers and the expert and company domains' rows keep the seeding time.
     *
     * @return tenders moved
     */
    private int history(SpmPrincipal regulator) {
        List<Tender> all = new ArrayList<>(service.list(regulator, null, PageRequest.of(0, 500)).items());
        all.sort((a, b) -> Long.compare(a.id(), b.id()));
        List<Duration> ages = ages(all.stream().map(Tender::stage).toList());
        return Jdbc.write(dataSource, c -> {
            int n = 0;
            for (int i = 0; i < all.size(); i++) {
                move(c, all.get(i), ages.get(i));
                n++;
            }
            return n;
        });
    }

    private void move(Connection c, Tender t, Duration age) throws SQLException {
        long id = t.id();
        TenderStage stage = t.stage();
        DemoHistory.shift(c, "tnd_tender", "id", "id", id, age, "created_at", "updated_at");
        if (PAST_BIDDING.contains(stage)) {
            millis(c, "tnd_tender", "id", id, age, "published_at", "publish_at", "documents_from", "bid_deadline", "opening_at",
                    "result_published_at", "publicity_until", "award_due_at", "contract_due_at");
            millis(c, "tnd_clarification", "tender_id", id, age, "deadline_before", "deadline_after");
            DemoHistory.shift(c, "tnd_clarification", "id", "tender_id", id, age, "created_at", "updated_at");
        } else if (stage == TenderStage.BIDDING) {
            millis(c, "tnd_tender", "id", id, age, "published_at", "publish_at", "documents_from");
        }
        for (String step : List.of("project", "announcement", "award", "contract")) {
            DemoHistory.shift(c, "tnd_" + step + "_round", "id", "tender_id", id, age, "submitted_at", "created_at", "updated_at");
            DemoHistory.shift(c, "tnd_" + step + "_event", "id", "subject_id", id, age, "acted_at");
        }
        DemoHistory.shift(c, "tnd_bidder", "id", "tender_id", id, age, "created_at", "updated_at");
        DemoHistory.shift(c, "tnd_score", "id", "tender_id", id, age, "created_at", "updated_at");
        signed(c, id, age);
        if (deadlines.find(c, "tender", id).isPresent()) {
            try {
                Deadline d = deadlines.backdate(c, "tender", id, age);
                // a running deadline is rescheduled through the working calendar: the tender shows the due time it now has
                String due = AWARD_DUE.contains(stage) ? "award_due_at" : CONTRACT_DUE.contains(stage) ? "contract_due_at" : null;
                if (due != null && d.dueAt() != null) {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE tnd_tender SET " + due + " = ? WHERE id = ?")) {
                        ps.setLong(1, d.dueAt().toEpochMilli());
                        ps.setLong(2, id);
                        ps.executeUpdate();
                    }
                }
            } catch (ApiException e) {
                LOG.warn("Demo tender {}: deadline not moved back: {}", t.number(), e.getMessage());
            }
        }
    }

    /** Moves optional times stored as epoch milliseconds (null stays null). */
    private static void millis(Connection c, String table, String keyColumn, long key, Duration age, String... columns) throws SQLException {
        StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET ");
        for (int i = 0; i < columns.length; i++) {
            sql.append(i == 0 ? "" : ", ").append(columns[i]).append(" = ").append(columns[i]).append(" - ?");
        }
        sql.append(" WHERE ").append(keyColumn).append(" = ?");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < columns.length; i++) {
                ps.setLong(i + 1, age.toMillis());
            }
            ps.setLong(columns.length + 1, key);
            ps.executeUpdate();
        }
    }

    /** The contract's signing date moves with its filing (the service period stays: the company registry holds it). */
    private static void signed(Connection c, long tenderId, Duration age) throws SQLException {
        long days = age.toDays();
        if (days == 0) {
            return;
        }
        List<long[]> rows = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, signed_at FROM tnd_contract_round WHERE tender_id = ?")) {
            ps.setLong(1, tenderId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate d = rs.getObject(2, LocalDate.class);
                    if (d != null) {
                        rows.add(new long[] {rs.getLong(1)});
                        dates.add(d.minusDays(days));
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE tnd_contract_round SET signed_at = ? WHERE id = ?")) {
            for (int i = 0; i < rows.size(); i++) {
                ps.setObject(1, dates.get(i));
                ps.setLong(2, rows.get(i)[0]);
                ps.executeUpdate();
            }
        }
    }
}
