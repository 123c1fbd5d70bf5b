package org.smartproperty.service.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import javax.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smartproperty.deadline.internal.DeadlineEngine;
import org.smartproperty.platform.security.internal.AuditTrailImpl;
import org.smartproperty.estate.internal.EstateServiceImpl;
import org.smartproperty.platform.testsupport.MutableClock;
import org.smartproperty.deadline.Deadline;
import org.smartproperty.deadline.DeadlineState;
import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.estate.Building;
import org.smartproperty.estate.BuildingInput;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateInput;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.GeoPoint;
import org.smartproperty.estate.House;
import org.smartproperty.estate.HouseInput;
import org.smartproperty.estate.HouseUse;
import org.smartproperty.estate.IdDocuments;
import org.smartproperty.estate.IdType;
import org.smartproperty.estate.OwnerInput;
import org.smartproperty.notification.internal.NotificationsImpl;
import org.smartproperty.notification.internal.SmsOutboxImpl;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.FileAccessPolicy;
import org.smartproperty.platform.files.internal.FileStoreImpl;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.security.internal.SecurityServiceImpl;
import org.smartproperty.platform.testsupport.TestDatabase;
import org.smartproperty.service.PatrolEvent;
import org.smartproperty.service.PatrolQuery;
import org.smartproperty.service.PatrolResult;
import org.smartproperty.service.PatrolStatus;
import org.smartproperty.service.PatrolTask;
import org.smartproperty.service.PatrolTaskInput;
import org.smartproperty.service.PhotoReport;
import org.smartproperty.service.PhotoReportInput;
import org.smartproperty.service.PhotoReportStatus;
import org.smartproperty.service.PublicPatrol;
import org.smartproperty.service.Repair;
import org.smartproperty.service.RepairCategory;
import org.smartproperty.service.RepairCompletion;
import org.smartproperty.service.RepairEvent;
import org.smartproperty.service.RepairInput;
import org.smartproperty.service.RepairQuery;
import org.smartproperty.service.RepairStatus;

