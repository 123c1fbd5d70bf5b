package org.smartproperty.complaint.demo;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.complaint.Complaint;
import org.smartproperty.complaint.ComplaintCategory;
import org.smartproperty.complaint.ComplaintChannel;
import org.smartproperty.complaint.ComplaintInput;
import org.smartproperty.complaint.ComplaintQuery;
import org.smartproperty.complaint.ComplaintService;
import org.smartproperty.complaint.ComplaintStatus;
import org.smartproperty.complaint.Dispatch;
import org.smartproperty.deadline.Deadline;
import org.smartproperty.deadline.DeadlineState;
import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.dev.demodata.DemoCallers;
import org.smartproperty.dev.demodata.DemoContext;
import org.smartproperty.dev.demodata.DemoHistory;
import org.smartproperty.dev.demodata.DemoSeeder;
import org.smartproperty.estate.Estate;
import org.smartproperty.platform.Jdbc;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * The complaint domain's demo data (issue 11 item 2): hotline complaints the regulator registers, three per demo
 * estate, and six filed online by demo-owner and demo-committee about 澳门新街坊, each brought through the workflow
 * to a status in turn (every status occurs), through {@link ComplaintService} as the demo accounts (rules, numbers
 * TS-yyyy-nnnnnn, deadlines, SMS, notices, audit). Then about a year of history ({@link DemoHistory}): each complaint,
 * its timeline and its deadline move back in one transaction, the finished ones over the year, the open ones from
 * hours to weeks (some near their deadline, some past it). Deterministic (fixed random seed, fixed order) and
 * idempotent: nothing is seeded when the regulator sees any complaint.
 */
