package org.smartproperty.service.demo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.FileStore;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.service.PatrolQuery;
import org.smartproperty.service.PatrolResult;
import org.smartproperty.service.PatrolService;
import org.smartproperty.service.PatrolStatus;
import org.smartproperty.service.PatrolTask;
import org.smartproperty.service.PatrolTaskInput;
import org.smartproperty.service.PhotoReport;
import org.smartproperty.service.PhotoReportInput;
import org.smartproperty.service.Repair;
import org.smartproperty.service.RepairCategory;
import org.smartproperty.service.RepairCompletion;
import org.smartproperty.service.RepairInput;
import org.smartproperty.service.RepairQuery;
import org.smartproperty.service.RepairService;
import org.smartproperty.service.RepairStatus;

/**
 * The service domain's demo data (issue 11 item 2): repairs requested by demo-owner (own house and common areas)
 * and demo-committee in 澳门新街坊 and handled by demo-company, each brought to a status in turn (every status
 * occurs); photo reports by demo-owner, most of them made into patrol tasks that are open, inspected or closed.
 * Everything goes through {@link RepairService} and {@link PatrolService} as the demo accounts (rules, numbers,
 * deadlines, SMS, notices, audit, photos in the file store). Then about a year of history ({@link DemoHistory}):
 * each repair and task, its timeline, its reports and its deadline move back in one transaction. Deterministic
 * (fixed random seed, fixed order); idempotent per kind: nothing is seeded in a kind the regulator sees any of.
 */
