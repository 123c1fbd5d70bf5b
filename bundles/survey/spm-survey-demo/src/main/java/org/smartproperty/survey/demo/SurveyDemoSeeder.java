package org.smartproperty.survey.demo;

import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
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
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.House;
import org.smartproperty.estate.HouseQuery;
import org.smartproperty.estate.HouseStatus;
import org.smartproperty.estate.VotingRegister;
import org.smartproperty.platform.Jdbc;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.survey.AnswerInput;
import org.smartproperty.survey.Question;
import org.smartproperty.survey.QuestionKind;
import org.smartproperty.survey.Survey;
import org.smartproperty.survey.SurveyInput;
import org.smartproperty.survey.SurveyService;
import org.smartproperty.survey.SurveySubject;

/**
 * The survey domain's demo data (SVC-SAT-1/2, OWN-6, OCS-9), written through {@link SurveyService} as demo-regulator, the
 * owners and the committees would: first a few owners per demo estate verify their title through the estate service (the
 * registration simulator answers from the same data set; only houses of the data set with one owner, so the real-name
 * simulator persons stay unverified), demo-owner included; then a PUBLISHED company survey and a PUBLISHED committee survey of
 * last quarter answered by those owners (scores drawn from a fixed seed, a different level per estate, so the rankings look
 * real) and by each estate's committee, and an OPEN company survey of this quarter that demo-owner has not answered yet.
 * Deterministic; idempotent (nothing when any survey exists). Opened and published on the day of the seeding, their periods
 * are in the past.
 */
