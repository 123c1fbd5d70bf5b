package org.smartproperty.dev.demodata.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;

import javax.imageio.ImageIO;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.complaint.Complaint;
import org.smartproperty.complaint.ComplaintCategory;
import org.smartproperty.complaint.ComplaintChannel;
import org.smartproperty.complaint.ComplaintInput;
import org.smartproperty.complaint.ComplaintQuery;
import org.smartproperty.complaint.ComplaintService;
import org.smartproperty.complaint.Dispatch;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateService;
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

/**
 * The case domains' demo data (issue 11 item 2): complaints, repairs and photo-report patrols in
 * every status, through {@link ComplaintService}, {@link RepairService} and {@link PatrolService}
 * as the demo accounts would make them (their numbering, deadlines, timelines, audit, SMS and
 * in-app notifications). The services take every time from their own clock, which cannot be set
 * back from outside, so the cases are recent (created at seeding time); none is overdue yet.
 * Hotline complaints the regulator registers are spread over every demo estate; the owner's and
 * the committee's cases are in 澳门新街坊, handled by demo-company. Idempotent per domain: nothing
 * is seeded in a domain that already has cases.
 */
final class CaseSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(CaseSeeder.class);
    static final long SEED = 20261204L;

    private final ComplaintService complaints;
    private final RepairService repairs;
    private final PatrolService patrols;
    private final EstateService estates;
    private final FileStore files;
    private final AccountDirectory directory;
    private final BooleanSupplier running;
    private final Random rnd = new Random(SEED);

    CaseSeeder(ComplaintService complaints, RepairService repairs, PatrolService patrols, EstateService estates, FileStore files,
               AccountDirectory directory, BooleanSupplier running) {
        this.complaints = complaints;
        this.repairs = repairs;
        this.patrols = patrols;
        this.estates = estates;
        this.files = files;
        this.directory = directory;
        this.running = running;
    }

    /** The demo account with this name and role as a caller with these permissions, if it exists. */
    private Optional<SpmPrincipal> principal(Role role, String username, DataScope scope, String... permissions) {
        return directory.accountsWithRole(role).stream().filter(a -> a.username().equals(username)).findFirst()
                .map(a -> new SpmPrincipal(a.accountId(), a.username(), Set.of(role), Set.of(permissions), scope, false, "127.0.0.1"));
    }

    /** @return cases created (complaints + repairs + patrol reports) */
    int seed() {
        List<Estate> demo = DemoEstates.list(estates);
        if (demo.isEmpty()) {
            return 0;
        }
        Estate first = demo.get(0);
        DemoAccounts.OwnerHouse ownerHouse = DemoAccounts.demoOwnerHouse(estates, first);
        Optional<SpmPrincipal> regulator = principal(Role.REGULATOR, "demo-regulator", DataScope.ALL,
                "complaint:read", "complaint:register", "complaint:dispatch", "complaint:handle", "repair:read", "patrol:read");
        Optional<SpmPrincipal> owner = ownerHouse == null ? Optional.empty() : principal(Role.OWNER, "demo-owner",
                DataScope.owner(ownerHouse.ownerId()), "complaint:read", "complaint:file", "repair:read", "repair:request",
                "patrol:read", "patrol:report");
        Optional<SpmPrincipal> committee = principal(Role.COMMITTEE, "demo-committee", DataScope.committee(first.id()),
                "complaint:read", "complaint:file", "repair:read", "repair:request", "patrol:read");
        Optional<SpmPrincipal> company = first.companyId() == null ? Optional.empty() : principal(Role.COMPANY, "demo-company",
                DataScope.company(first.companyId()), "complaint:read", "complaint:handle", "repair:read", "repair:handle",
                "patrol:read", "patrol:handle");
        if (regulator.isEmpty() || owner.isEmpty() || committee.isEmpty() || company.isEmpty()) {
            LOG.warn("Demo accounts missing: no demo cases seeded");
            return 0;
        }
        int n = 0;
        if (complaints.list(regulator.get(), ComplaintQuery.all(), PageRequest.of(0, 1)).total() == 0) {
            n += complaints(demo, regulator.get(), owner.get(), committee.get());
        }
        if (repairs.list(regulator.get(), RepairQuery.all(), PageRequest.of(0, 1)).total() == 0) {
            n += repairs(first, ownerHouse.unitCode(), owner.get(), committee.get(), company.get());
        }
        if (patrols.reports(regulator.get(), PatrolQuery.all(), PageRequest.of(0, 1)).total() == 0) {
            n += patrols(first, owner.get(), company.get());
        }
        LOG.info("Demo cases: {} created", n);
        return n;
    }

    // ------------------------------------------------------------------ complaints

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

    private int complaints(List<Estate> demo, SpmPrincipal regulator, SpmPrincipal owner, SpmPrincipal committee) {
        int n = 0;
        int k = 0;
        for (int round = 0; round < 3; round++) {
            for (Estate e : demo) {
                if (!running.getAsBoolean()) {
                    return n;
                }
                String[] text = COMPLAINT_TEXTS[rnd.nextInt(COMPLAINT_TEXTS.length)];
                ComplaintCategory category = text[0].contains("咨询") ? ComplaintCategory.ENQUIRY
                        : rnd.nextInt(5) == 0 ? ComplaintCategory.REPORT : ComplaintCategory.COMPLAINT;
                ComplaintChannel channel = rnd.nextBoolean() ? ComplaintChannel.HOTLINE_12345 : ComplaintChannel.PHONE;
                try {
                    Complaint c = complaints.create(regulator, new ComplaintInput(channel, category, e.id(), e.companyId(),
                            "来电人" + (char) ('甲' + rnd.nextInt(10)), "1" + (35 + rnd.nextInt(5)) + String.format("%08d", rnd.nextInt(100_000_000)),
                            text[0], e.name() + "：" + text[1], List.of()));
                    n++;
                    move(c, COMPLAINT_PATH[k++ % COMPLAINT_PATH.length], regulator, regulator);
                } catch (RuntimeException ex) {
                    LOG.warn("Demo complaint in {} not seeded: {}", e.name(), ex.toString());
                }
            }
        }
        // filed online by the demo owner and the demo committee, about 澳门新街坊
        Estate first = demo.get(0);
        String[] ownPath = {"REGISTERED", "DISPATCHED", "IN_PROGRESS", "RESOLVED", "CLOSED", "REOPENED"};
        for (int i = 0; i < ownPath.length && running.getAsBoolean(); i++) {
            SpmPrincipal filer = i % 2 == 0 ? owner : committee;
            String[] text = COMPLAINT_TEXTS[(i + 3) % COMPLAINT_TEXTS.length];
            try {
                Complaint c = complaints.create(filer, new ComplaintInput(ComplaintChannel.PORTAL, ComplaintCategory.COMPLAINT, first.id(),
                        first.companyId(), null, null, text[0], text[1], List.of()));
                n++;
                move(c, ownPath[i], regulator, filer);
            } catch (RuntimeException ex) {
                LOG.warn("Demo complaint of {} not seeded: {}", filer.username(), ex.toString());
            }
        }
        return n;
    }

    /** Brings a new complaint to {@code target} the way the regulator (and for REOPENED the complainant) would. */
    private void move(Complaint c, String target, SpmPrincipal regulator, SpmPrincipal complainant) {
        if (target.equals("REGISTERED")) {
            return;
        }
        if (target.equals("REJECTED")) {
            complaints.reject(regulator, c.id(), c.version(), "经核实不属于物业管理范畴，已告知来电人向相关部门反映");
            return;
        }
        boolean forward = c.companyId() != null && rnd.nextBoolean();
        c = complaints.dispatch(regulator, c.id(), c.version(), forward ? new Dispatch(null, true, "转物业服务企业处理")
                : new Dispatch(officer(), null, "请跟进处理"));
        if (target.equals("DISPATCHED")) {
            return;
        }
        c = complaints.accept(regulator, c.id(), c.version(), "已受理");
        if (target.equals("IN_PROGRESS")) {
            return;
        }
        if (target.equals("WAITING")) {
            try {
                complaints.waitForComplainant(regulator, c.id(), c.version(), "待来电人补充现场照片");
            } catch (RuntimeException ex) {
                LOG.debug("Demo complaint {} stays in progress: {}", c.number(), ex.toString());
            }
            return;
        }
        c = complaints.resolve(regulator, c.id(), c.version(), "已督促物业服务企业整改完毕，并回访确认");
        if (target.equals("RESOLVED")) {
            return;
        }
        if (target.equals("REOPENED")) {
            complaints.reopen(complainant, c.id(), c.version(), "问题仍未解决，再次反映");
            return;
        }
        complaints.close(complainant, c.id(), c.version(), "满意");
    }

    /** An officer's account id, or null (then the complaint is forwarded to the company). */
    private Long officer() {
        return directory.accountsWithRole(Role.OFFICER).stream().findFirst().map(AccountDirectory.Contact::accountId).orElse(null);
    }

    // ------------------------------------------------------------------ repairs

    private static final String[] REPAIR_TEXTS = {"厨房水管漏水", "卫生间下水道堵塞", "入户门锁损坏", "客厅墙面渗水", "楼道灯不亮",
        "电梯按钮失灵", "外墙瓷砖脱落", "消防栓箱门损坏"};
    private static final String[] REPAIR_PATH = {"REQUESTED", "ACCEPTED", "SCHEDULED", "COMPLETED", "CONFIRMED", "REOPENED", "REJECTED",
        "REQUESTED", "SCHEDULED", "CONFIRMED", "COMPLETED", "ACCEPTED"};

    private int repairs(Estate first, String unitCode, SpmPrincipal owner, SpmPrincipal committee, SpmPrincipal company) {
        int n = 0;
        for (int i = 0; i < REPAIR_PATH.length && running.getAsBoolean(); i++) {
            boolean byOwner = i % 3 != 2;
            SpmPrincipal requester = byOwner ? owner : committee;
            boolean own = byOwner && i % 2 == 0;
            String text = REPAIR_TEXTS[i % REPAIR_TEXTS.length];
            RepairCategory category = i % 5 == 4 ? RepairCategory.EMERGENCY : i % 7 == 6 ? RepairCategory.MAJOR : RepairCategory.NORMAL;
            try {
                Repair r = repairs.create(requester, new RepairInput(own ? unitCode : null, own ? null : first.id(),
                        own ? null : "T" + (1 + i % 27) + "座大堂", category, text + "，请尽快安排维修。", null,
                        i % 4 == 0 ? List.of(photo(requester.username(), "报修照片")) : List.of()));
                n++;
                moveRepair(r, REPAIR_PATH[i], requester, company, i);
            } catch (RuntimeException ex) {
                LOG.warn("Demo repair not seeded: {}", ex.toString());
            }
        }
        return n;
    }

    private void moveRepair(Repair r, String target, SpmPrincipal requester, SpmPrincipal company, int i) {
        if (target.equals("REQUESTED")) {
            return;
        }
        if (target.equals("REJECTED")) {
            repairs.reject(company, r.id(), r.version(), "属于业主自用部分装修问题，不在物业维修范围");
            return;
        }
        r = repairs.accept(company, r.id(), r.version(), "已派维修师傅");
        if (target.equals("ACCEPTED")) {
            return;
        }
        r = repairs.schedule(company, r.id(), r.version(), Instant.now().plus(Duration.ofHours(20 + 7L * i)), "约定上门时间");
        if (target.equals("SCHEDULED")) {
            return;
        }
        r = repairs.complete(company, r.id(), r.version(), new RepairCompletion("已更换损坏部件并测试正常",
                List.of(photo(company.username(), "维修完成"))));
        if (target.equals("COMPLETED")) {
            return;
        }
        if (target.equals("REOPENED")) {
            repairs.reopen(requester, r.id(), r.version(), "维修后问题再次出现");
            return;
        }
        repairs.confirm(requester, r.id(), r.version(), "维修及时，满意");
    }

    // ------------------------------------------------------------------ patrols

    private static final String[] PATROL_TEXTS = {"小区门口井盖松动", "T3座消防通道被电动车占用", "儿童游乐设施螺丝脱落", "景观水池水质发黑",
        "地下车库照明损坏", "垃圾分类点满溢", "绿化带枯树有倒伏风险", "外墙广告牌松动", "健身器材损坏"};

    private int patrols(Estate first, SpmPrincipal owner, SpmPrincipal company) {
        List<PhotoReport> reports = new ArrayList<>();
        for (int i = 0; i < PATROL_TEXTS.length && running.getAsBoolean(); i++) {
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
        // tasks: two open, two inspected, three closed; the last two reports stay unhandled
        String[] path = {"OPEN", "INSPECTED", "CLOSED", "OPEN", "INSPECTED", "CLOSED", "CLOSED"};
        for (int i = 0; i < path.length && i < reports.size() && running.getAsBoolean(); i++) {
            try {
                PatrolTask t = patrols.createTask(company, new PatrolTaskInput(List.of(reports.get(i).id()), null,
                        i % 2 == 0 ? Instant.now().plus(Duration.ofHours(20)) : null)); // near its due date, or the time limit
                if (!path[i].equals("OPEN")) {
                    t = patrols.inspect(company, t.id(), t.version(), new PatrolResult("现场核实属实，已安排整改",
                            List.of(photo(company.username(), "现场核查"))));
                }
                if (path[i].equals("CLOSED")) {
                    patrols.close(company, t.id(), t.version(), new PatrolResult("已整改完毕", List.of(photo(company.username(), "整改后"))));
                }
            } catch (RuntimeException ex) {
                LOG.warn("Demo patrol task not seeded: {}", ex.toString());
            }
        }
        return reports.size();
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
