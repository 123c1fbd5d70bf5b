package org.smartproperty.vote.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.dev.demodata.DemoContext;
import org.smartproperty.dev.demodata.DemoSeeder;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.House;
import org.smartproperty.estate.HouseQuery;
import org.smartproperty.estate.HouseStatus;
import org.smartproperty.estate.VotingRegister;
import org.smartproperty.platform.Jdbc;
import org.smartproperty.platform.JobRunner;
import org.smartproperty.platform.JobStatus;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.FileStore;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.vote.Choice;
import org.smartproperty.vote.MatterCategory;
import org.smartproperty.vote.Views;
import org.smartproperty.vote.Vote;
import org.smartproperty.vote.VoteInput;
import org.smartproperty.vote.VoteService;
import org.smartproperty.vote.VoteStatus;

/**
 * The vote domain's demo data, written through {@link VoteService} as the committees, the companies, the owners and
 * demo-regulator: in the first demo estate (where demo-owner lives) a vote OPEN now that demo-owner has not cast in yet, a
 * NOTICED and a DRAFT one; in the three smallest other estates (their one-owner houses' titles verified first, as owners
 * would) PUBLISHED results (one estate allows deemed votes, VOTE-7; paper ballots of unsold houses with a scan), a CLOSED, a
 * SUSPENDED and a CANCELLED vote. Time is made by moving the vote's own rows back (vot_vote, vot_event) and running the job
 * {@code vote.clock} now, never by a clock hook in the service. Deterministic (estates in a fixed order, ballots from a
 * seeded Random) and idempotent: nothing is seeded when any vote exists.
 */