@Component(service = DemoSeeder.class)
public class ComplaintDemoSeeder implements DemoSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(ComplaintDemoSeeder.class);
    static final long SEED = 20261204L;

    @Reference
    ComplaintService complaints;
    @Reference
    AccountDirectory directory;
    @Reference
    DeadlineTracker deadlines;
    @Reference(target = "(osgi.jndi.service.name=spm)")
    DataSource dataSource;

    private Random rnd;

    @Override
    public String name() {
        return "complaint";
    }

    /** As the demo accounts, about the companies of the registry. */
    @Override
    public Set<String> after() {
        return Set.of(ESTATES, ACCOUNTS, "company");
    }

    @Override
    public void seed(DemoContext context) {
        seedComplaints(context);
    }

    /** @return complaints created by this run */
    int seedComplaints(DemoContext context) {
        rnd = new Random(SEED);
        List<Estate> demo = context.estates();
        Optional<DemoContext.OwnerHouse> ownerHouse = context.demoOwnerHouse();
        if (demo.isEmpty() || ownerHouse.isEmpty()) {
            return 0;
        }
        Estate first = demo.get(0);
        Optional<SpmPrincipal> regulator = DemoCallers.as(directory, Role.REGULATOR, "demo-regulator", DataScope.ALL,
                "complaint:read", "complaint:register", "complaint:dispatch", "complaint:handle");
        Optional<SpmPrincipal> owner = DemoCallers.as(directory, Role.OWNER, "demo-owner", DataScope.owner(ownerHouse.get().ownerId()),
                "complaint:read", "complaint:file");
        Optional<SpmPrincipal> committee = DemoCallers.as(directory, Role.COMMITTEE, "demo-committee", DataScope.committee(first.id()),
                "complaint:read", "complaint:file");
        if (regulator.isEmpty() || owner.isEmpty() || committee.isEmpty()) {
            LOG.warn("Demo accounts missing: no demo complaints seeded");
            return 0;
        }
        if (complaints.list(regulator.get(), ComplaintQuery.all(), PageRequest.of(0, 1)).total() > 0) {
            return 0;
        }
        List<Complaint> made = complaints(context, demo, regulator.get(), owner.get(), committee.get());
        backdate(made, context.clock().instant());
        LOG.info("Demo complaints: {} created", made.size());
        return made.size();
    }

    private static final String[][] COMPLAINT_TEXTS = {
        {"电梯经常停运", "小区电梯近一周多次停运，老人上下楼困难，请物业尽快维修。"},
        {"夜间施工噪音扰民", "隔壁工地晚上十一点后仍在施工，严重影响休息。"},
        {"物业费收费标准咨询", "想了解本小区物业费的收费标准及公示情况。"},
        {"地下车库积水", "下雨后地下车库积水严重，车辆无法进出。"},
        {"垃圾清运不及时", "垃圾桶满溢多日未清运，异味严重。"},
        {"公共区域违规占用", "有住户在消防通道堆放杂物，存在安全隐患。"},
        {"门禁系统故障", "小区门禁卡失灵，访客登记混乱。"},
        {"绿化带被毁", "楼下绿化带被改成菜地，请物业处理。"}};

    /** The status each complaint is brought to, in turn. */
    private static final String[] COMPLAINT_PATH = {"REGISTERED", "DISPATCHED", "IN_PROGRESS", "WAITING", "RESOLVED", "CLOSED", "REJECTED",
        "IN_PROGRESS", "RESOLVED", "CLOSED"};

    private List<Complaint> complaints(DemoContext context, List<Estate> demo, SpmPrincipal regulator, SpmPrincipal owner,
                                       SpmPrincipal committee) {
        List<Complaint> made = new ArrayList<>();
        int k = 0;
        for (int round = 0; round < 3; round++) {
            for (Estate e : demo) {
                if (!context.running()) {
                    return made;
                }
                String[] text = COMPLAINT_TEXTS[rnd.nextInt(COMPLAINT_TEXTS.length)];
                ComplaintCategory category = text[0].contains("咨询") ? ComplaintCategory.ENQUIRY
                        : rnd.nextInt(5) == 0 ? ComplaintCategory.REPORT : ComplaintCategory.COMPLAINT;
                ComplaintChannel channel = rnd.nextBoolean() ? ComplaintChannel.HOTLINE_12345 : ComplaintChannel.PHONE;
                try {
                    Complaint c = complaints.create(regulator, new ComplaintInput(channel, category, e.id(), e.companyId(),
                            "来电人" + (char) ('甲' + rnd.nextInt(10)), "1" + (35 + rnd.nextInt(5)) + String.format("%08d", rnd.nextInt(100_000_000)),
                            text[0], e.name() + "：" + text[1], List.of()));
                    made.add(move(c, COMPLAINT_PATH[k++ % COMPLAINT_PATH.length], regulator, regulator));
                } catch (RuntimeException ex) {
                    LOG.warn("Demo complaint in {} not seeded: {}", e.name(), ex.toString());
                }
            }
        }
        // filed online by the demo owner and the demo committee, about 澳门新街坊
        Estate first = demo.get(0);
        String[] ownPath = {"REGISTERED", "DISPATCHED", "IN_PROGRESS", "RESOLVED", "CLOSED", "REOPENED"};
        for (int i = 0; i < ownPath.length && context.running(); i++) {
            SpmPrincipal filer = i % 2 == 0 ? owner : committee;
            String[] text = COMPLAINT_TEXTS[(i + 3) % COMPLAINT_TEXTS.length];
            try {
                Complaint c = complaints.create(filer, new ComplaintInput(ComplaintChannel.PORTAL, ComplaintCategory.COMPLAINT, first.id(),
                        first.companyId(), null, null, text[0], text[1], List.of()));
                made.add(move(c, ownPath[i], regulator, filer));
            } catch (RuntimeException ex) {
                LOG.warn("Demo complaint of {} not seeded: {}", filer.username(), ex.toString());
            }
        }
        return made;
    }

    /** Brings a new complaint to {@code target} the way the regulator (and for REOPENED the complainant) would. @return it as it ends */
    private Complaint move(Complaint c, String target, SpmPrincipal regulator, SpmPrincipal complainant) {
        if (target.equals("REGISTERED")) {
            return c;
        }
        if (target.equals("REJECTED")) {
            return complaints.reject(regulator, c.id(), c.version(), "经核实不属于物业管理范畴，已告知来电人向相关部门反映");
        }
        boolean forward = c.companyId() != null && rnd.nextBoolean();
        c = complaints.dispatch(regulator, c.id(), c.version(), forward ? new Dispatch(null, true, "转物业服务企业处理")
                : new Dispatch(officer(), null, "请跟进处理"));
        if (target.equals("DISPATCHED")) {
            return c;
        }
        c = complaints.accept(regulator, c.id(), c.version(), "已受理");
        if (target.equals("IN_PROGRESS")) {
            return c;
        }
        if (target.equals("WAITING")) {
            try {
                return complaints.waitForComplainant(regulator, c.id(), c.version(), "待来电人补充现场照片");
            } catch (RuntimeException ex) {
                LOG.debug("Demo complaint {} stays in progress: {}", c.number(), ex.toString());
                return c;
            }
        }
        c = complaints.resolve(regulator, c.id(), c.version(), "已督促物业服务企业整改完毕，并回访确认");
        if (target.equals("RESOLVED")) {
            return c;
        }
        if (target.equals("REOPENED")) {
            return complaints.reopen(complainant, c.id(), c.version(), "问题仍未解决，再次反映");
        }
        return complaints.close(complainant, c.id(), c.version(), "满意");
    }

    /** An officer's account id, or null (then the complaint is forwarded to the company). */
    private Long officer() {
        return directory.accountsWithRole(Role.OFFICER).stream().findFirst().map(AccountDirectory.Contact::accountId).orElse(null);
    }

    static DemoHistory.Phase phase(ComplaintStatus s) {
        return switch (s) {
            case CLOSED, REJECTED -> DemoHistory.Phase.FINISHED;
            case RESOLVED -> DemoHistory.Phase.AWAITING;
            default -> DemoHistory.Phase.OPEN;
        };
    }

    /**
     * Moves each complaint, its timeline and its deadline back by its age ({@link DemoHistory#ages}, the open ones by
     * shares of their deadline's span), in one transaction on the complaint domain's tables.
     */
    private void backdate(List<Complaint> made, java.time.Instant now) {
        try {
            Jdbc.transaction(dataSource, c -> {
                List<Duration> spans = new ArrayList<>();
                for (Complaint m : made) {
                    spans.add(deadlines.find(c, "complaint", m.id()).map(d -> Duration.between(d.startedAt(), d.dueAt())).orElse(null));
                }
                List<DemoHistory.Phase> phases = made.stream().map(m -> phase(m.status())).toList();
                List<Duration> ages = DemoHistory.ages(phases, spans);
                List<Boolean> near = DemoHistory.near(phases);
                for (int i = 0; i < made.size(); i++) {
                    long id = made.get(i).id();
                    Duration age = ages.get(i);
                    if (spans.get(i) != null) {
                        Deadline d = deadlines.backdate(c, "complaint", id, age);
                        // meant to be near its deadline: further back in small steps until the warning point has passed
                        for (int k = 0; near.get(i) && k < 2000 && d.state() == DeadlineState.RUNNING && d.warnAt().isAfter(now); k++) {
                            d = deadlines.backdate(c, "complaint", id, DemoHistory.NEAR_STEP);
                            age = age.plus(DemoHistory.NEAR_STEP);
                        }
                    }
                    DemoHistory.shift(c, "cpl_complaint", "id", "id", id, age, "registered_at", "status_changed_at", "created_at", "updated_at");
                    DemoHistory.shift(c, "cpl_event", "id", "complaint_id", id, age, "event_at");
                }
                return null;
            });
        } catch (SQLException e) {
            throw Jdbc.translate(e);
        }
    }
}