/**
 * Repairs (SVC-REP-1..2, OWN-4, COS-6, OCS-7) and patrols from photo reports (SVC-PAT-1..2,
 * COS-5), as one contract run on PostgreSQL and on H2, with the real estate, deadline (SLA-2/SLA-4), notification (SMS outbox,
 * in-app), security (accounts, role permissions of sec_role_permission, hash-chained audit) and
 * file store implementations over one schema, and a clock the test moves (reopen window,
 * auto-confirm).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServiceWorkflowsContract {

    static {
        // issue 10 item 1: the service bundle's own message kinds, as its contribution registers them in Karaf
        org.smartproperty.notification.MessageKinds.register(org.smartproperty.platform.contrib.Contribution.load(
                "org.smartproperty.service.impl", ServiceWorkflowsContract.class, "/META-INF/spm/service.contributions.properties"));
    }

    /** The database of the subclass (PostgreSQL, or H2 for the embedded default). */
    abstract TestDatabase db();

    /** Tuesday 2026-12-01 10:00 in Zhuhai: a working day. */
    static final Instant START = Instant.parse("2026-12-01T02:00:00Z");
    static final long COMPANY_A = 7001;
    static final long COMPANY_B = 7002;

    final MutableClock clock = new MutableClock(START);
    RepairServiceImpl repairs;
    PatrolServiceImpl patrols;
    DeadlineTracker deadlines;
    SecurityServiceImpl security;
    EstateService estates;
    FileStoreImpl files;
    AuditTrail audit;
    EntityManagerFactory estateUnit;
    EntityManagerFactory serviceUnit;

    long estateA;
    long estateB;
    long estateNoCompany;
    String houseOwner;
    String houseOther;
    String houseB;
    SpmPrincipal regulator;
    SpmPrincipal inspector;
    SpmPrincipal owner;
    SpmPrincipal otherOwner;
    SpmPrincipal ownerB;
    SpmPrincipal committeeA;
    SpmPrincipal committeeB;
    SpmPrincipal companyUserA;
    SpmPrincipal companyUserB;

    @BeforeAll
    void setUp() throws Exception {
        for (String c : List.of("db/security.changelog.xml", "db/estate.changelog.xml", "db/files.changelog.xml",
                "db/notification.changelog.xml", "db/deadline.changelog.xml", "db/service.changelog.xml")) {
            db().migrate(c);
        }
        // issue 10 item 1: role-template grants and default time limits of the bundles on the class path (this domain's
        // among them), as security and deadline seed them from the bundles' contributions in Karaf
        for (org.smartproperty.platform.contrib.Contribution contribution : org.smartproperty.platform.testsupport.StandInContributions.onClassPath()) {
            org.smartproperty.platform.security.internal.ContributedGrants.seed(db().dataSource(), contribution, java.time.Instant.now());
            org.smartproperty.deadline.internal.ContributedTimeLimits.seed(db().dataSource(), contribution, java.time.Instant.now());
        }
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        audit = AuditTrailImpl.standalone(db().dataSource());
        files = new FileStoreImpl(db().dataSource(), Files.createTempDirectory("spm-files"));
        estateUnit = JpaUnits.create("estate", db().dataSource(), cl);
        serviceUnit = JpaUnits.create("service", db().dataSource(), cl);
        estates = EstateServiceImpl.standalone(estateUnit, audit);
        deadlines = DeadlineEngine.standalone(db().dataSource(), audit, clock);
        security = SecurityServiceImpl.standalone(db().dataSource());
        repairs = new RepairServiceImpl(serviceUnit, audit, files, deadlines, new SmsOutboxImpl(db().dataSource(), clock),
                new NotificationsImpl(db().dataSource(), clock), security, estates, clock);
        patrols = new PatrolServiceImpl(serviceUnit, audit, files, deadlines, new SmsOutboxImpl(db().dataSource(), clock),
                new NotificationsImpl(db().dataSource(), clock), security, estates, clock);
        files.addPolicy(new RepairPhotosAccess(repairs), Map.of(FileAccessPolicy.OWNER_KIND, "repair"));
        files.addPolicy(new RepairPhotosAccess(repairs), Map.of(FileAccessPolicy.OWNER_KIND, "repair-result"));
        files.addPolicy(new PatrolReportPhotosAccess(patrols), Map.of(FileAccessPolicy.OWNER_KIND, "patrol-report"));
        files.addPolicy(new PatrolTaskPhotosAccess(patrols), Map.of(FileAccessPolicy.OWNER_KIND, "patrol-task"));
        files.addPolicy(new PatrolTaskPhotosAccess(patrols), Map.of(FileAccessPolicy.OWNER_KIND, "patrol-fix"));

        estateA = estate("报修甲小区", COMPANY_A);
        estateB = estate("报修乙小区", COMPANY_B);
        estateNoCompany = estate("无物业小区", null);
        Building ba = estates.createBuilding(estateA, new BuildingInput("1栋", null, 20, 0, List.of("1单元")), "clerk");
        Building bb = estates.createBuilding(estateB, new BuildingInput("1栋", null, 20, 0, List.of("1单元")), "clerk");
        House h1 = house(estateA, ba, 1, "欧阳明华");
        House h2 = house(estateA, ba, 2, "陈大文");
        House h3 = house(estateB, bb, 3, "黄小红");
        houseOwner = h1.unitCode();
        houseOther = h2.unitCode();
        houseB = h3.unitCode();
        regulator = principal("reg-1", "监管领导", Role.REGULATOR, DataScope.ALL, "13800138001");
        inspector = principal("inspector-1", "检查员", Role.INSPECTOR, DataScope.ALL, null);
        owner = principal("owner-1", "欧阳明华", Role.OWNER, DataScope.owner(h1.owners().get(0).id()), "13912345678");
        otherOwner = principal("owner-2", "陈大文", Role.OWNER, DataScope.owner(h2.owners().get(0).id()), "13912345679");
        ownerB = principal("owner-3", "黄小红", Role.OWNER, DataScope.owner(h3.owners().get(0).id()), "+85361234567");
        committeeA = principal("oc-a", "甲小区业委会", Role.COMMITTEE, DataScope.committee(estateA), "13912345670");
        committeeB = principal("oc-b", "乙小区业委会", Role.COMMITTEE, DataScope.committee(estateB), null);
        companyUserA = principal("co-a", "甲物业客服", Role.COMPANY, DataScope.company(COMPANY_A), "13912345671");
        companyUserB = principal("co-b", "乙物业客服", Role.COMPANY, DataScope.company(COMPANY_B), null);
    }

    @AfterAll
    void tearDown() {
        for (EntityManagerFactory f : new EntityManagerFactory[] {estateUnit, serviceUnit}) {
            if (f != null) {
                f.close();
            }
        }
    }

    @BeforeEach
    void resetClock() {
        clock.set(START);
        repairs.configure(15, 7, 60);
    }

    // ---------------------------------------------------------------- fixtures

    private int seq = 100;

    long estate(String name, Long companyId) {
        Estate e = estates.create(new EstateInput(null, name, "横琴新区环岛东路" + (seq++) + "号", "小横琴社区", "440402104",
                new GeoPoint(113.54, 22.13), null, "横琴开发有限公司", companyId, null, new BigDecimal("3.50"), null), "clerk");
        return e.id();
    }

    House house(long estateId, Building b, int n, String ownerName) {
        String first17 = "44040219800101" + String.format("%03d", n);
        OwnerInput o = new OwnerInput(ownerName, IdType.CN_RESIDENT_ID, first17 + IdDocuments.cnCheckDigit(first17), "13800000" + String.format("%03d", n), null);
        return estates.createHouse(estateId, new HouseInput(String.format("440402104001GB%05dF%08d", 800 + n, n), b.id(), "1单元",
                1, "10" + n, HouseUse.RESIDENTIAL, new BigDecimal("88.50"), null, null, List.of(o)), "clerk");
    }

    /** A real account with the permissions its role has in sec_role_permission (sec-11-repair-patrol included). */
    SpmPrincipal principal(String username, String name, Role role, DataScope scope, String phone) throws Exception {
        security.ensureAccount(username, name, role, "Repair@2026ok", null, scope);
        if (phone != null) {
            security.setPhone(username, phone);
        }
        long id;
        Set<String> perms = new HashSet<>();
        try (Connection c = db().dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM sec_account WHERE username = ?")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT permission FROM sec_role_permission WHERE role = ?")) {
                ps.setString(1, role.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        perms.add(rs.getString(1));
                    }
                }
            }
        }
        return new SpmPrincipal(id, username, Set.of(role), perms, scope, perms.contains("owner:view-full"), "127.0.0.1");
    }

    String photo(String uploader) throws Exception {
        BufferedImage img = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, (int) (System.nanoTime() & 0xffffff));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return files.upload(new ByteArrayInputStream(out.toByteArray()), "现场照片.png", uploader).id();
    }

    String pdf(String uploader) {
        byte[] pdf = ("%PDF-1.4\n% photo? " + System.nanoTime() + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
        return files.upload(new ByteArrayInputStream(pdf), "not-a-photo.pdf", uploader).id();
    }

    static List<AttachmentInput> photos(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> new AttachmentInput(null, id)).toList();
    }

    Repair requested(SpmPrincipal by, String unitCode, RepairCategory category) {
        return repairs.create(by, new RepairInput(unitCode, null, null, category, "卫生间天花板漏水", null, List.of()));
    }

    Repair completed(SpmPrincipal by) throws Exception {
        Repair r = requested(by, houseOwner, RepairCategory.NORMAL);
        r = repairs.accept(companyUserA, r.id(), r.version(), null);
        r = repairs.schedule(companyUserA, r.id(), r.version(), clock.instant().plus(Duration.ofHours(20)), null);
        return repairs.complete(companyUserA, r.id(), r.version(), new RepairCompletion("已更换防水层", photos(photo("co-a"))));
    }

    Deadline deadline(String domain, long id) throws Exception {
        try (Connection c = db().dataSource().getConnection()) {
            return deadlines.find(c, domain, id).orElseThrow();
        }
    }

    long count(String sql, Object... args) throws Exception {
        try (Connection c = db().dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    long sms(String reference, String kind) throws Exception {
        return count("SELECT COUNT(*) FROM ntf_sms_outbox WHERE reference = ? AND kind = ?", reference, kind);
    }

    static ApiException fails(int status, Runnable r) {
        ApiException e = assertThrows(ApiException.class, r::run);
        assertEquals(status, e.status(), e.code() + " " + e.errors());
        return e;
    }

    static Set<String> fields(ApiException e) {
        return e.errors().stream().map(f -> f.field()).collect(Collectors.toSet());
    }

    // ---------------------------------------------------------------- repairs: workflow

    @Test
    void ownerRequestsCompanyAcceptsSchedulesCompletesOwnerConfirms_SVC_REP_1_OWN_4_COS_6_SLA_4() throws Exception {
        String before = photo("owner-1");
        Repair r = repairs.create(owner, new RepairInput(houseOwner, null, null, null, "卫生间天花板漏水，请尽快维修", null, photos(before)));
        assertEquals(RepairStatus.REQUESTED, r.status());
        assertEquals(RepairCategory.NORMAL, r.category(), "NORMAL by default");
        assertTrue(r.number().matches("BX-2026-\\d{6}"), r.number());
        assertEquals(estateA, r.estateId());
        assertEquals(COMPANY_A, r.companyId());
        assertFalse(r.commonArea());
        assertEquals(houseOwner, r.unitCode());
        assertEquals(before, r.photos().get(0).fileId());
        assertEquals("欧阳明华", r.requesterName());
        assertEquals("+8613912345678", r.requesterPhone(), "the account's phone, normalised");
        Deadline d = deadline("repair", r.id());
        assertEquals(DeadlineState.RUNNING, d.state());
        assertEquals("NORMAL", d.category());
        assertEquals(8, d.amount(), "SLA-4: normal repairs within 8 (working) days");
        assertEquals(COMPANY_A, d.companyId());
        assertEquals(companyUserA.accountId(), d.assigneeAccountId(), "until accepted, the company's account is warned (SLA-3)");
        // COS-6: the company sees the new request in its portal at once; the other company does not
        java.util.List<org.smartproperty.notification.Notification> companyInbox = new NotificationsImpl(db().dataSource(), clock)
                .list(companyUserA.accountId(), true, org.smartproperty.platform.PageRequest.of(0, 50), java.util.Locale.SIMPLIFIED_CHINESE).items();
        assertTrue(companyInbox.stream().anyMatch(n -> n.kind() == ServiceMessageKinds.REPAIR_NEW
                && n.text().contains(r.number()) && n.text().contains(houseOwner)), companyInbox.toString());
        assertTrue(new NotificationsImpl(db().dataSource(), clock).list(companyUserB.accountId(), true, org.smartproperty.platform.PageRequest.of(0, 50),
                java.util.Locale.SIMPLIFIED_CHINESE).items().stream().noneMatch(n -> n.text().contains(r.number())));
        assertEquals(d.dueAt(), r.dueAt());
        assertEquals(1, sms("repair:" + r.id(), "REPAIR_RECEIVED"), "SMS on receipt through the outbox");
        assertEquals(1, count("SELECT COUNT(*) FROM ntf_notification WHERE account_id = ? AND kind = 'REPAIR_RECEIVED' AND link = ?",
                owner.accountId(), "/repairs/" + r.id()));

        fails(403, () -> repairs.accept(owner, r.id(), r.version(), null));
        Repair a = repairs.accept(companyUserA, r.id(), r.version(), "已派维修师傅");
        assertEquals(RepairStatus.ACCEPTED, a.status());
        assertEquals(companyUserA.accountId(), a.handlerAccountId());
        assertEquals(companyUserA.accountId(), deadline("repair", r.id()).assigneeAccountId());
        assertTrue(repairs.get(companyUserA, r.id()).fullPersonalData(), "the company handling it may call the requester");

        fails(400, () -> repairs.schedule(companyUserA, r.id(), a.version(), null, null));
        fails(400, () -> repairs.schedule(companyUserA, r.id(), a.version(), clock.instant().minus(Duration.ofHours(1)), null));
        Instant appointment = Instant.parse("2026-12-02T01:30:00Z");
        Repair s = repairs.schedule(companyUserA, r.id(), a.version(), appointment, "上午上门");
        assertEquals(RepairStatus.SCHEDULED, s.status());
        assertEquals(appointment, s.appointmentAt());
        Instant moved = Instant.parse("2026-12-03T06:00:00Z");
        s = repairs.schedule(companyUserA, r.id(), s.version(), moved, "业主改约");
        assertEquals(moved, repairs.get(owner, r.id()).appointmentAt(), "the appointment is stored (typed UPDATE) and read back");

        clock.plus(Duration.ofDays(1));
        String after = photo("co-a");
        final long sv = s.version();
        fails(400, () -> repairs.complete(companyUserA, r.id(), sv, new RepairCompletion(" ", null)));
        Repair c = repairs.complete(companyUserA, r.id(), sv, new RepairCompletion("已更换防水层并修补天花板", photos(after)));
        assertEquals(RepairStatus.COMPLETED, c.status());
        assertEquals("已更换防水层并修补天花板", c.report());
        assertEquals(after, c.reportPhotos().get(0).fileId());
        assertEquals(clock.instant(), c.completedAt());
        assertEquals(clock.instant().plus(Duration.ofDays(15)), c.reopenUntil());
        assertNull(c.dueAt(), "no open deadline once completed");
        assertEquals(DeadlineState.COMPLETED, deadline("repair", r.id()).state());
        assertEquals(1, sms("repair:" + r.id(), "REPAIR_DONE"), "the requester is told by SMS");

        fails(403, () -> repairs.confirm(companyUserA, r.id(), c.version(), null));
        fails(403, () -> repairs.confirm(committeeA, r.id(), c.version(), null));
        Repair ok = repairs.confirm(owner, r.id(), c.version(), "满意");
        assertEquals(RepairStatus.CONFIRMED, ok.status());
        List<RepairEvent> timeline = repairs.events(owner, r.id());
        assertEquals(List.of("create", "accept", "schedule", "reschedule", "complete", "confirm"),
                timeline.stream().map(RepairEvent::action).toList());
        assertEquals("co-a", timeline.get(4).actor());
        assertEquals(6, count("SELECT COUNT(*) FROM aud_event WHERE object_type = 'repair' AND object_id = ? AND action <> 'repair.view-full'",
                Long.toString(r.id())), "every step audited");

        // photos: the requester, the company, the committee and the regulator read them; another owner and another company do not
        assertNotNull(files.get(companyUserA, before));
        assertNotNull(files.get(owner, after));
        assertNotNull(files.get(committeeA, after));
        assertNotNull(files.get(regulator, before));
        fails(404, () -> files.get(otherOwner, before));
        fails(404, () -> files.get(companyUserB, after));
    }

    @Test
    void emergenciesGet24HoursAndTheCommitteeRequestsCommonAreaRepairsOfItsEstate_SLA_4_OCS_7() throws Exception {
        Repair r = repairs.create(committeeA, new RepairInput(null, null, "3栋大堂", RepairCategory.EMERGENCY, "大堂玻璃门破裂", null, null));
        assertTrue(r.commonArea());
        assertEquals(estateA, r.estateId(), "defaults to the committee's estate");
        assertEquals("3栋大堂", r.location());
        Deadline d = deadline("repair", r.id());
        assertEquals(START.plus(Duration.ofHours(24)), d.dueAt(), "SLA-4: emergencies within 24 hours");
        assertEquals(1, sms("repair:" + r.id(), "REPAIR_RECEIVED"));

        ApiException e = fails(400, () -> repairs.create(committeeA, new RepairInput(houseOwner, null, null, null, "x", null, null)));
        assertTrue(fields(e).contains("unitCode"), "a committee requests common-area repairs only");
        e = fails(400, () -> repairs.create(committeeA, new RepairInput(null, estateB, "大门", null, "x", null, null)));
        assertEquals(Set.of("estateId"), fields(e));
        // an owner's common-area request names an estate where they own a house
        Repair common = repairs.create(owner, new RepairInput(null, estateA, "地下车库 B2", null, "车库照明损坏", "13600000001", null));
        assertEquals("+8613600000001", common.requesterPhone(), "a contact phone may be given");
        e = fails(400, () -> repairs.create(owner, new RepairInput(null, estateB, "大门", null, "x", null, null)));
        assertEquals(Set.of("estateId"), fields(e));
        e = fails(400, () -> repairs.create(owner, new RepairInput(null, estateA, null, null, null, "abc", null)));
        assertEquals(Set.of("location", "description", "contactPhone"), fields(e), "all field errors at once");
        e = fails(400, () -> repairs.create(owner, new RepairInput(houseOwner, estateA, "x", null, "x", null, null)));
        assertEquals("repair.target", e.errors().get(0).code());
        fails(403, () -> repairs.create(companyUserA, new RepairInput(null, estateA, "x", null, "x", null, null)));
        fails(403, () -> repairs.create(regulator, new RepairInput(null, estateA, "x", null, "x", null, null)));
    }

    /** The phones the repair's SMS of this kind were queued for, in order. */
    List<String> smsPhones(long repairId, String kind) throws Exception {
        return db().strings("SELECT phone FROM ntf_sms_outbox WHERE reference = ? AND kind = ? ORDER BY id", "repair:" + repairId, kind);
    }

    /**
     * Issue 20 item 5 (SVC-REP-1, SVC-REP-2, COS-6): a repair request named any number as contactPhone
     * and the platform texted it the receipt and the completion. Repairs are requested online by the
     * account itself, so the SMS go to the account's own phone only (AccountDirectory); the number in
     * the body is kept as the contact number the company calls, never texted.
     */
    @Test
    void repairSmsGoOnlyToTheAccountsOwnPhoneNeverTheContactPhoneInTheBody_issue20item5_SVC_REP_1_SVC_REP_2() throws Exception {
        String stranger = "13700001111";
        SpmPrincipal requester = principal("owner-sms", "欧阳明华", Role.OWNER, owner.scope(), "13912340005");
        Repair r = repairs.create(requester, new RepairInput(houseOwner, null, null, null, "厨房水管爆裂", stranger, null));
        assertEquals("+8613700001111", r.requesterPhone(), "the body's number is kept as the contact number");
        assertEquals("+8613700001111", repairs.get(companyUserA, r.id()).requesterPhone(), "the company handling it calls that number");
        assertEquals(List.of("+8613912340005"), smsPhones(r.id(), "REPAIR_RECEIVED"), "the receipt goes to the account's phone");

        // the completion goes to the account's phone as it is when the repair is completed (an administrator changed it)
        security.setPhone("owner-sms", "13912340006");
        r = repairs.accept(companyUserA, r.id(), r.version(), null);
        r = repairs.schedule(companyUserA, r.id(), r.version(), clock.instant().plus(Duration.ofHours(20)), null);
        repairs.complete(companyUserA, r.id(), r.version(), new RepairCompletion("已更换水管", null));
        assertEquals(List.of("+8613912340006"), smsPhones(r.id(), "REPAIR_DONE"));

        // a committee without a phone on its account: in-app only, the body's number gets nothing (receipt and completion)
        Repair oc = repairs.create(committeeB, new RepairInput(null, null, "2栋电梯", null, "电梯停运", stranger, null));
        assertEquals("+8613700001111", oc.requesterPhone());
        assertEquals(List.of(), smsPhones(oc.id(), "REPAIR_RECEIVED"));
        oc = repairs.accept(companyUserB, oc.id(), oc.version(), null);
        oc = repairs.schedule(companyUserB, oc.id(), oc.version(), clock.instant().plus(Duration.ofHours(20)), null);
        repairs.complete(companyUserB, oc.id(), oc.version(), new RepairCompletion("已修复电梯", null));
        assertEquals(List.of(), smsPhones(oc.id(), "REPAIR_DONE"));
        assertEquals(1, count("SELECT COUNT(*) FROM ntf_notification WHERE account_id = ? AND kind = 'REPAIR_DONE' AND link = ?",
                committeeB.accountId(), "/repairs/" + oc.id()), "the committee is still told in the app");
        assertEquals(0, count("SELECT COUNT(*) FROM ntf_sms_outbox WHERE phone = ?", "+8613700001111"), "the stranger is never texted");
    }

    @Test
    void anOwnerRequestsRepairsOfTheirOwnHouseOnly_OWN_4() throws Exception {
        ApiException e = fails(400, () -> requested(owner, houseOther, RepairCategory.NORMAL));
        assertEquals("house.unknown", e.errors().get(0).code());
        assertEquals("unitCode", e.errors().get(0).field());
        fails(400, () -> requested(owner, houseB, RepairCategory.NORMAL));
        fails(400, () -> requested(owner, "440402104001GB99999F99999999", RepairCategory.NORMAL));
        assertEquals(estateA, requested(otherOwner, houseOther, RepairCategory.MAJOR).estateId());
        assertEquals(45, deadline("repair", requested(otherOwner, houseOther, RepairCategory.MAJOR).id()).amount(), "SLA-4: at most 45 days");
    }

    @Test
    void anEstateWithoutACompanyTakesNoRepairs() throws Exception {
        SpmPrincipal oc = principal("oc-none", "无物业业委会", Role.COMMITTEE, DataScope.committee(estateNoCompany), null);
        ApiException e = fails(400, () -> repairs.create(oc, new RepairInput(null, null, "大门", null, "门禁损坏", null, null)));
        assertEquals("estate.noCompany", e.errors().get(0).code());
    }

    @Test
    void aPdfAsPhotoIs400AndNothingIsWrittenNoSmsQueued_SVC_REP_1() throws Exception {
        long rows = count("SELECT COUNT(*) FROM svc_repair");
        long sms = count("SELECT COUNT(*) FROM ntf_sms_outbox");
        long dl = count("SELECT COUNT(*) FROM dl_deadline");
        long numbers = count("SELECT COALESCE(SUM(last_no), 0) FROM svc_counter");
        String pdf = pdf("owner-1");
        ApiException e = fails(400, () -> repairs.create(owner, new RepairInput(houseOwner, null, null, null, "漏水", null, photos(pdf))));
        assertEquals("photos[0].fileId", e.errors().get(0).field());
        assertEquals(rows, count("SELECT COUNT(*) FROM svc_repair"));
        assertEquals(sms, count("SELECT COUNT(*) FROM ntf_sms_outbox"), "the rolled-back request sends nothing");
        assertEquals(dl, count("SELECT COUNT(*) FROM dl_deadline"));
        assertEquals(numbers, count("SELECT COALESCE(SUM(last_no), 0) FROM svc_counter"), "no number used up");
        fails(400, () -> repairs.create(owner, new RepairInput(houseOwner, null, null, null, "漏水", null, photos("no-such-file"))));
        String othersPhoto = photo("owner-2");
        fails(400, () -> repairs.create(owner, new RepairInput(houseOwner, null, null, null, "漏水", null, photos(othersPhoto))));
    }

    @Test
    void aCompletionThatFailsQueuesNoSmsAndLeavesTheDeadlineRunning_SVC_REP_2() throws Exception {
        Repair r = requested(owner, houseOwner, RepairCategory.NORMAL);
        Repair a = repairs.accept(companyUserA, r.id(), r.version(), null);
        Repair s = repairs.schedule(companyUserA, r.id(), a.version(), clock.instant().plus(Duration.ofHours(3)), null);
        String pdf = pdf("co-a");
        fails(412, () -> repairs.complete(companyUserA, r.id(), s.version() - 1, new RepairCompletion("好了", null)));
        fails(404, () -> repairs.complete(companyUserB, r.id(), s.version(), new RepairCompletion("好了", null)));
        fails(400, () -> repairs.complete(companyUserA, r.id(), s.version(), new RepairCompletion("好了", photos(pdf))));
        assertEquals(0, sms("repair:" + r.id(), "REPAIR_DONE"));
        assertEquals(DeadlineState.RUNNING, deadline("repair", r.id()).state());
        assertEquals(RepairStatus.SCHEDULED, repairs.get(owner, r.id()).status());
    }

    @Test
    void illegalTransitionsAre409NamingTheAllowedOnes_SVC_REP_1() {
        Repair r = requested(owner, houseOwner, RepairCategory.NORMAL);
        ApiException e = fails(409, () -> repairs.complete(companyUserA, r.id(), r.version(), new RepairCompletion("x", null)));
        assertEquals("repair.illegalTransition", e.code());
        assertEquals("ACCEPTED, REJECTED", e.args()[2]);
        assertEquals("报修当前状态为 REQUESTED，不能改为 COMPLETED；允许的状态变更：ACCEPTED, REJECTED",
                e.source().format(Locale.SIMPLIFIED_CHINESE, e.code(), e.args()));
        fails(409, () -> repairs.schedule(companyUserA, r.id(), r.version(), clock.instant().plusSeconds(3600), null));
        fails(409, () -> repairs.confirm(owner, r.id(), r.version(), null));
        fails(409, () -> repairs.reopen(owner, r.id(), r.version(), null));
        fails(400, () -> repairs.reject(companyUserA, r.id(), r.version(), " "));
        Repair x = repairs.reject(companyUserA, r.id(), r.version(), "非物业维修范围（室内自有设备）");
        assertEquals(RepairStatus.REJECTED, x.status());
        assertEquals("非物业维修范围（室内自有设备）", x.reason());
        e = fails(409, () -> repairs.accept(companyUserA, r.id(), x.version(), null));
        assertEquals("无（报修已结束）", e.source().format(Locale.SIMPLIFIED_CHINESE, "repair.noTransition"));
    }

    @Test
    void rejectionCancelsTheDeadline_COS_6() throws Exception {
        Repair r = requested(owner, houseOwner, RepairCategory.NORMAL);
        repairs.reject(companyUserA, r.id(), r.version(), "重复报修");
        assertEquals(DeadlineState.CANCELLED, deadline("repair", r.id()).state());
    }

    // ---------------------------------------------------------------- repairs: scopes

    @Test
    void eachRoleSeesOnlyItsScopeAndOutOfScopeIs404_OWN_4_COS_6_OCS_7() throws Exception {
        Repair mine = requested(owner, houseOwner, RepairCategory.NORMAL);
        Repair theirs = requested(otherOwner, houseOther, RepairCategory.NORMAL);
        Repair inB = requested(ownerB, houseB, RepairCategory.NORMAL);

        assertTrue(ids(regulator).containsAll(List.of(mine.id(), theirs.id(), inB.id())));
        assertTrue(ids(inspector).containsAll(List.of(mine.id(), theirs.id(), inB.id())));
        Set<Long> co = ids(companyUserA);
        assertTrue(co.containsAll(List.of(mine.id(), theirs.id())));
        assertFalse(co.contains(inB.id()), "a company sees the repairs of the estates it manages");
        fails(404, () -> repairs.get(companyUserA, inB.id()));
        fails(404, () -> repairs.events(companyUserB, mine.id()));
        fails(404, () -> repairs.accept(companyUserB, mine.id(), mine.version(), null));
        Set<Long> oc = ids(committeeA);
        assertTrue(oc.containsAll(List.of(mine.id(), theirs.id())), "the committee supervises its estate (OCS-7)");
        assertFalse(oc.contains(inB.id()));
        Repair byCommittee = repairs.get(committeeA, mine.id());
        assertFalse(byCommittee.fullPersonalData());
        assertEquals("欧**华", byCommittee.requesterName());
        assertEquals("+86139****5678", byCommittee.requesterPhone());
        fails(404, () -> repairs.get(committeeB, mine.id()));
        assertEquals(Set.of(mine.id()), ids(owner).stream().filter(i -> i == mine.id() || i == theirs.id() || i == inB.id()).collect(Collectors.toSet()));
        fails(404, () -> repairs.get(otherOwner, mine.id()));
        fails(404, () -> repairs.confirm(otherOwner, mine.id(), mine.version(), null));
        // lists mask personal data except the caller's own
        Repair listed = repairs.list(regulator, new RepairQuery(null, null, estateA, null), PageRequest.of(0, 200)).items().stream()
                .filter(x -> x.id() == mine.id()).findFirst().orElseThrow();
        assertEquals("+86139****5678", listed.requesterPhone());
        assertTrue(repairs.list(owner, RepairQuery.all(), PageRequest.of(0, 200)).items().stream().filter(x -> x.id() == mine.id())
                .allMatch(Repair::fullPersonalData));
        assertTrue(repairs.list(regulator, new RepairQuery(null, null, null, COMPANY_B), PageRequest.of(0, 200)).items().stream()
                .allMatch(x -> x.companyId() == COMPANY_B));
        assertTrue(repairs.list(regulator, new RepairQuery(RepairStatus.REJECTED, null, null, null), PageRequest.of(0, 200)).items().stream()
                .allMatch(x -> x.status() == RepairStatus.REJECTED));
        // the one map's open-repairs counts (issue 17): grouped, the list's scope, only the statuses asked for
        Set<RepairStatus> open = java.util.EnumSet.noneOf(RepairStatus.class);
        for (RepairStatus st : RepairStatus.values()) {
            if (st.open()) {
                open.add(st);
            }
        }
        for (SpmPrincipal p : List.of(regulator, companyUserA, committeeA, owner)) {
            java.util.Map<Long, Long> counts = repairs.countByEstate(p, open, List.of(estateA, inB.estateId()));
            for (long estate : List.of(estateA, inB.estateId())) {
                long expected = 0;
                for (RepairStatus st : open) {
                    expected += repairs.list(p, new RepairQuery(st, null, estate, null), PageRequest.of(0, 1)).total();
                }
                assertEquals(expected, counts.getOrDefault(estate, 0L), p.username() + " estate " + estate);
            }
        }
        assertTrue(repairs.countByEstate(regulator, open, List.of(estateA)).get(estateA) >= 2);
        assertFalse(repairs.countByEstate(companyUserA, open, List.of(inB.estateId())).containsKey(inB.estateId()), "scope");
        assertEquals(repairs.list(regulator, new RepairQuery(RepairStatus.REJECTED, null, estateA, null), PageRequest.of(0, 1)).total(),
                repairs.countByEstate(regulator, Set.of(RepairStatus.REJECTED), List.of(estateA)).getOrDefault(estateA, 0L),
                "only the statuses asked for");
    }

    private Set<Long> ids(SpmPrincipal p) {
        return repairs.list(p, RepairQuery.all(), PageRequest.of(0, 200)).items().stream().map(Repair::id).collect(Collectors.toSet());
    }

    // ---------------------------------------------------------------- repairs: reopen window, auto-confirm

    @Test
    void theRequesterReopensWithinTheWindowNotAfterIt_OWN_4_SVC_REP_2() throws Exception {
        Repair c = completed(owner);
        Instant doneAt = clock.instant();
        fails(403, () -> repairs.reopen(companyUserA, c.id(), c.version(), "不是报修人"));
        clock.set(doneAt.plus(Duration.ofDays(15)));
        Repair re = repairs.reopen(owner, c.id(), c.version(), "仍然漏水");
        assertEquals(RepairStatus.REOPENED, re.status());
        assertNull(re.report());
        Deadline d = deadline("repair", c.id());
        assertEquals(DeadlineState.RUNNING, d.state(), "the deadline starts again");
        assertEquals(clock.instant(), d.startedAt());

        Repair again = repairs.accept(companyUserA, re.id(), re.version(), null);
        again = repairs.schedule(companyUserA, again.id(), again.version(), clock.instant().plus(Duration.ofHours(5)), null);
        again = repairs.complete(companyUserA, again.id(), again.version(), new RepairCompletion("重新做防水", null));
        Instant second = clock.instant();
        again = repairs.confirm(owner, again.id(), again.version(), null);
        clock.set(second.plus(Duration.ofDays(15)).plusSeconds(1));
        long v = again.version();
        ApiException e = fails(409, () -> repairs.reopen(owner, c.id(), v, "还是漏"));
        assertEquals("repair.reopenWindow", e.code());
        assertEquals(15, e.args()[1]);
        assertTrue(e.source().format(Locale.ENGLISH, e.code(), e.args()).contains("within 15 days"));
        assertEquals(RepairStatus.CONFIRMED, repairs.get(owner, c.id()).status());
        assertEquals(2, sms("repair:" + c.id(), "REPAIR_DONE"));
        assertEquals(List.of("create", "accept", "schedule", "complete", "reopen", "accept", "schedule", "complete", "confirm"),
                repairs.events(owner, c.id()).stream().map(RepairEvent::action).toList());
    }

    @Test
    void theWindowIsConfigurableAndInvalidSettingsAreRefused() throws Exception {
        assertFalse(repairs.configure(0, 7, 60), "a window below 1 day is refused");
        assertFalse(repairs.configure(15, 0, 60));
        assertFalse(repairs.configure(5, 7, 60), "auto-confirm after the window closed is refused");
        assertFalse(repairs.configure(15, 7, 0));
        assertEquals(15, repairs.settings().reopenWindowDays(), "the settings in force stay");
        assertTrue(repairs.configure(3, 2, 60));
        Repair c = completed(owner);
        clock.plus(Duration.ofDays(3).plusMinutes(1));
        ApiException e = fails(409, () -> repairs.reopen(owner, c.id(), c.version(), null));
        assertEquals(3, e.args()[1]);
    }

    @Test
    void unconfirmedRepairsAreConfirmedAutomaticallyOnce() throws Exception {
        Repair c = completed(owner);
        clock.plus(Duration.ofDays(7).minusMinutes(1));
        repairs.confirmUnconfirmed();
        assertEquals(RepairStatus.COMPLETED, repairs.get(owner, c.id()).status());
        clock.plus(Duration.ofMinutes(2));
        assertTrue(repairs.confirmUnconfirmed() >= 1);
        assertEquals(0, repairs.confirmUnconfirmed(), "once");
        Repair confirmed = repairs.get(owner, c.id());
        assertEquals(RepairStatus.CONFIRMED, confirmed.status());
        List<RepairEvent> events = repairs.events(owner, c.id());
        assertEquals("autoConfirm", events.get(events.size() - 1).action());
        assertEquals("system", events.get(events.size() - 1).actor());
        assertEquals(RepairStatus.REOPENED, repairs.reopen(owner, c.id(), confirmed.version(), "并未修好").status(), "still within the window");
    }

    @Test
    void repairNumbersCountPerYear_SVC_REP_1() {
        Repair a = requested(owner, houseOwner, RepairCategory.NORMAL);
        Repair b = requested(owner, houseOwner, RepairCategory.NORMAL);
        assertTrue(b.number().compareTo(a.number()) > 0);
        clock.set(Instant.parse("2027-01-04T02:00:00Z"));
        assertEquals("BX-2027-000001", requested(owner, houseOwner, RepairCategory.NORMAL).number());
    }

    // ---------------------------------------------------------------- patrols

    PhotoReport reported(SpmPrincipal by, Long estateId) throws Exception {
        return patrols.report(by, new PhotoReportInput(estateId, new BigDecimal("22.1234"), new BigDecimal("113.5321"), "2栋北侧小路",
                "小区路灯连续三晚不亮", photos(photo(by.username()))));
    }

    @Test
    void photoReportsNeedAPhotoAndAPlaceInHengqin_SVC_PAT_1() throws Exception {
        ApiException e = fails(400, () -> patrols.report(owner, new PhotoReportInput(estateA, new BigDecimal("23.10"), new BigDecimal("113.30"),
                null, " ", List.of())));
        assertEquals(Set.of("latitude", "longitude", "description", "photos"), fields(e), "all field errors at once");
        String p1 = photo("owner-1");
        String p2 = photo("co-a");
        e = fails(400, () -> patrols.report(owner, new PhotoReportInput(estateB, new BigDecimal("22.12"), new BigDecimal("113.53"),
                null, "x", photos(p1))));
        assertEquals(Set.of("estateId"), fields(e), "an estate where the owner owns a house");
        fails(403, () -> patrols.report(companyUserA, new PhotoReportInput(estateA, new BigDecimal("22.12"), new BigDecimal("113.53"),
                null, "x", photos(p2))));
        PhotoReport r = reported(owner, null);
        assertEquals(estateA, r.estateId(), "the owner's only estate by default");
        assertEquals(PhotoReportStatus.REPORTED, r.status());
        assertEquals("欧阳明华", r.reporterName());
        assertEquals("欧**华", patrols.getReport(companyUserA, r.id()).reporterName(), "masked for the company (ID-2)");
        fails(404, () -> patrols.getReport(otherOwner, r.id()));
        fails(404, () -> patrols.getReport(companyUserB, r.id()));
        assertNotNull(patrols.getReport(committeeA, r.id()));
        fails(404, () -> patrols.getReport(committeeB, r.id()));
        String pdf = pdf("owner-1");
        long before = count("SELECT COUNT(*) FROM svc_photo_report");
        fails(400, () -> patrols.report(owner, new PhotoReportInput(estateA, new BigDecimal("22.12"), new BigDecimal("113.53"), null, "x",
                photos(pdf))));
        assertEquals(before, count("SELECT COUNT(*) FROM svc_photo_report"));
    }

    @Test
    void theCompanyMakesATaskRecordsFindingsAndTheFixTheReportersAreToldTheResultIsPublished_SVC_PAT_1_2_COS_5() throws Exception {
        PhotoReport r1 = reported(owner, estateA);
        PhotoReport r2 = reported(otherOwner, estateA);
        PhotoReport r3 = reported(owner, estateA);
        PhotoReport inB = reported(ownerB, estateB);
        String reportPhoto = r1.photos().get(0).fileId();

        fails(403, () -> patrols.createTask(owner, new PatrolTaskInput(List.of(r1.id()), null, null)));
        ApiException e = fails(400, () -> patrols.createTask(companyUserA, new PatrolTaskInput(List.of(r1.id(), inB.id()), null, null)));
        assertEquals(Set.of("reportIds[1]"), fields(e), "reports of another company's estate are unknown to it");
        e = fails(400, () -> patrols.createTask(companyUserA, new PatrolTaskInput(List.of(r1.id()), null, START.plus(Duration.ofDays(30)))));
        assertEquals("dueAt.beyondLimit", e.errors().get(0).code());
        fails(400, () -> patrols.createTask(companyUserA, new PatrolTaskInput(List.of(), null, null)));
        assertEquals(0, count("SELECT COUNT(*) FROM svc_patrol_task WHERE estate_id = ? AND status = 'OPEN'", estateA), "nothing half-written");

        Instant due = Instant.parse("2026-12-02T09:00:00Z");
        PatrolTask t = patrols.createTask(companyUserA, new PatrolTaskInput(List.of(r1.id(), r2.id()), "2栋路灯巡查", due));
        assertEquals(PatrolStatus.OPEN, t.status());
        assertTrue(t.number().matches("XC-2026-\\d{6}"), t.number());
        assertEquals(due, t.dueAt(), "the company's due date within the limit");
        Deadline d = deadline("patrol", t.id());
        assertEquals(DeadlineState.RUNNING, d.state());
        assertEquals("TASK", d.category());
        assertEquals(d.dueAt(), t.limitDueAt());
        assertEquals(companyUserA.accountId(), d.assigneeAccountId());
        assertEquals(List.of(r1.id(), r2.id()), t.reportIds());
        assertEquals(PhotoReportStatus.TASKED, patrols.getReport(owner, r1.id()).status());
        e = fails(400, () -> patrols.createTask(companyUserA, new PatrolTaskInput(List.of(r1.id()), null, null)));
        assertEquals("report.taken", e.errors().get(0).code());

        // scopes of tasks: owners see the tasks made of their reports
        assertTrue(taskIds(owner).contains(t.id()));
        assertTrue(taskIds(otherOwner).contains(t.id()));
        assertFalse(taskIds(ownerB).contains(t.id()));
        assertTrue(taskIds(committeeA).contains(t.id()));
        assertFalse(taskIds(committeeB).contains(t.id()));
        assertFalse(taskIds(companyUserB).contains(t.id()));
        assertTrue(taskIds(regulator).contains(t.id()));
        fails(404, () -> patrols.getTask(companyUserB, t.id()));
        fails(404, () -> patrols.getTask(ownerB, t.id()));
        fails(403, () -> patrols.inspect(regulator, t.id(), t.version(), new PatrolResult("x", null)));

        String p3 = photo("co-a");
        ApiException illegal = fails(409, () -> patrols.close(companyUserA, t.id(), t.version(), new PatrolResult("x", photos(p3))));
        assertEquals("OPEN", illegal.args()[0]);
        assertEquals("INSPECTED", illegal.args()[2]);
        String found = photo("co-a");
        PatrolTask i = patrols.inspect(companyUserA, t.id(), t.version(), new PatrolResult("路灯线路老化短路", photos(found)));
        assertEquals(PatrolStatus.INSPECTED, i.status());
        assertEquals("路灯线路老化短路", i.findings());
        e = fails(400, () -> patrols.close(companyUserA, t.id(), i.version(), new PatrolResult("已更换线路", List.of())));
        assertEquals(Set.of("photos"), fields(e), "the fix is recorded with photos");
        assertEquals(0, count("SELECT COUNT(*) FROM ntf_sms_outbox WHERE reference = ?", "patrol-task:" + t.id()));

        clock.plus(Duration.ofHours(5));
        String fixed = photo("co-a");
        PatrolTask closed = patrols.close(companyUserA, t.id(), i.version(), new PatrolResult("已更换线路，路灯恢复正常", photos(fixed)));
        assertEquals(PatrolStatus.CLOSED, closed.status());
        assertEquals(clock.instant(), closed.closedAt());
        assertEquals(DeadlineState.COMPLETED, deadline("patrol", t.id()).state());
        assertEquals(PhotoReportStatus.CLOSED, patrols.getReport(owner, r1.id()).status());
        assertEquals(PhotoReportStatus.REPORTED, patrols.getReport(owner, r3.id()).status(), "a report not in the task stays");
        // COS-5: each reporting owner is told once, in-app and by SMS (the owner with two reports in it too)
        assertEquals(2, count("SELECT COUNT(*) FROM ntf_sms_outbox WHERE reference = ? AND kind = 'PATROL_RESULT'", "patrol-task:" + t.id()));
        assertEquals(1, count("SELECT COUNT(*) FROM ntf_notification WHERE account_id = ? AND kind = 'PATROL_RESULT' AND link = ?",
                owner.accountId(), "/patrols/tasks/" + t.id()));
        assertEquals(1, count("SELECT COUNT(*) FROM ntf_notification WHERE account_id = ? AND kind = 'PATROL_RESULT'", otherOwner.accountId()));
        assertEquals(List.of("createTask", "inspect", "close"), patrols.events(owner, t.id()).stream().map(PatrolEvent::action).toList());
        assertEquals(3, count("SELECT COUNT(*) FROM aud_event WHERE object_type = 'patrol-task' AND object_id = ?", Long.toString(t.id())));
        fails(409, () -> patrols.inspect(companyUserA, t.id(), closed.version(), new PatrolResult("再查", null)));

        // published: estate, company, findings, fix, dates and photo ids; no reporter, no report photo
        PublicPatrol pub = patrols.published(estateA, null, PageRequest.of(0, 50)).items().stream().filter(x -> x.id() == t.id())
                .findFirst().orElseThrow();
        assertEquals("报修甲小区", pub.estateName());
        assertEquals(COMPANY_A, pub.companyId());
        assertEquals("路灯线路老化短路", pub.findings());
        assertEquals("已更换线路，路灯恢复正常", pub.fix());
        assertEquals(List.of(found, fixed), pub.photoIds());
        assertFalse(pub.toString().contains("欧阳明华") || pub.toString().contains("陈大文") || pub.toString().contains(reportPhoto));
        assertTrue(patrols.published(estateB, null, PageRequest.of(0, 50)).items().stream().noneMatch(x -> x.id() == t.id()));
        assertTrue(patrols.publishedPhoto(t.id(), fixed));
        assertFalse(patrols.publishedPhoto(t.id(), reportPhoto));
        // photo access: the task's photos are public once closed; the report's photo stays with those in scope
        SpmPrincipal anyone = new SpmPrincipal(0, "(public)", Set.of(), Set.of(), DataScope.NONE, false, null);
        assertNotNull(files.open(anyone, fixed, true));
        assertNotNull(files.get(companyUserB, found));
        fails(404, () -> files.get(companyUserB, reportPhoto));
        fails(404, () -> files.get(ownerB, reportPhoto));
        assertNotNull(files.get(companyUserA, reportPhoto));
        assertNotNull(files.get(committeeA, reportPhoto));
    }

    @Test
    void anOpenTasksPhotosAreNotPublicAndUnpublishedTasksAreNotListed_SVC_PAT_1() throws Exception {
        PhotoReport r = reported(owner, estateA);
        PatrolTask t = patrols.createTask(companyUserA, new PatrolTaskInput(List.of(r.id()), null, null));
        assertEquals("小区路灯连续三晚不亮", t.title(), "the first report's description by default");
        assertEquals(t.limitDueAt(), t.dueAt(), "the time limit by default");
        String found = photo("co-a");
        PatrolTask i = patrols.inspect(companyUserA, t.id(), t.version(), new PatrolResult("发现问题", photos(found)));
        SpmPrincipal anyone = new SpmPrincipal(0, "(public)", Set.of(), Set.of(), DataScope.NONE, false, null);
        fails(404, () -> files.get(anyone, found));
        fails(404, () -> files.get(companyUserB, found));
        assertFalse(patrols.publishedPhoto(i.id(), found));
        assertTrue(patrols.published(null, null, PageRequest.of(0, 200)).items().stream().noneMatch(x -> x.id() == t.id()));
        assertTrue(patrols.tasks(companyUserA, new PatrolQuery(PatrolStatus.INSPECTED, null, null), PageRequest.of(0, 200)).items().stream()
                .anyMatch(x -> x.id() == t.id()));
    }

    private Set<Long> taskIds(SpmPrincipal p) {
        return patrols.tasks(p, PatrolQuery.all(), PageRequest.of(0, 200)).items().stream().map(PatrolTask::id).collect(Collectors.toSet());
    }
}