@Component(service = DemoSeeder.class)
public class VoteDemoSeeder implements DemoSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(VoteDemoSeeder.class);
    static final int VERIFY_PER_ESTATE = 60;
    static final Duration DAY = Duration.ofDays(1);

    @Reference
    VoteService service;
    @Reference
    EstateService estates;
    @Reference
    JobRunner jobs;
    @Reference
    FileStore files;
    @Reference(target = "(osgi.jndi.service.name=spm)")
    DataSource dataSource;

    @Override
    public String name() {
        return "vote";
    }

    @Override
    public Set<String> after() {
        return Set.of(ESTATES, ACCOUNTS, "survey");
    }

    static SpmPrincipal principal(String name, Role role, DataScope scope, String... permissions) {
        return new SpmPrincipal(0, name, Set.of(role), Set.of(permissions), scope, false, "127.0.0.1");
    }

    static SpmPrincipal committee(Estate e) {
        return principal("demo-seed-committee-" + e.id(), Role.COMMITTEE, DataScope.committee(e.id()), "vote:read", "vote:manage", "vote:paper",
                "vote:settings");
    }

    static SpmPrincipal company(Estate e) {
        return principal("demo-seed-company-" + e.companyId(), Role.COMPANY, DataScope.company(e.companyId()), "vote:read", "vote:manage");
    }

    static SpmPrincipal owner(long ownerId) {
        return principal("demo-seed-owner-" + ownerId, Role.OWNER, DataScope.owner(ownerId), "vote:read", "vote:cast");
    }

    /**
     * Seeds; a failure is logged with its stack and ends this seeder's work (what was made stays), so the other domains'
     * demo data and the demo-data health check are not held up by the votes.
     */
    @Override
    public void seed(DemoContext context) {
        try {
            seedAll(context);
        } catch (RuntimeException e) {
            LOG.error("Demo votes: seeding stopped early", e);
        }
    }

    void seedAll(DemoContext context) {
        SpmPrincipal regulator = principal("demo-regulator", Role.REGULATOR, DataScope.ALL, "vote:read", "vote:supervise", "vote:settings");
        if (service.list(regulator, null, PageRequest.of(0, 1)).total() > 0 || context.estates().isEmpty()) {
            return;
        }
        Instant now = context.clock().instant();
        Estate home = context.estates().get(0);
        context.demoOwnerHouse().ifPresent(h -> verify(h.unitCode(), h.ownerId(), context.actor()));
        List<Estate> small = context.estates().subList(1, context.estates().size()).stream().filter(e -> e.houseCount() > 0)
                .sorted(Comparator.comparingLong(Estate::houseCount).thenComparing(Estate::id)).limit(3).toList();
        for (Estate e : small) {
            verifyOwners(context, e);
        }
        Long demoOwner = context.demoOwnerHouse().map(DemoContext.OwnerHouse::ownerId).orElse(null);
        int made = 0;

        // the first demo estate: open now (demo-owner may cast), noticed, draft
        Vote open = create(committee(home), home, "2026年度物业服务企业续聘及公共收益使用", now.plus(Duration.ofDays(16)), now.plus(Duration.ofDays(23)), true,
                List.of(matter("续聘现物业服务企业", MatterCategory.PROPERTY_SERVICE), matter("使用公共收益增设电动车充电桩", MatterCategory.COMMON_PARTS_USE)));
        notice(committee(home), open);
        age(open.id(), Duration.ofDays(18));
        clock();
        cast(open.id(), 0.35, 0.75, 11, demoOwner);
        made++;
        Vote noticed = create(committee(home), home, "修订管理规约（2027版）", now.plus(Duration.ofDays(20)), now.plus(Duration.ofDays(34)), false,
                List.of(matter("修订管理规约", MatterCategory.COVENANT)));
        notice(committee(home), noticed);
        made++;
        create(committee(home), home, "选举第二届业主委员会", now.plus(Duration.ofDays(40)), now.plus(Duration.ofDays(47)), false,
                List.of(matter("选举第二届业主委员会委员", MatterCategory.COMMITTEE), matter("制定业主大会议事规则", MatterCategory.RULES_OF_PROCEDURE)));
        made++;

        for (int i = 0; i < small.size() && context.running(); i++) {
            Estate e = small.get(i);
            if (i == 1) {
                service.updateSetting(committee(e), e.id(), 0, new Views.SettingInput(true, "业主大会议事规则第十八条：未参与表决的业主视为同意多数票意见"));
            }
            // a published result (DIS-4, MAP-6): quorum met, a 3/4 matter that fails, a majority matter that passes
            SpmPrincipal initiator = i == 2 && e.companyId() != null ? company(e) : committee(e);
            Vote pub = create(initiator, e, i == 0 ? "电梯更新改造及维修资金使用" : i == 1 ? "小区外墙翻新" : "选聘物业服务企业", now.plus(Duration.ofDays(16)),
                    now.plus(Duration.ofDays(23)), i != 1, List.of(matter("使用专项维修资金更新电梯", MatterCategory.FUND_USE),
                            matter("续筹专项维修资金", MatterCategory.FUND_RAISE), matter("授权业主委员会签订合同", MatterCategory.OTHER)));
            notice(initiator, pub);
            age(pub.id(), Duration.ofDays(18));
            clock();
            cast(pub.id(), i == 1 ? 0.72 : 0.86, 0.7, 100 + i, null);
            paper(committee(e), pub.id(), 2);
            age(pub.id(), Duration.ofDays(10 + 30 * i));
            clock();
            publish(initiator, pub.id());
            made++;
            if (i == 0) {
                Vote closed = create(committee(e), e, "调整停车位收费标准", now.plus(Duration.ofDays(16)), now.plus(Duration.ofDays(20)), false,
                        List.of(matter("调整地面停车位收费标准", MatterCategory.OTHER)));
                notice(committee(e), closed);
                age(closed.id(), Duration.ofDays(18));
                clock();
                cast(closed.id(), 0.6, 0.55, 7, null);
                age(closed.id(), Duration.ofDays(5));
                clock();
                made++;
                Vote cancelled = create(committee(e), e, "改建小区南门", now.plus(Duration.ofDays(30)), now.plus(Duration.ofDays(37)), false,
                        List.of(matter("改建小区南门及门岗", MatterCategory.REBUILD)));
                service.cancel(committee(e), cancelled.id(), cancelled.version(), "方案需重新征求意见");
                made++;
            }
            if (i == 1) {
                Vote suspended = create(committee(e), e, "利用共有部分开设便利店", now.plus(Duration.ofDays(16)), now.plus(Duration.ofDays(26)), false,
                        List.of(matter("利用架空层开设便利店", MatterCategory.COMMON_PARTS_USE)));
                notice(committee(e), suspended);
                age(suspended.id(), Duration.ofDays(18));
                clock();
                cast(suspended.id(), 0.2, 0.6, 9, null);
                Vote s = service.get(regulator, suspended.id());
                service.suspend(regulator, s.id(), s.version(), "收到业主投诉：表决票未送达部分楼栋，暂停核查");
                made++;
            }
        }
        LOG.info("Demo votes: {} created in {} estates", made, 1 + small.size());
    }

    static VoteInput.MatterInput matter(String title, MatterCategory c) {
        return new VoteInput.MatterInput(title, null, c.name());
    }

    Vote create(SpmPrincipal by, Estate e, String title, Instant startsAt, Instant endsAt, boolean change, List<VoteInput.MatterInput> matters) {
        return service.create(by, new VoteInput(e.id(), title, "业主大会会议表决事项，详见公告。", startsAt, endsAt, change, matters));
    }

    void notice(SpmPrincipal by, Vote v) {
        service.notice(by, v.id(), service.get(by, v.id()).version());
    }

    void publish(SpmPrincipal by, long id) {
        Vote v = service.get(by, id);
        if (v.status() == VoteStatus.CLOSED) {
            service.publish(by, id, v.version());
        }
    }

    /** Moves the vote's own times back by {@code age} (vot_vote, vot_event), as if it had been noticed that long ago. */
    void age(long voteId, Duration age) {
        long ms = age.toMillis();
        Jdbc.write(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE vot_vote SET starts_at = starts_at - ?, ends_at = ends_at - ?, noticed_at = noticed_at - ?,"
                    + " opened_at = opened_at - ?, closed_at = closed_at - ? WHERE id = ?")) {
                for (int i = 1; i <= 5; i++) {
                    ps.setLong(i, ms);
                }
                ps.setLong(6, voteId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE vot_event SET event_at = event_at - ? WHERE vote_id = ?")) {
                ps.setLong(1, ms);
                ps.setLong(2, voteId);
                return ps.executeUpdate();
            }
        });
    }

    /** Runs the job vote.clock now (again while a scheduled run holds it). */
    void clock() {
        for (int i = 0; i < 50; i++) {
            Optional<JobStatus> s = jobs.runNow("vote.clock");
            if (s.isEmpty() || !"SKIPPED".equals(String.valueOf(s.get().lastOutcome()))) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Owners of the frozen electorate cast online: {@code turnout} of them, each matter AGREE with {@code agree}, else DISAGREE/ABSTAIN. */
    void cast(long voteId, double turnout, double agree, long seed, Long skipOwner) {
        Random r = new Random(seed);
        SpmPrincipal any = principal("demo-regulator", Role.REGULATOR, DataScope.ALL, "vote:read");
        Vote v = service.get(any, voteId);
        if (v.status() != VoteStatus.OPEN) {
            return;
        }
        int page = 0;
        List<String> keys = new ArrayList<>();
        while (true) {
            Views.ElectorPage p = service.electorate(any, voteId, null, null, PageRequest.of(page++, PageRequest.MAX_SIZE));
            p.items().forEach(e -> keys.add(e.key()));
            if (p.items().size() < PageRequest.MAX_SIZE) {
                break;
            }
        }
        for (String key : keys) {
            if (!key.startsWith("O") || r.nextDouble() >= turnout) {
                continue;
            }
            long ownerId = Long.parseLong(key.substring(1));
            if (skipOwner != null && skipOwner == ownerId) {
                continue;
            }
            List<Views.ChoiceInput> choices = new ArrayList<>();
            for (Vote.Matter m : v.matters()) {
                double x = r.nextDouble();
                choices.add(new Views.ChoiceInput(m.id(), (x < agree ? Choice.AGREE : x < agree + (1 - agree) * 0.7 ? Choice.DISAGREE : Choice.ABSTAIN).name()));
            }
            try {
                service.cast(owner(ownerId), voteId, new Views.BallotInput(choices));
            } catch (RuntimeException e) {
                LOG.warn("Demo ballot of {} in vote {} refused: {}", key, voteId, e.getMessage());
            }
        }
    }

    /** The committee enters the paper ballots of up to {@code n} unsold houses (the developer's), each with a scan. */
    void paper(SpmPrincipal committee, long voteId, int n) {
        SpmPrincipal any = principal("demo-regulator", Role.REGULATOR, DataScope.ALL, "vote:read");
        Vote v = service.get(any, voteId);
        List<Views.Elector> unsold = service.electorate(any, voteId, null, false, PageRequest.of(0, PageRequest.MAX_SIZE)).items().stream()
                .filter(e -> !e.key().startsWith("O")).limit(n).toList();
        for (Views.Elector e : unsold) {
            byte[] scan = ("%PDF-1.4\n% demo paper ballot " + e.key() + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
            String fileId = files.upload(new ByteArrayInputStream(scan), "ballot-" + e.key() + ".pdf", committee.getName()).id();
            List<Views.ChoiceInput> choices = v.matters().stream().map(m -> new Views.ChoiceInput(m.id(), Choice.AGREE.name())).toList();
            try {
                service.castPaper(committee, voteId, new Views.PaperBallotInput(e.key(), choices, List.of(new AttachmentInput("纸质表决票扫描件", fileId))));
            } catch (RuntimeException ex) {
                LOG.warn("Demo paper ballot of {} in vote {} refused: {}", e.key(), voteId, ex.getMessage());
            }
        }
    }

    /** Verifies the one-owner sold houses of the estate that are not verified yet, as their owners would (OWN-2). */
    void verifyOwners(DemoContext context, Estate e) {
        Set<Long> verified = new HashSet<>();
        for (VotingRegister.Title t : estates.votingRegister(e.id()).titles()) {
            verified.add(t.houseId());
        }
        int n = 0;
        for (int page = 0; page < 5 && n < VERIFY_PER_ESTATE && context.running(); page++) {
            List<House> houses = estates.houses(DataScope.ALL, e.id(), new HouseQuery(null, null, HouseStatus.SOLD, null), PageRequest.of(page, 100)).items();
            for (House h : houses) {
                if (n >= VERIFY_PER_ESTATE) {
                    break;
                }
                if (verified.contains(h.id()) || h.owners().size() != 1 || context.owner(h.unitCode()).isEmpty()) {
                    continue;
                }
                if (verify(h.unitCode(), h.owners().get(0).id(), context.actor())) {
                    n++;
                }
            }
            if (houses.size() < 100) {
                break;
            }
        }
    }

    private boolean verify(String unitCode, long ownerId, String actor) {
        try {
            return estates.verifyTitle(DataScope.ALL, unitCode, ownerId, actor).verified();
        } catch (RuntimeException e) {
            LOG.warn("Demo title verification of {} failed: {}", unitCode, e.getMessage());
            return false;
        }
    }
}