@Component(service = DemoSeeder.class)
public class SurveyDemoSeeder implements DemoSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(SurveyDemoSeeder.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int OWNERS_PER_ESTATE = 6;
    private static final long SEED = 16_2L;

    @Reference
    SurveyService service;
    @Reference
    EstateService estates;
    @Reference
    AccountDirectory directory;
    @Reference(target = "(osgi.jndi.service.name=spm)")
    DataSource dataSource;

    @Override
    public String name() {
        return "survey";
    }

    @Override
    public Set<String> after() {
        return Set.of(ESTATES, ACCOUNTS, "company", "committee");
    }

    @Override
    public void seed(DemoContext context) {
        SpmPrincipal regulator = DemoCallers.as(directory, Role.REGULATOR, "demo-regulator", DataScope.ALL, "survey:read", "survey:manage")
                .orElse(null);
        if (regulator == null || context.estates().isEmpty() || service.list(regulator, null, PageRequest.of(0, 1)).total() > 0) {
            return;
        }
        int verified = verifyOwners(context);
        Random rnd = new Random(SEED);
        LocalDate today = LocalDate.now(context.clock().withZone(ZONE));
        LocalDate qFrom = today.withDayOfMonth(1).minusMonths((today.getMonthValue() - 1) % 3);
        LocalDate lastFrom = qFrom.minusMonths(3);
        LocalDate lastTo = qFrom.minusDays(1);
        String last = quarter(lastFrom);

        // last quarter's surveys run until today while they are answered, closed and published, then their period moves back
        // to the quarter: an OPEN survey whose period had ended would be closed under the seeder by the job survey.close-due
        // (2 minutes after the start, then hourly), and the answers after it would be refused
        Survey company = service.create(regulator, new SurveyInput(last + "物业服务满意度调查", "请对本小区物业服务企业的服务进行评价（匿名）。",
                SurveySubject.COMPANY, lastFrom, today, true, null, null, companyQuestions()));
        company = service.open(regulator, company.id(), company.version());
        Survey committee = service.create(regulator, new SurveyInput(last + "业主委员会履职满意度调查", "请对本小区业主委员会的履职情况进行评价（匿名）。",
                SurveySubject.COMMITTEE, lastFrom, today, true, null, null, committeeQuestions()));
        committee = service.open(regulator, committee.id(), committee.version());
        int answers = 0;
        List<Estate> demo = context.estates();
        for (int i = 0; i < demo.size() && context.running(); i++) {
            Estate e = demo.get(i);
            int level = 2 + (i * 7) % 3; // 2, 3 or 4: each estate its own level, spread by the seed
            for (long owner : owners(e.id())) {
                answers += answer(owner(owner), company, e.id(), level, rnd) ? 1 : 0;
                answers += answer(owner(owner), committee, e.id(), 5 - level + 1, rnd) ? 1 : 0;
            }
            if (e.companyId() != null) {
                answers += answer(committee(e.id()), company, e.id(), level, rnd) ? 1 : 0;
            }
        }
        for (Survey s : List.of(company, committee)) {
            Survey cur = service.get(regulator, s.id());
            Survey closed = service.close(regulator, cur.id(), cur.version());
            service.publish(regulator, closed.id(), closed.version());
        }
        long[] lastQuarter = {company.id(), committee.id()};
        Jdbc.write(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE svy_survey SET period_to = ? WHERE id = ?")) {
                for (long id : lastQuarter) {
                    ps.setObject(1, lastTo);
                    ps.setLong(2, id);
                    ps.executeUpdate();
                }
            }
            return null;
        });

        // this quarter: open, demo-owner has not answered (the portal's journey starts there); other owners of the second estate have
        Survey now = service.create(regulator, new SurveyInput(quarter(qFrom) + "物业服务满意度调查", "请对本小区物业服务企业的服务进行评价（匿名）。",
                SurveySubject.COMPANY, qFrom, qFrom.plusMonths(3).minusDays(1), true, null, null, companyQuestions()));
        now = service.open(regulator, now.id(), now.version());
        if (demo.size() > 1) {
            for (long owner : owners(demo.get(1).id())) {
                answer(owner(owner), now, demo.get(1).id(), 4, rnd);
            }
        }
        LOG.info("Demo surveys: {} owners verified, published {} and {} ({} answers), open {}", verified, company.id(), committee.id(), answers,
                now.id());
    }

    private static String quarter(LocalDate from) {
        return String.format("%d年第%d季度", from.getYear(), (from.getMonthValue() - 1) / 3 + 1);
    }

    /**
     * Verifies the single owner of the first sold houses of each demo estate, and demo-owner's house; @return how many HELD.
     * The houses are chosen in estate and unit order; the checks (each a call to the registration system and a write of its
     * own) run four at a time, since each waits mostly for the registry's answer.
     */
    int verifyOwners(DemoContext context) {
        record Check(String unitCode, long ownerId) {
        }
        List<Check> checks = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        Optional<DemoContext.OwnerHouse> demoOwner = context.demoOwnerHouse();
        demoOwner.ifPresent(h -> {
            checks.add(new Check(h.unitCode(), h.ownerId()));
            done.add(h.unitCode());
        });
        for (Estate e : context.estates()) {
            List<House> houses = estates.houses(DataScope.ALL, e.id(), new HouseQuery(null, null, HouseStatus.SOLD, null), PageRequest.of(0, 30)).items();
            int n = 0;
            for (House h : houses) {
                if (n >= OWNERS_PER_ESTATE) {
                    break;
                }
                if (h.owners().size() != 1 || context.owner(h.unitCode()).isEmpty() || done.contains(h.unitCode())) {
                    continue; // only the data set's one-owner houses: the real-name simulator persons co-own theirs
                }
                checks.add(new Check(h.unitCode(), h.owners().get(0).id()));
                n++;
            }
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "spm-demo-survey");
            t.setDaemon(true);
            return t;
        });
        int held = 0;
        try {
            List<java.util.concurrent.Future<Boolean>> answers = new ArrayList<>();
            for (Check c : checks) {
                answers.add(pool.submit(() -> context.running() && verify(c.unitCode(), c.ownerId(), context.actor())));
            }
            for (java.util.concurrent.Future<Boolean> a : answers) {
                try {
                    held += a.get() ? 1 : 0;
                } catch (java.util.concurrent.ExecutionException e) {
                    LOG.warn("Demo title verification failed: {}", String.valueOf(e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        } finally {
            pool.shutdown(); // never shutdownNow: an interrupt in a JDBC call closes the embedded H2 database
        }
        return held;
    }

    private boolean verify(String unitCode, long ownerId, String actor) {
        try {
            return estates.verifyTitle(DataScope.ALL, unitCode, ownerId, actor).verified();
        } catch (RuntimeException e) {
            LOG.warn("Demo title verification of {} failed: {}", unitCode, e.getMessage());
            return false;
        }
    }

    private List<Long> owners(long estateId) {
        Set<Long> out = new LinkedHashSet<>();
        for (VotingRegister.Title t : estates.votingRegister(estateId).titles()) {
            if (t.ownerId() != null && !t.unsold()) {
                out.add(t.ownerId());
            }
        }
        return new ArrayList<>(out);
    }

    private boolean answer(SpmPrincipal who, Survey s, long estateId, int level, Random rnd) {
        List<AnswerInput.Answer> a = new ArrayList<>();
        for (Question q : s.questions()) {
            switch (q.kind()) {
                case SCORE -> a.add(new AnswerInput.Answer(q.id(), Math.max(1, Math.min(5, level + rnd.nextInt(3) - (rnd.nextInt(4) == 0 ? 1 : 0))), null, null));
                case SINGLE -> a.add(new AnswerInput.Answer(q.id(), null, List.of(Math.min(q.options().size() - 1, Math.max(0, 4 - level - 1 + rnd.nextInt(2)))), null));
                case MULTIPLE -> a.add(new AnswerInput.Answer(q.id(), null, List.of(rnd.nextInt(q.options().size())), null));
                case TEXT -> {
                    if (rnd.nextInt(3) == 0) {
                        a.add(new AnswerInput.Answer(q.id(), null, null, level >= 4 ? "服务总体不错，希望继续保持。" : "希望加强地下车库的清洁和照明。"));
                    }
                }
                default -> { }
            }
        }
        try {
            service.answer(who, s.id(), new AnswerInput(estateId, a));
            return true;
        } catch (RuntimeException e) {
            LOG.debug("Demo answer to survey {} skipped: {}", s.id(), e.getMessage());
            return false;
        }
    }

    private static SpmPrincipal owner(long ownerId) {
        return new SpmPrincipal(0, "demo-seed", Set.of(Role.OWNER), Set.of("survey:answer"), DataScope.owner(ownerId), false, "127.0.0.1");
    }

    private static SpmPrincipal committee(long estateId) {
        return new SpmPrincipal(0, "demo-seed", Set.of(Role.COMMITTEE), Set.of("survey:read", "survey:answer"), DataScope.committee(estateId), false,
                "127.0.0.1");
    }

    static List<SurveyInput.QuestionInput> companyQuestions() {
        return List.of(
                new SurveyInput.QuestionInput(QuestionKind.SCORE, "您对物业服务的总体满意程度", null, null, true),
                new SurveyInput.QuestionInput(QuestionKind.SCORE, "公共区域清洁与绿化养护", null, null, true),
                new SurveyInput.QuestionInput(QuestionKind.SCORE, "秩序维护与安全管理", null, null, true),
                new SurveyInput.QuestionInput(QuestionKind.SCORE, "报修响应与维修质量", null, null, true),
                new SurveyInput.QuestionInput(QuestionKind.SINGLE, "物业费收支公开情况", List.of("按时公开，清楚明白", "有公开但不够清楚", "未见公开"), null, true),
                new SurveyInput.QuestionInput(QuestionKind.MULTIPLE, "最希望改进的方面", List.of("清洁卫生", "安保巡逻", "设施维修", "停车管理", "服务态度"), null, false),
                new SurveyInput.QuestionInput(QuestionKind.TEXT, "其他意见和建议", null, null, false));
    }

    static List<SurveyInput.QuestionInput> committeeQuestions() {
        return List.of(
                new SurveyInput.QuestionInput(QuestionKind.SCORE, "您对业主委员会履职的总体满意程度", null, null, true),
                new SurveyInput.QuestionInput(QuestionKind.SCORE, "业主大会决定的执行和信息公开", null, null, true),
                new SurveyInput.QuestionInput(QuestionKind.SINGLE, "您是否了解业主委员会的联系方式", List.of("了解", "不了解"), null, true),
                new SurveyInput.QuestionInput(QuestionKind.TEXT, "对业主委员会的意见和建议", null, null, false));
    }
}