@Component(service = DemoSeeder.class)
public class ServiceDemoSeeder implements DemoSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceDemoSeeder.class);
    static final long SEED = 20261205L;

    @Reference
    RepairService repairs;
    @Reference
    PatrolService patrols;
    @Reference
    FileStore files;
    @Reference
    AccountDirectory directory;
    @Reference
    DeadlineTracker deadlines;
    @Reference(target = "(osgi.jndi.service.name=spm)")
    DataSource dataSource;

    private Random rnd;

    @Override
    public String name() {
        return "service";
    }

    /** As the demo accounts; demo-company handles the first estate's cases. */
    @Override
    public Set<String> after() {
        return Set.of(ESTATES, ACCOUNTS, "company");
    }

    @Override
    public void seed(DemoContext context) {
        seedCases(context);
    }

    /** @return repairs and photo reports created by this run */
    int seedCases(DemoContext context) {
        rnd = new Random(SEED);
        List<Estate> demo = context.estates();
        Optional<DemoContext.OwnerHouse> ownerHouse = context.demoOwnerHouse();
        if (demo.isEmpty() || ownerHouse.isEmpty()) {
            return 0;
        }
        Estate first = demo.get(0);
        Optional<SpmPrincipal> regulator = DemoCallers.as(directory, Role.REGULATOR, "demo-regulator", DataScope.ALL, "repair:read", "patrol:read");
        Optional<SpmPrincipal> owner = DemoCallers.as(directory, Role.OWNER, "demo-owner", DataScope.owner(ownerHouse.get().ownerId()),
                "repair:read", "repair:request", "patrol:read", "patrol:report");
        Optional<SpmPrincipal> committee = DemoCallers.as(directory, Role.COMMITTEE, "demo-committee", DataScope.committee(first.id()),
                "repair:read", "repair:request", "patrol:read");
        Optional<SpmPrincipal> company = first.companyId() == null ? Optional.empty() : DemoCallers.as(directory, Role.COMPANY, "demo-company",
                DataScope.company(first.companyId()), "repair:read", "repair:handle", "patrol:read", "patrol:handle");
        if (regulator.isEmpty() || owner.isEmpty() || committee.isEmpty() || company.isEmpty()) {
            LOG.warn("Demo accounts missing: no demo repairs or patrols seeded");
            return 0;
        }
        int n = 0;
        if (repairs.list(regulator.get(), RepairQuery.all(), PageRequest.of(0, 1)).total() == 0) {
            List<Repair> made = repairs(context, first, ownerHouse.get().unitCode(), owner.get(), committee.get(), company.get());
            backdateRepairs(made, context.clock().instant());
            n += made.size();
        }
        if (patrols.reports(regulator.get(), PatrolQuery.all(), PageRequest.of(0, 1)).total() == 0) {
            n += patrols(context, first, owner.get(), company.get());
        }
        LOG.info("Demo repairs and photo reports: {} created", n);
        return n;
    }

    // ------------------------------------------------------------------ repairs

    private static final String[] REPAIR_TEXTS = {"厨房水管漏水", "卫生间下水道堵塞", "入户门锁损坏", "客厅墙面渗水", "楼道灯不亮",
        "电梯按钮失灵", "外墙瓷砖脱落", "消防栓箱门损坏"};
    private static final String[] REPAIR_PATH = {"REQUESTED", "ACCEPTED", "SCHEDULED", "COMPLETED", "CONFIRMED", "REOPENED", "REJECTED",
        "REQUESTED", "SCHEDULED", "CONFIRMED", "COMPLETED", "ACCEPTED", "CONFIRMED", "REJECTED", "CONFIRMED", "REQUESTED"};

    private List<Repair> repairs(DemoContext context, Estate first, String unitCode, SpmPrincipal owner, SpmPrincipal committee,
                                 SpmPrincipal company) {
        List<Repair> made = new ArrayList<>();
        for (int i = 0; i < REPAIR_PATH.length && context.running(); i++) {
            boolean byOwner = i % 3 != 2;
            SpmPrincipal requester = byOwner ? owner : committee;
            boolean own = byOwner && i % 2 == 0;
            String text = REPAIR_TEXTS[i % REPAIR_TEXTS.length];
            RepairCategory category = i % 5 == 4 ? RepairCategory.EMERGENCY : i % 7 == 6 ? RepairCategory.MAJOR : RepairCategory.NORMAL;
            try {
                Repair r = repairs.create(requester, new RepairInput(own ? unitCode : null, own ? null : first.id(),
                        own ? null : "T" + (1 + i % 27) + "座大堂", category, text + "，请尽快安排维修。", null,
                        i % 4 == 0 ? List.of(photo(requester.username(), "报修照片")) : List.of()));
                made.add(moveRepair(r, REPAIR_PATH[i], requester, company, i));
            } catch (RuntimeException ex) {
                LOG.warn("Demo repair not seeded: {}", ex.toString());
            }
        }
        return made;
    }

    private Repair moveRepair(Repair r, String target, SpmPrincipal requester, SpmPrincipal company, int i) {
        if (target.equals("REQUESTED")) {
            return r;
        }
        if (target.equals("REJECTED")) {
            return repairs.reject(company, r.id(), r.version(), "属于业主自用部分装修问题，不在物业维修范围");
        }
        r = repairs.accept(company, r.id(), r.version(), "已派维修师傅");
        if (target.equals("ACCEPTED")) {
            return r;
        }
        r = repairs.schedule(company, r.id(), r.version(), Instant.now().plus(Duration.ofHours(20 + 7L * i)), "约定上门时间");
        if (target.equals("SCHEDULED")) {
            return r;
        }
        r = repairs.complete(company, r.id(), r.version(), new RepairCompletion("已更换损坏部件并测试正常",
                List.of(photo(company.username(), "维修完成"))));
        if (target.equals("COMPLETED")) {
            return r;
        }
        if (target.equals("REOPENED")) {
            return repairs.reopen(requester, r.id(), r.version(), "维修后问题再次出现");
        }
        return repairs.confirm(requester, r.id(), r.version(), "维修及时，满意");
    }

    static DemoHistory.Phase phase(RepairStatus s) {
        return switch (s) {
            case CONFIRMED, REJECTED -> DemoHistory.Phase.FINISHED;
            case COMPLETED -> DemoHistory.Phase.AWAITING;
            default -> DemoHistory.Phase.OPEN;
        };
    }

    static DemoHistory.Phase phase(PatrolStatus s) {
        return s == PatrolStatus.CLOSED ? DemoHistory.Phase.FINISHED : DemoHistory.Phase.OPEN;
    }

    private void backdateRepairs(List<Repair> made, Instant now) {
        inTransaction(c -> {
            List<DemoHistory.Phase> phases = made.stream().map(r -> phase(r.status())).toList();
            List<Duration> spans = spans(c, "repair", made.stream().map(Repair::id).toList());
            List<Duration> ages = DemoHistory.ages(phases, spans);
            List<Boolean> near = DemoHistory.near(phases);
            for (int i = 0; i < made.size(); i++) {
                long id = made.get(i).id();
                Duration age = spans.get(i) == null ? ages.get(i) : backdateDeadline(c, "repair", id, ages.get(i), near.get(i), now);
                DemoHistory.shift(c, "svc_repair", "id", "id", id, age, "appointment_at", "requested_at", "status_changed_at",
                        "created_at", "updated_at");
                DemoHistory.shift(c, "svc_repair_event", "id", "repair_id", id, age, "event_at");
            }
        });
    }

    // ------------------------------------------------------------------ patrols

    private static final String[] PATROL_TEXTS = {"小区门口井盖松动", "T3座消防通道被电动车占用", "儿童游乐设施螺丝脱落", "景观水池水质发黑",
        "地下车库照明损坏", "垃圾分类点满溢", "绿化带枯树有倒伏风险", "外墙广告牌松动", "健身器材损坏", "电动车违规充电",
        "楼顶防水层破损", "单元门闭门器损坏", "地库出入口道闸故障", "宠物粪便无人清理"};

    private int patrols(DemoContext context, Estate first, SpmPrincipal owner, SpmPrincipal company) {
        List<PhotoReport> reports = new ArrayList<>();
        for (int i = 0; i < PATROL_TEXTS.length && context.running(); i++) {
            try {
                double lat = first.location().latitude() + (rnd.nextDouble() - 0.5) * 0.002;
                double lon = first.location().longitude() + (rnd.nextDouble() - 0.5) * 0.002;
                reports.add(patrols.report(owner, new PhotoReportInput(first.id(), BigDecimal.valueOf(lat).setScale(6, RoundingMode.HALF_UP),
                        BigDecimal.valueOf(lon).setScale(6, RoundingMode.HALF_UP), "澳门新街坊 T" + (1 + i * 3) + "座附近", PATROL_TEXTS[i],
                        List.of(photo(owner.username(), "随手拍")))));
            } catch (RuntimeException ex) {
                LOG.warn("Demo photo report not seeded: {}", ex.toString());
            }
        }
        // tasks: open, inspected and closed; the last two reports stay unhandled
        String[] path = {"OPEN", "INSPECTED", "CLOSED", "OPEN", "INSPECTED", "CLOSED", "CLOSED", "OPEN", "CLOSED", "CLOSED", "INSPECTED", "OPEN"};
        List<PatrolTask> tasks = new ArrayList<>();
        for (int i = 0; i < path.length && i < reports.size() && context.running(); i++) {
            try {
                PatrolTask t = patrols.createTask(company, new PatrolTaskInput(List.of(reports.get(i).id()), null,
                        i % 2 == 0 ? Instant.now().plus(Duration.ofHours(20)) : null)); // a due time of its own, or the time limit
                if (!path[i].equals("OPEN")) {
                    t = patrols.inspect(company, t.id(), t.version(), new PatrolResult("现场核实属实，已安排整改",
                            List.of(photo(company.username(), "现场核查"))));
                }
                if (path[i].equals("CLOSED")) {
                    t = patrols.close(company, t.id(), t.version(), new PatrolResult("已整改完毕", List.of(photo(company.username(), "整改后"))));
                }
                tasks.add(t);
            } catch (RuntimeException ex) {
                LOG.warn("Demo patrol task not seeded: {}", ex.toString());
            }
        }
        backdatePatrols(reports, tasks, context.clock().instant());
        return reports.size();
    }

    /** Tasks by their phase; each task's reports two hours before it; the reports left unhandled a few hours to a day old. */
    private void backdatePatrols(List<PhotoReport> reports, List<PatrolTask> tasks, Instant now) {
        inTransaction(c -> {
            List<DemoHistory.Phase> phases = tasks.stream().map(t -> phase(t.status())).toList();
            List<Duration> spans = spans(c, "patrol", tasks.stream().map(PatrolTask::id).toList());
            List<Duration> ages = DemoHistory.ages(phases, spans);
            List<Boolean> near = DemoHistory.near(phases);
            for (int i = 0; i < tasks.size(); i++) {
                long id = tasks.get(i).id();
                Duration age = spans.get(i) == null ? ages.get(i) : backdateDeadline(c, "patrol", id, ages.get(i), near.get(i), now);
                DemoHistory.shift(c, "svc_patrol_task", "id", "id", id, age, "due_at", "status_changed_at", "created_at", "updated_at");
                DemoHistory.shift(c, "svc_patrol_event", "id", "task_id", id, age, "event_at");
                DemoHistory.shift(c, "svc_photo_report", "id", "task_id", id, age.plusHours(2), "reported_at", "created_at", "updated_at");
            }
            for (int i = tasks.size(), k = 0; i < reports.size(); i++, k++) {
                DemoHistory.shift(c, "svc_photo_report", "id", "id", reports.get(i).id(), Duration.ofHours(3 + 21L * k),
                        "reported_at", "created_at", "updated_at");
            }
        });
    }

    /** The span of each item's deadline (due minus start), or null. */
    private List<Duration> spans(Connection c, String domain, List<Long> ids) {
        List<Duration> spans = new ArrayList<>();
        for (long id : ids) {
            spans.add(deadlines.find(c, domain, id).map(d -> Duration.between(d.startedAt(), d.dueAt())).orElse(null));
        }
        return spans;
    }

    /**
     * Moves the item's deadline back by {@code age}; one meant to be near its deadline further, in small steps, until
     * its warning point has passed. @return how far the item moved in all
     */
    private Duration backdateDeadline(Connection c, String domain, long id, Duration age, boolean near, Instant now) {
        Deadline d = deadlines.backdate(c, domain, id, age);
        Duration moved = age;
        for (int k = 0; near && k < 2000 && d.state() == DeadlineState.RUNNING && d.warnAt().isAfter(now); k++) {
            d = deadlines.backdate(c, domain, id, DemoHistory.NEAR_STEP);
            moved = moved.plus(DemoHistory.NEAR_STEP);
        }
        return moved;
    }

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private void inTransaction(Work work) {
        try {
            Jdbc.transaction(dataSource, c -> {
                work.run(c);
                return null;
            });
        } catch (SQLException e) {
            throw Jdbc.translate(e);
        }
    }

    /** A small PNG photo uploaded by {@code uploader} (the services attach only the caller's own uploads). */
    private AttachmentInput photo(String uploader, String title) {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        int colour = rnd.nextInt(0xffffff);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                img.setRGB(x, y, colour ^ (x * y));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AttachmentInput(title, files.upload(new ByteArrayInputStream(out.toByteArray()), "photo.png", uploader).id());
    }
}
