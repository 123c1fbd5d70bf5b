package org.smartproperty.complaint.internal;

import org.smartproperty.complaint.ComplaintService;
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
import java.util.Map;
import java.util.Locale;
import java.util.Set;
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
import org.smartproperty.company.Company;
import org.smartproperty.company.CompanyInput;
import org.smartproperty.company.CompanyService;
import org.smartproperty.company.UnifiedSocialCreditCode;
import org.smartproperty.company.internal.CompanyServiceImpl;
import org.smartproperty.complaint.Complaint;
import org.smartproperty.complaint.ComplaintCategory;
import org.smartproperty.complaint.ComplaintChannel;
import org.smartproperty.complaint.ComplaintEvent;
import org.smartproperty.complaint.ComplaintInput;
import org.smartproperty.complaint.ComplaintQuery;
import org.smartproperty.complaint.ComplaintStatus;
import org.smartproperty.complaint.Dispatch;
import org.smartproperty.complaint.Resolution;
import org.smartproperty.deadline.Deadline;
import org.smartproperty.deadline.DeadlineState;
import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateInput;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.GeoPoint;
import org.smartproperty.notification.internal.NotificationsImpl;
import org.smartproperty.notification.internal.SmsOutboxImpl;
import org.smartproperty.credit.CreditSignal;
import org.smartproperty.credit.CreditSignals;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.internal.FileStoreImpl;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.security.internal.SecurityServiceImpl;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * The complaint workflow (SVC-CMP-1..5, OWN-5, COS-7, OCS-8) on a real database (PostgreSQL and the
 * embedded engine, by the subclasses) with the real estate,
 * company, deadline (SLA-1/2), notification (SMS outbox, in-app), security (accounts, role
 * permissions, hash-chained audit) and file store implementations over one schema, and a clock the
 * test moves (reopen window, auto-close).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ComplaintServiceContract {

    abstract TestDatabase db();

    /** Tuesday 2026-12-01 10:00 in Zhuhai: a working day. */
    static final Instant START = Instant.parse("2026-12-01T02:00:00Z");

    final MutableClock clock = new MutableClock(START);
    ComplaintServiceImpl service;
    DeadlineTracker deadlines;
    SecurityServiceImpl security;
    EstateService estates;
    CompanyService companies;

    /** The credit domain is another bundle (issue 14): here its signals are recorded, checked to come on the call's connection. */
    final List<CreditSignal> signals = new java.util.concurrent.CopyOnWriteArrayList<>();
    final CreditSignals credit = (sameTransaction, signal) -> {
        assertNotNull(sameTransaction, "emitted on the resolve's connection");
        signals.add(signal);
    };
    FileStoreImpl files;
    AuditTrail audit;
    EntityManagerFactory estateUnit;
    EntityManagerFactory companyUnit;
    EntityManagerFactory complaintUnit;

    long companyA;
    long companyB;
    long estateA;
    long estateB;
    SpmPrincipal regulator;
    SpmPrincipal officer;
    SpmPrincipal officer2;
    SpmPrincipal owner;
    SpmPrincipal otherOwner;
    SpmPrincipal committeeA;
    SpmPrincipal committeeB;
    SpmPrincipal companyUserA;
    SpmPrincipal companyUserB;
    SpmPrincipal inspector;

    @BeforeAll
    void setUp() throws Exception {
        for (String c : List.of("db/security.changelog.xml", "db/estate.changelog.xml", "db/company.changelog.xml", "db/files.changelog.xml",
                "db/notification.changelog.xml", "db/deadline.changelog.xml", "db/complaint.changelog.xml")) {
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
        companyUnit = JpaUnits.create("company", db().dataSource(), cl);
        complaintUnit = JpaUnits.create("complaint", db().dataSource(), cl);
        estates = EstateServiceImpl.standalone(estateUnit, audit);
        companies = CompanyServiceImpl.standalone(companyUnit, audit, files);
        deadlines = DeadlineEngine.standalone(db().dataSource(), audit, clock);
        security = SecurityServiceImpl.standalone(db().dataSource());
        service = new ComplaintServiceImpl(complaintUnit, audit, files, deadlines, new SmsOutboxImpl(db().dataSource(), clock),
                new NotificationsImpl(db().dataSource(), clock), security, estates, companies, credit, clock);

        companyA = companies.create(company("横琴甲物业服务有限公司"), "regulator").id();
        companyB = companies.create(company("横琴乙物业服务有限公司"), "regulator").id();
        estateA = estate("投诉甲小区", companyA);
        estateB = estate("投诉乙小区", companyB);
        regulator = principal("reg-1", "监管领导", Role.REGULATOR, DataScope.ALL, "13800138001");
        officer = principal("officer-1", "王科员", Role.OFFICER, DataScope.ALL, "13800138002");
        officer2 = principal("officer-2", "李科员", Role.OFFICER, DataScope.ALL, null);
        inspector = principal("inspector-1", "检查员", Role.INSPECTOR, DataScope.ALL, null);
        owner = principal("owner-1", "欧阳明华", Role.OWNER, DataScope.owner(9001), "13912345678");
        otherOwner = principal("owner-2", "陈大文", Role.OWNER, DataScope.owner(9002), "13912345679");
        committeeA = principal("oc-a", "甲小区业委会", Role.COMMITTEE, DataScope.committee(estateA), "13912345670");
        committeeB = principal("oc-b", "乙小区业委会", Role.COMMITTEE, DataScope.committee(estateB), null);
        companyUserA = principal("co-a", "甲物业客服", Role.COMPANY, DataScope.company(companyA), "13912345671");
        companyUserB = principal("co-b", "乙物业客服", Role.COMPANY, DataScope.company(companyB), null);
    }

    @AfterAll
    void tearDown() {
        for (EntityManagerFactory f : new EntityManagerFactory[] {estateUnit, companyUnit, complaintUnit}) {
            if (f != null) {
                f.close();
            }
        }
    }

    @BeforeEach
    void resetClock() {
        clock.set(START);
        service.configure(15, 7, 60);
    }

    // ---------------------------------------------------------------- fixtures

    private int seq = 1000;

    synchronized String creditCode() {
        String body = Integer.toString(10000000 + seq++);
        String first17 = "91440400" + body + UnifiedSocialCreditCode.orgCodeCheckChar(body);
        return first17 + UnifiedSocialCreditCode.checkChar(first17);
    }

    CompanyInput company(String name) {
        return new CompanyInput(name, creditCode(), "张三明", "一级", "ZH-WY-001", "李经理", "13812345678", "横琴新区宝华路6号", null);
    }

    long estate(String name, long companyId) {
        Estate e = estates.create(new EstateInput(null, name, "横琴新区环岛东路" + (seq++) + "号", "小横琴社区", "440402104",
                new GeoPoint(113.54, 22.13), null, "横琴开发有限公司", companyId, null, new BigDecimal("3.50"), null), "clerk");
        return e.id();
    }

    /** A real account with the permissions its role has in sec_role_permission. */
    SpmPrincipal principal(String username, String name, Role role, DataScope scope, String phone) throws Exception {
        security.ensureAccount(username, name, role, "Complaint@2026ok", null, scope);
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

    ComplaintInput against(long estateId, Long companyId, ComplaintCategory category, List<AttachmentInput> photos) {
        return new ComplaintInput(ComplaintChannel.PORTAL, category, estateId, companyId, null, null,
                "电梯长期故障无人维修", "3 栋 1 单元电梯停运两周，物业一直未修复。", photos);
    }

    Complaint filed(SpmPrincipal by, long estateId, Long companyId) {
        return service.create(by, against(estateId, companyId, ComplaintCategory.COMPLAINT, List.of()));
    }

    Complaint inProgress(SpmPrincipal by, long estateId, Long companyId) {
        Complaint c = filed(by, estateId, companyId);
        c = service.dispatch(regulator, c.id(), c.version(), new Dispatch(officer.accountId(), null, "请核实"));
        return service.accept(officer, c.id(), c.version(), null);
    }

    Complaint resolved(SpmPrincipal by) {
        Complaint c = inProgress(by, estateA, companyA);
        return service.resolve(officer, c.id(), c.version(), "已督促物业于 3 日内修复电梯");
    }

    Deadline deadline(long complaintId) throws Exception {
        try (Connection c = db().dataSource().getConnection()) {
            return deadlines.find(c, "complaint", complaintId).orElseThrow();
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

    long sms(long complaintId, String kind) throws Exception {
        return count("SELECT COUNT(*) FROM ntf_sms_outbox WHERE reference = ? AND kind = ?", "complaint:" + complaintId, kind);
    }

    static ApiException fails(int status, Runnable r) {
        ApiException e = assertThrows(ApiException.class, r::run);
        assertEquals(status, e.status(), e.getMessage());
        return e;
    }

    // ---------------------------------------------------------------- workflow

    @Test
    void ownerFilesWithPhotoAndFollowsTheWholeWorkflow_SVC_CMP_1_2_3_4_OWN_5() throws Exception {
        String photo = photo("owner-1");
        Complaint c = service.create(owner, against(estateA, companyA, ComplaintCategory.COMPLAINT, List.of(new AttachmentInput("电梯", photo))));
        assertEquals(ComplaintStatus.REGISTERED, c.status());
        assertTrue(c.number().matches("TS-2026-\\d{6}"), c.number());
        assertEquals(ComplaintChannel.PORTAL, c.channel());
        assertEquals(owner.accountId(), c.complainantAccountId());
        assertEquals("欧阳明华", c.complainantName(), "the complainant sees their own data");
        assertEquals("+8613912345678", c.complainantPhone(), "the account's phone, normalised");
        assertEquals(List.of(photo), c.photos().stream().map(p -> p.fileId()).toList());
        assertEquals("image/png", c.photos().get(0).contentType());
        assertEquals(1, sms(c.id(), "COMPLAINT_RECEIVED"), "the complainant is told at registration");

        Deadline d = deadline(c.id());
        assertEquals(DeadlineState.RUNNING, d.state());
        assertEquals("COMPLAINT", d.category());
        assertEquals(10, d.amount(), "SLA-1: complaints within 10 working days");
        assertEquals(estateA, d.estateId());
        assertEquals(companyA, d.companyId());
        assertEquals(d.dueAt(), c.dueAt());

        c = service.dispatch(regulator, c.id(), c.version(), new Dispatch(officer.accountId(), null, "请核实电梯情况"));
        assertEquals(ComplaintStatus.DISPATCHED, c.status());
        assertEquals(officer.accountId(), c.assigneeAccountId());
        d = deadline(c.id());
        assertEquals(officer.accountId(), d.assigneeAccountId());
        assertEquals(regulator.accountId(), d.supervisorAccountId(), "the dispatcher supervises");
        assertEquals(1, count("SELECT COUNT(*) FROM ntf_notification WHERE account_id = ? AND kind = 'COMPLAINT_ASSIGNED' AND link = ?",
                officer.accountId(), "/complaints/" + c.id()));

        Complaint seenByOfficer = service.get(officer, c.id());
        assertTrue(seenByOfficer.fullPersonalData(), "the handling officer may contact the complainant (SVC-CMP-3)");
        assertEquals("+8613912345678", seenByOfficer.complainantPhone());
        assertEquals(1, count("SELECT COUNT(*) FROM aud_event WHERE action = 'complaint.view-full' AND actor = 'officer-1' AND object_id = ?",
                Long.toString(c.id())), "full view audited (ID-2)");

        c = service.accept(officer, c.id(), c.version(), "已联系投诉人");
        assertEquals(ComplaintStatus.IN_PROGRESS, c.status());
        Instant dueBefore = deadline(c.id()).dueAt();

        clock.plus(Duration.ofHours(1));
        c = service.waitForComplainant(officer, c.id(), c.version(), "等待投诉人补充维修记录");
        assertEquals(ComplaintStatus.WAITING, c.status());
        assertEquals(DeadlineState.PAUSED, deadline(c.id()).state(), "the clock stops while waiting for the complainant");
        clock.plus(Duration.ofDays(1));
        c = service.resume(officer, c.id(), c.version(), "已收到补充材料");
        assertEquals(ComplaintStatus.IN_PROGRESS, c.status());
        d = deadline(c.id());
        assertEquals(DeadlineState.RUNNING, d.state());
        assertTrue(d.dueAt().isAfter(dueBefore), "the deadline moved by the working time of the pause: " + dueBefore + " -> " + d.dueAt());

        c = service.resolve(officer, c.id(), c.version(), "已督促物业于 3 日内修复电梯");
        assertEquals(ComplaintStatus.RESOLVED, c.status());
        assertEquals(DeadlineState.COMPLETED, deadline(c.id()).state());
        assertEquals(1, sms(c.id(), "COMPLAINT_RESULT"), "feedback by SMS with the result (SVC-CMP-4)");
        assertEquals(1, count("SELECT COUNT(*) FROM ntf_notification WHERE account_id = ? AND kind = 'COMPLAINT_RESULT' AND link = ?",
                owner.accountId(), "/complaints/" + c.id()));

        Complaint mine = service.get(owner, c.id());
        assertEquals("已督促物业于 3 日内修复电梯", mine.result());
        assertEquals(clock.instant(), mine.resolvedAt());
        assertEquals(clock.instant().plus(Duration.ofDays(15)), mine.reopenUntil());
        c = service.close(owner, c.id(), c.version(), "满意");
        assertEquals(ComplaintStatus.CLOSED, c.status());

        List<ComplaintEvent> timeline = service.events(owner, c.id());
        assertEquals(List.of("create", "dispatch", "accept", "wait", "resume", "resolve", "close"),
                timeline.stream().map(ComplaintEvent::action).toList());
        assertEquals("officer-1", timeline.get(5).actor());
        assertEquals("已督促物业于 3 日内修复电梯", timeline.get(5).note());
        assertEquals(7, count("SELECT COUNT(*) FROM aud_event WHERE object_type = 'complaint' AND object_id = ? AND action <> 'complaint.view-full'",
                Long.toString(c.id())), "every step audited");
        // the photo: the complainant, the regulator and the company complained about read it; another owner does not
        ComplaintPhotosAccess policy = new ComplaintPhotosAccess(service);
        files.addPolicy(policy, java.util.Map.of(org.smartproperty.platform.files.FileAccessPolicy.OWNER_KIND, "complaint"));
        assertNotNull(files.get(regulator, photo));
        assertNotNull(files.get(companyUserA, photo));
        fails(404, () -> files.get(otherOwner, photo));
        assertTrue(policy.mayRead(companyUserA, Long.toString(c.id())));
        assertTrue(policy.mayRead(committeeA, Long.toString(c.id())));
        assertFalse(policy.mayRead(companyUserB, Long.toString(c.id())));
        assertFalse(policy.mayRead(otherOwner, Long.toString(c.id())));
    }

    @Test
    void regulatorRegistersAHotlineCallWithTheCallersDataAndEnquiriesGetTwoWorkingDays_SVC_CMP_1_SLA_1() throws Exception {
        ApiException e = fails(400, () -> service.create(regulator, new ComplaintInput(ComplaintChannel.PORTAL, null, null, null, null, null,
                " ", null, null)));
        Set<String> fields = new HashSet<>(e.errors().stream().map(f -> f.field()).toList());
        assertEquals(Set.of("channel", "complainantName", "complainantPhone", "category", "title", "content"), fields, e.errors().toString());

        Complaint c = service.create(regulator, new ComplaintInput(ComplaintChannel.HOTLINE_12345, ComplaintCategory.ENQUIRY, estateB, null,
                "黄小姐", "13698765432", "咨询物业费标准", "来电咨询小区物业费收费标准。", null));
        assertEquals(ComplaintChannel.HOTLINE_12345, c.channel());
        assertNull(c.complainantAccountId());
        assertNull(c.companyId(), "addressed to the regulator");
        assertEquals(2, deadline(c.id()).amount(), "SLA-1: enquiries within 2 working days");
        assertEquals(1, sms(c.id(), "COMPLAINT_RECEIVED"));
        // lists mask personal data; the committee of the estate supervises it, masked
        Complaint listed = service.list(regulator, new ComplaintQuery(null, null, estateB, null), PageRequest.of(0, 50)).items().stream()
                .filter(x -> x.id() == c.id()).findFirst().orElseThrow();
        assertEquals("黄*姐", listed.complainantName());
        assertEquals("+86136****5432", listed.complainantPhone());
        Complaint byCommittee = service.get(committeeB, c.id());
        assertFalse(byCommittee.fullPersonalData());
        assertEquals("黄*姐", byCommittee.complainantName());

        // owners file online only; staff register offline channels only
        fails(400, () -> service.create(owner, new ComplaintInput(ComplaintChannel.PHONE, ComplaintCategory.COMPLAINT, estateA, null, null, null,
                "t", "c", null)));
        // a landline is kept but gets no SMS
        Complaint landline = service.create(officer, new ComplaintInput(ComplaintChannel.PHONE, ComplaintCategory.HELP, null, null,
                "赵先生", "0756-2688888", "求助", "小区门禁坏了", null));
        assertEquals(0, sms(landline.id(), "COMPLAINT_RECEIVED"));
    }

    /** The phones the complaint's SMS of this kind were queued for, in order. */
    List<String> smsPhones(long complaintId, String kind) throws Exception {
        return db().strings("SELECT phone FROM ntf_sms_outbox WHERE reference = ? AND kind = ? ORDER BY id", "complaint:" + complaintId, kind);
    }

    /**
     * Issue 20 item 5 (SVC-CMP-1, SVC-CMP-4): an online filing named any number as complainantPhone
     * and the platform texted it. Online the SMS go to the account's own phone only (AccountDirectory);
     * the number in the body is kept as a contact number and never texted.
     */
    @Test
    void onlineFilingsTextOnlyTheAccountsOwnPhoneNeverTheNumberInTheBody_issue20item5_SVC_CMP_1_SVC_CMP_4() throws Exception {
        String stranger = "13700001111";
        SpmPrincipal filer = principal("owner-sms", "林业主", Role.OWNER, DataScope.owner(9005), "13912340005");
        Complaint c = service.create(filer, new ComplaintInput(ComplaintChannel.MINI_PROGRAM, ComplaintCategory.COMPLAINT, estateA, companyA,
                null, stranger, "电梯故障", "电梯停运", null));
        assertEquals("+8613700001111", c.complainantPhone(), "the body's number is kept as a contact number");
        assertEquals(List.of("+8613912340005"), smsPhones(c.id(), "COMPLAINT_RECEIVED"), "the receipt goes to the account's phone");

        // the result goes to the account's phone as it is when the result is recorded (an administrator changed it)
        security.setPhone("owner-sms", "13912340006");
        c = service.dispatch(regulator, c.id(), c.version(), new Dispatch(officer.accountId(), null, null));
        c = service.accept(officer, c.id(), c.version(), null);
        service.resolve(officer, c.id(), c.version(), "已修复");
        assertEquals(List.of("+8613912340006"), smsPhones(c.id(), "COMPLAINT_RESULT"));

        // a committee without a phone on its account: in-app only, the body's number gets nothing (PORTAL, filing and rejection)
        Complaint oc = service.create(committeeB, new ComplaintInput(ComplaintChannel.PORTAL, ComplaintCategory.COMPLAINT, estateB, null,
                null, stranger, "公共区域被占用", "地下车库被出租", null));
        assertEquals(0, sms(oc.id(), "COMPLAINT_RECEIVED"));
        service.reject(regulator, oc.id(), oc.version(), "不属于受理范围");
        assertEquals(0, sms(oc.id(), "COMPLAINT_RESULT"));
        assertEquals(1, count("SELECT COUNT(*) FROM ntf_notification WHERE account_id = ? AND kind = 'COMPLAINT_RESULT' AND link = ?",
                committeeB.accountId(), "/complaints/" + oc.id()), "the committee is still told in the app");
        assertEquals(0, count("SELECT COUNT(*) FROM ntf_sms_outbox WHERE phone = ?", "+8613700001111"), "the stranger is never texted");

        // registered by the regulator's clerk for a caller: the number the clerk entered is the caller's, and is texted
        Complaint hotline = service.create(officer, new ComplaintInput(ComplaintChannel.HOTLINE_12345, ComplaintCategory.COMPLAINT, estateA,
                null, "周先生", "13700002222", "噪音扰民", "来电反映夜间施工噪音", null));
        assertEquals(List.of("+8613700002222"), smsPhones(hotline.id(), "COMPLAINT_RECEIVED"));
        hotline = service.reject(regulator, hotline.id(), hotline.version(), "转交环保部门");
        assertEquals(List.of("+8613700002222"), smsPhones(hotline.id(), "COMPLAINT_RESULT"));
    }

    @Test
    void unknownEstateOrCompanyAndAnEstateTheCompanyDoesNotManageAre400_SVC_CMP_1() {
        ApiException e = fails(400, () -> service.create(owner, against(999_999, 888_888L, ComplaintCategory.COMPLAINT, null)));
        assertEquals(Set.of("estateId", "companyId"), new HashSet<>(e.errors().stream().map(f -> f.field()).toList()));
        e = fails(400, () -> service.create(owner, against(estateA, companyB, ComplaintCategory.COMPLAINT, null)));
        assertEquals("company.notOfEstate", e.errors().get(0).code());
        long unregistered = estate("未备案企业小区", 777_777L);
        assertEquals(777_777L, service.create(owner, against(unregistered, 777_777L, ComplaintCategory.COMPLAINT, null)).companyId(),
                "the company managing the named estate is accepted even before the registry holds it");
        e = fails(400, () -> service.create(owner, against(unregistered, 777_778L, ComplaintCategory.COMPLAINT, null)));
        assertEquals("company.unknown", e.errors().get(0).code());
        e = fails(400, () -> service.create(committeeA, against(estateB, null, ComplaintCategory.COMPLAINT, null)));
        assertEquals("estate.committee", e.errors().get(0).code(), "a committee complains about its own estate (OCS-8)");
        assertEquals(estateA, service.create(committeeA, new ComplaintInput(null, ComplaintCategory.REPORT, null, companyA, null, null,
                "物业擅自占用公共区域", "地下车库公共区域被出租", null)).estateId(), "defaults to the committee's estate");
    }

    @Test
    void aPdfAsPhotoIs400AndNothingIsWrittenNoSmsQueued_SVC_CMP_1() throws Exception {
        long before = count("SELECT COUNT(*) FROM cpl_complaint");
        long sms = count("SELECT COUNT(*) FROM ntf_sms_outbox");
        long dl = count("SELECT COUNT(*) FROM dl_deadline");
        String pdf = pdf("owner-1");
        ApiException e = fails(400, () -> service.create(owner, against(estateA, companyA, ComplaintCategory.COMPLAINT,
                List.of(new AttachmentInput(null, pdf)))));
        assertEquals("photos[0].fileId", e.errors().get(0).field());
        assertEquals(before, count("SELECT COUNT(*) FROM cpl_complaint"));
        assertEquals(sms, count("SELECT COUNT(*) FROM ntf_sms_outbox"), "the rolled-back registration sends nothing");
        assertEquals(dl, count("SELECT COUNT(*) FROM dl_deadline"));
        fails(400, () -> service.create(owner, against(estateA, companyA, ComplaintCategory.COMPLAINT,
                List.of(new AttachmentInput(null, "no-such-file")))));
    }

    @Test
    void aResolveThatFailsQueuesNoResultSms_SVC_CMP_4() throws Exception {
        Complaint c = inProgress(owner, estateA, companyA);
        fails(412, () -> service.resolve(officer, c.id(), c.version() - 1, "结果"));
        fails(400, () -> service.resolve(officer, c.id(), c.version(), " "));
        fails(403, () -> service.resolve(companyUserA, c.id(), c.version(), "不是承办人"));
        assertEquals(0, sms(c.id(), "COMPLAINT_RESULT"));
        assertEquals(DeadlineState.RUNNING, deadline(c.id()).state(), "the deadline did not complete either");
        assertEquals(ComplaintStatus.IN_PROGRESS, service.get(officer, c.id()).status());
    }

    @Test
    void illegalTransitionsAre409NamingTheAllowedOnes_SVC_CMP_2() {
        Complaint c = filed(owner, estateA, companyA);
        ApiException e = fails(409, () -> service.resolve(officer, c.id(), c.version(), "结果"));
        assertEquals("complaint.illegalTransition", e.code());
        assertEquals("REGISTERED", e.args()[0]);
        assertEquals("DISPATCHED, REJECTED", e.args()[2]);
        assertEquals("投诉当前状态为 REGISTERED，不能改为 RESOLVED；允许的状态变更：DISPATCHED, REJECTED",
                e.source().format(Locale.SIMPLIFIED_CHINESE, e.code(), e.args()));
        fails(409, () -> service.accept(officer, c.id(), c.version(), null));
        fails(409, () -> service.close(owner, c.id(), c.version(), null));
        fails(409, () -> service.reopen(owner, c.id(), c.version(), null));
        fails(409, () -> service.resume(officer, c.id(), c.version(), null));
        fails(400, () -> service.dispatch(regulator, c.id(), c.version(), new Dispatch(null, null, null)));
        fails(400, () -> service.dispatch(regulator, c.id(), c.version(), new Dispatch(companyUserA.accountId(), null, null)));
        fails(403, () -> service.dispatch(companyUserA, c.id(), c.version(), new Dispatch(officer.accountId(), null, null)));
    }

    @Test
    void rejectionNeedsAReasonCancelsTheDeadlineAndTellsTheComplainant_SVC_CMP_2() throws Exception {
        Complaint c = filed(owner, estateA, null);
        fails(400, () -> service.reject(regulator, c.id(), c.version(), null));
        Complaint r = service.reject(regulator, c.id(), c.version(), "不属于物业管理投诉范围，请向市场监管部门反映");
        assertEquals(ComplaintStatus.REJECTED, r.status());
        assertEquals("不属于物业管理投诉范围，请向市场监管部门反映", r.reason());
        assertEquals(DeadlineState.CANCELLED, deadline(c.id()).state());
        assertEquals(1, sms(c.id(), "COMPLAINT_RESULT"));
        ApiException e = fails(409, () -> service.dispatch(regulator, c.id(), r.version(), new Dispatch(officer.accountId(), null, null)));
        assertEquals("无（投诉已结束）", e.source().format(Locale.SIMPLIFIED_CHINESE, "complaint.noTransition"));
    }

    // ---------------------------------------------------------------- scopes

    @Test
    void eachRoleSeesOnlyItsScopeAndOutOfScopeIs404_OWN_5_COS_7_OCS_8() {
        Complaint aboutA = filed(owner, estateA, companyA);
        Complaint aboutB = filed(otherOwner, estateB, companyB);
        Complaint toRegulator = filed(owner, estateB, null);

        assertTrue(ids(regulator).containsAll(List.of(aboutA.id(), aboutB.id(), toRegulator.id())));
        assertTrue(ids(inspector).containsAll(List.of(aboutA.id(), aboutB.id(), toRegulator.id())));
        Set<Long> co = ids(companyUserA);
        assertTrue(co.contains(aboutA.id()));
        assertFalse(co.contains(aboutB.id()), "companies see only complaints about themselves (COS-7)");
        assertFalse(co.contains(toRegulator.id()));
        fails(404, () -> service.get(companyUserA, aboutB.id()));
        fails(404, () -> service.events(companyUserA, aboutB.id()));
        Set<Long> oc = ids(committeeB);
        assertTrue(oc.contains(aboutB.id()) && oc.contains(toRegulator.id()), "the committee supervises its estate (OCS-8)");
        assertFalse(oc.contains(aboutA.id()));
        fails(404, () -> service.get(committeeB, aboutA.id()));
        Set<Long> mine = ids(owner);
        assertTrue(mine.contains(aboutA.id()) && mine.contains(toRegulator.id()));
        assertFalse(mine.contains(aboutB.id()), "owners see what they filed (OWN-5)");
        fails(404, () -> service.get(otherOwner, aboutA.id()));
        fails(404, () -> service.close(otherOwner, aboutA.id(), aboutA.version(), null));
        // filters
        assertEquals(Set.of(aboutB.id()), service.list(regulator, new ComplaintQuery(null, null, null, companyB), PageRequest.of(0, 200))
                .items().stream().filter(x -> x.id() == aboutB.id() || x.id() == aboutA.id()).map(Complaint::id).collect(java.util.stream.Collectors.toSet()));
        assertTrue(service.list(regulator, new ComplaintQuery(ComplaintStatus.CLOSED, null, null, null), PageRequest.of(0, 200)).items().stream()
                .allMatch(x -> x.status() == ComplaintStatus.CLOSED));
        // the one map's counts (issue 17): one grouped query, the same scope as the list
        for (SpmPrincipal p : List.of(regulator, companyUserA, committeeB, owner)) {
            Map<Long, Long> counts = service.countByEstate(p, List.of(estateA, estateB, 987654L));
            for (long estate : List.of(estateA, estateB)) {
                long listed = service.list(p, new ComplaintQuery(null, null, estate, null), PageRequest.of(0, 1)).total();
                assertEquals(listed, counts.getOrDefault(estate, 0L), p.username() + " estate " + estate);
            }
            assertFalse(counts.containsKey(987654L));
        }
        assertFalse(service.countByEstate(companyUserA, List.of(estateB)).containsKey(estateB), "the company's scope");
        assertTrue(service.countByEstate(regulator, List.of()).isEmpty());
    }

    private Set<Long> ids(SpmPrincipal p) {
        Set<Long> out = new HashSet<>();
        for (Complaint c : service.list(p, ComplaintQuery.all(), PageRequest.of(0, 200)).items()) {
            out.add(c.id());
        }
        return out;
    }

    // ---------------------------------------------------------------- verdict (issue 14, CRD-2)

    @Test
    void anUpheldComplaintAgainstACompanyEmitsOneCreditSignalInItsTransaction_CRD_2() throws Exception {
        Complaint c = inProgress(owner, estateA, companyA);
        signals.clear();
        Complaint r = service.resolve(officer, c.id(), c.version(), new Resolution("经查属实，已责令物业整改", true));
        assertEquals(ComplaintStatus.RESOLVED, r.status());
        assertEquals(Boolean.TRUE, r.upheld(), "the verdict is shown with the complaint");
        assertEquals(Boolean.TRUE, service.get(regulator, c.id()).upheld(), "and stored");
        assertEquals(1, signals.size());
        CreditSignal s = signals.get(0);
        assertEquals("COMPLAINT", s.source());
        assertEquals("upheld", s.condition());
        assertEquals(companyA, s.companyId());
        assertEquals("complaint-upheld:" + c.id(), s.key());
        assertEquals(java.time.LocalDate.of(2026, 12, 1), s.occurredOn(), "the clock's day in Asia/Shanghai");
        assertEquals(c.number(), s.reference());
        assertEquals(1, count("SELECT COUNT(*) FROM cpl_event WHERE complaint_id = ? AND action = 'resolve' AND details LIKE ?",
                c.id(), "%\"upheld\":true%"), "the verdict is in the timeline's details");

        // reopened: the verdict goes with the result; upheld again, the signal has the same key (one record per complaint)
        Complaint reopened = service.reopen(owner, c.id(), r.version(), "电梯又坏了");
        assertNull(reopened.upheld());
        Complaint again = service.dispatch(regulator, c.id(), reopened.version(), new Dispatch(officer.accountId(), null, null));
        again = service.accept(officer, c.id(), again.version(), null);
        service.resolve(officer, c.id(), again.version(), new Resolution("再次查实", true));
        assertEquals(2, signals.size());
        assertEquals(signals.get(0).key(), signals.get(1).key());
    }

    @Test
    void aVerdictNotUpheldOrNoneOrWithoutACompanyEmitsNothing_CRD_2() {
        signals.clear();
        Complaint notUpheld = inProgress(owner, estateA, companyA);
        assertEquals(Boolean.FALSE, service.resolve(officer, notUpheld.id(), notUpheld.version(), new Resolution("经查不属实", false)).upheld());
        Complaint none = inProgress(owner, estateA, companyA);
        assertNull(service.resolve(officer, none.id(), none.version(), "已督促物业修复").upheld(), "no verdict given");
        Complaint toRegulator = inProgress(owner, estateA, null);
        assertEquals(Boolean.TRUE, service.resolve(officer, toRegulator.id(), toRegulator.version(), new Resolution("属实", true)).upheld(),
                "kept, but there is no company to report");
        assertEquals(List.of(), signals);
    }

    @Test
    void theCompanyComplainedAboutGivesNoVerdictAndARefusalWritesNothing_CRD_2() throws Exception {
        Complaint c = filed(owner, estateA, companyA);
        Complaint f = service.dispatch(regulator, c.id(), c.version(), new Dispatch(null, true, null));
        Complaint a = service.accept(companyUserA, c.id(), f.version(), null);
        signals.clear();
        for (Boolean verdict : new Boolean[] {true, false}) {
            ApiException e = fails(400, () -> service.resolve(companyUserA, c.id(), a.version(), new Resolution("已修复", verdict)));
            assertEquals("upheld", e.errors().get(0).field());
            assertEquals("upheld.byCompany", e.errors().get(0).code());
        }
        assertEquals(ComplaintStatus.IN_PROGRESS, service.get(regulator, c.id()).status(), "nothing half-written");
        assertEquals(List.of(), signals);
        assertNull(service.resolve(companyUserA, c.id(), a.version(), new Resolution("已修复", null)).upheld(), "without a verdict it resolves");
    }

    @Test
    void withoutTheCreditDomainAnUpheldVerdictIs503AndNothingIsWritten_CRD_2() {
        ComplaintService alone = ComplaintServiceImpl.standalone(complaintUnit, audit, files, deadlines, new SmsOutboxImpl(db().dataSource(), clock),
                new NotificationsImpl(db().dataSource(), clock), security, estates, companies, clock);
        Complaint c = inProgress(owner, estateA, companyA);
        assertEquals(503, assertThrows(ApiException.class,
                () -> alone.resolve(officer, c.id(), c.version(), new Resolution("属实", true))).status());
        assertEquals(ComplaintStatus.IN_PROGRESS, service.get(regulator, c.id()).status(), "rolled back whole");
        assertEquals(Boolean.FALSE, alone.resolve(officer, c.id(), c.version(), new Resolution("不属实", false)).upheld(),
                "a verdict that reports nothing needs no credit domain");
    }

    @Test
    void forwardedToTheCompanyItsUserHandlesItAndAnotherCompanyCannot_SVC_CMP_2_COS_7() throws Exception {
        Complaint c = filed(owner, estateA, companyA);
        Complaint f = service.dispatch(regulator, c.id(), c.version(), new Dispatch(null, true, "请物业公司处理并回复"));
        assertTrue(f.forwardedToCompany());
        assertEquals(1, count("SELECT COUNT(*) FROM ntf_notification WHERE account_id = ? AND kind = 'COMPLAINT_ASSIGNED' AND link = ?",
                companyUserA.accountId(), "/complaints/" + c.id()));
        fails(404, () -> service.accept(companyUserB, c.id(), f.version(), null));
        Complaint a = service.accept(companyUserA, c.id(), f.version(), "客服已联系业主");
        assertEquals(companyUserA.accountId(), a.assigneeAccountId());
        assertEquals(companyUserA.accountId(), deadline(c.id()).assigneeAccountId());
        assertTrue(service.get(companyUserA, c.id()).fullPersonalData(), "the company handling it may call the complainant");
        Complaint r = service.resolve(companyUserA, c.id(), a.version(), "电梯已修复并通过检验");
        assertEquals(ComplaintStatus.RESOLVED, r.status());
        // a complaint to the regulator cannot be forwarded
        Complaint reg = filed(owner, estateA, null);
        fails(409, () -> service.dispatch(regulator, reg.id(), reg.version(), new Dispatch(null, true, null)));
    }

    // ---------------------------------------------------------------- reopen window, auto-close

    @Test
    void theComplainantReopensWithinTheWindowNotAfterIt_OWN_5_SVC_CMP_4() throws Exception {
        Complaint c = resolved(owner);
        Instant resultAt = clock.instant();
        fails(403, () -> service.reopen(regulator, c.id(), c.version(), "不是投诉人"));
        clock.set(resultAt.plus(Duration.ofDays(15)));
        Complaint re = service.reopen(owner, c.id(), c.version(), "电梯仍未修好");
        assertEquals(ComplaintStatus.REOPENED, re.status());
        assertNull(re.assigneeAccountId());
        Deadline d = deadline(c.id());
        assertEquals(DeadlineState.RUNNING, d.state(), "the deadline starts again");
        assertEquals(clock.instant(), d.startedAt());

        Complaint again = service.dispatch(regulator, re.id(), re.version(), new Dispatch(officer2.accountId(), null, null));
        again = service.accept(officer2, again.id(), again.version(), null);
        again = service.resolve(officer2, again.id(), again.version(), "已更换电梯控制板");
        Instant secondResult = clock.instant();
        again = service.close(owner, again.id(), again.version(), null);
        clock.set(secondResult.plus(Duration.ofDays(15)).plusSeconds(1));
        long v = again.version();
        ApiException e = fails(409, () -> service.reopen(owner, c.id(), v, "还是坏的"));
        assertEquals("complaint.reopenWindow", e.code());
        assertEquals(15, e.args()[1]);
        assertTrue(e.source().format(Locale.ENGLISH, e.code(), e.args()).contains("within 15 days"));
        assertEquals(ComplaintStatus.CLOSED, service.get(owner, c.id()).status());
        assertEquals(List.of("create", "dispatch", "accept", "resolve", "reopen", "dispatch", "accept", "resolve", "close"),
                service.events(owner, c.id()).stream().map(ComplaintEvent::action).toList());
    }

    @Test
    void theReopenWindowIsConfigurableAndInvalidSettingsAreRefused() {
        assertFalse(service.configure(0, 7, 60), "a window below 1 day is refused");
        assertFalse(service.configure(15, 0, 60));
        assertEquals(15, service.settings().reopenWindowDays(), "the settings in force stay");
        assertTrue(service.configure(3, 7, 60));
        Complaint c = resolved(owner);
        clock.plus(Duration.ofDays(3).plusMinutes(1));
        ApiException e = fails(409, () -> service.reopen(owner, c.id(), c.version(), null));
        assertEquals(3, e.args()[1]);
    }

    @Test
    void unconfirmedResultsCloseAutomaticallyOnceAfterTheConfiguredDays_SVC_CMP_4() {
        Complaint c = resolved(owner);
        clock.plus(Duration.ofDays(7).minusMinutes(1));
        service.closeUnconfirmed();
        assertEquals(ComplaintStatus.RESOLVED, service.get(owner, c.id()).status());
        clock.plus(Duration.ofMinutes(2));
        assertTrue(service.closeUnconfirmed() >= 1);
        assertEquals(0, service.closeUnconfirmed(), "once");
        Complaint closed = service.get(owner, c.id());
        assertEquals(ComplaintStatus.CLOSED, closed.status());
        ComplaintEvent last = service.events(owner, c.id()).get(service.events(owner, c.id()).size() - 1);
        assertEquals("autoClose", last.action());
        assertEquals("system", last.actor());
        // still within the reopen window (15 days): the complainant may reopen a closed complaint
        assertEquals(ComplaintStatus.REOPENED, service.reopen(owner, c.id(), closed.version(), "并未修好").status());
    }

    @Test
    void complaintNumbersAreUniqueAndCountPerYear_SVC_CMP_1() {
        Complaint a = filed(owner, estateA, null);
        Complaint b = filed(owner, estateA, null);
        assertTrue(b.number().compareTo(a.number()) > 0, a.number() + " < " + b.number());
        clock.set(Instant.parse("2027-01-04T02:00:00Z"));
        assertEquals("TS-2027-000001", filed(owner, estateA, null).number());
    }
}
