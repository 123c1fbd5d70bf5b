package org.smartproperty.committee.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smartproperty.estate.internal.EstateServiceImpl;
import org.smartproperty.committee.Change;
import org.smartproperty.committee.Committee;
import org.smartproperty.committee.CommitteeInput;
import org.smartproperty.committee.CommitteeQuery;
import org.smartproperty.committee.CommitteeStatus;
import org.smartproperty.committee.Filing;
import org.smartproperty.committee.FilingInput;
import org.smartproperty.platform.files.Attachment;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.internal.FileStoreImpl;
import org.smartproperty.committee.FilingStatus;
import org.smartproperty.committee.MemberInput;
import org.smartproperty.committee.Position;
import org.smartproperty.committee.PublicCommittee;
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
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * Behaviour of the owners' committee registry (SUP-OC-1, OCS-2), members (SUP-OC-2, OCS-3, rule
 * OC-1), filing (OCS-4, rule OC-2) and public list (DIS-2, ID-2) on a real database with the real
 * estate service answering ownership; run on PostgreSQL and on the embedded engine by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CommitteeServiceContract {

    abstract TestDatabase db();

    CommitteeServiceImpl service;
    EstateService estates;
    EntityManagerFactory committeeUnit;

    /** The audit trail is another component: here it records what the services hand it, on their own connection. */
    final List<AuditEvent> audited = new java.util.concurrent.CopyOnWriteArrayList<>();
    final AuditTrail audit = new AuditTrail() {
        @Override
        public void append(java.sql.Connection sameTransaction, AuditEvent event) {
            assertNotNull(sameTransaction, "written on the service's connection");
            audited.add(event);
        }

        @Override
        public void append(AuditEvent event) {
            audited.add(event);
        }
    };
    static final DataScope ALL = DataScope.ALL;
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @BeforeAll
    void setUp() throws Exception {
        db().migrate("db/estate.changelog.xml");
        db().migrate("db/committee.changelog.xml");
        db().migrate("db/files.changelog.xml");
        db().migrate("db/security.changelog.xml");
        db().migrate("db/notification.changelog.xml");
        files = new FileStoreImpl(db().dataSource(), java.nio.file.Files.createTempDirectory("spm-files"));
        estates = EstateServiceImpl.standalone(db().jpa("estate"), audit);
        // TestDatabase keeps one unit; the committee unit is a second one over the same schema
        committeeUnit = JpaUnits.create("committee", db().dataSource(), Thread.currentThread().getContextClassLoader());
        service = new CommitteeServiceImpl(committeeUnit, audit, estates, files);
    }

    @AfterAll
    void tearDown() {
        if (committeeUnit != null) {
            committeeUnit.close();
        }
    }

    private int seq;

    private synchronized int next() {
        return ++seq;
    }

    /** An estate (optionally managed by a company) with {@code owners} houses, one owner each. */
    record Fixture(long estateId, List<Long> owners) {
    }

    Fixture estate(String name, Long companyId, int owners) {
        Estate e = estates.create(new EstateInput(null, name, "横琴新区环岛东路" + next() + "号", "小横琴社区", "440402104",
                new GeoPoint(113.54, 22.13), null, "横琴开发有限公司", companyId, null, new BigDecimal("3.50"), null), "clerk");
        Building b = estates.createBuilding(e.id(), new BuildingInput(next() + "栋", null, 20, 0, List.of("1单元")), "clerk");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < owners; i++) {
            int n = next();
            String first17 = "44040219800101" + String.format("%03d", n);
            OwnerInput owner = new OwnerInput("业主" + n, IdType.CN_RESIDENT_ID, first17 + IdDocuments.cnCheckDigit(first17), "13800000" + String.format("%03d", n), null);
            House h = estates.createHouse(e.id(), new HouseInput(String.format("440402104001GB%05dF%08d", 900 + n, n), b.id(), "1单元",
                    1 + i / 4, (1 + i / 4) + "0" + (1 + i % 4), HouseUse.RESIDENTIAL, new BigDecimal("88.50"), null, null, List.of(owner)), "clerk");
            ids.add(h.owners().get(0).id());
        }
        return new Fixture(e.id(), ids);
    }

    static List<MemberInput> members(List<Long> owners, int n) {
        List<MemberInput> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ms.add(new MemberInput(owners.get(i), i == 0 ? "欧阳明华" : "委员" + i, "1391234567" + (i % 10),
                    i == 0 ? Position.HEAD : i == 1 ? Position.DEPUTY : Position.MEMBER));
        }
        return ms;
    }

    static CommitteeInput input(Fixture f, int members, LocalDate electedOn) {
        return new CommitteeInput(f.estateId(), "业主委员会", "13912345678", "横琴新区宝华路6号", 7L, electedOn,
                electedOn.plusDays(1), electedOn.plusYears(5), members(f.owners(), members));
    }

    FileStoreImpl files;

    /** A filing form with two PDFs {@code actor} has just uploaded through the real file store. */
    FilingInput form(String actor) {
        return new FilingInput(List.of(new AttachmentInput("选举结果公告", upload(actor, "election.pdf")),
                new AttachmentInput("业主大会议事规则", upload(actor, "rules.pdf"))), "首次备案");
    }

    String upload(String actor, String name) {
        byte[] pdf = ("%PDF-1.4\n% " + name + " " + System.nanoTime() + "\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return files.upload(new java.io.ByteArrayInputStream(pdf), name, actor).id();
    }

    static int status(Runnable r) {
        return assertThrows(ApiException.class, r::run).status();
    }

    // ---------------------------------------------------------------- registry and members

    @Test
    void createdCommitteeIsActiveWithHeadMembersAndVersion_SUP_OC_1_SUP_OC_2() {
        Fixture f = estate("登记小区", null, 5);
        Committee c = service.create(input(f, 5, TODAY), "regulator");
        assertEquals(CommitteeStatus.ACTIVE, c.status());
        assertEquals(5, c.members().size());
        assertEquals(f.owners().get(0), c.headOwnerId());
        assertEquals("欧阳明华", c.headName(), "the registry shows full data to committee:read");
        assertEquals(c.version(), service.get(ALL, c.id()).version());
        assertEquals(5, service.members(ALL, c.id()).size());
        assertEquals(null, c.filingStatus());
    }

    /** Issue 12 item 3: the binder's view of a committee, on this engine. */
    @Test
    void membersInOfficeBindToTheirCommitteeTheHeadAndDeputyEditAndRemovalOrTheTermEndEndsIt_OCS_1_OCS_2() throws Exception {
        Fixture f = estate("绑定小区", null, 6);
        Committee c = service.create(input(f, 5, TODAY.minusDays(2)), "regulator");
        CommitteeBinder binder = new CommitteeBinder(estates);
        org.smartproperty.platform.security.AccountIdentity head = identity(f.owners().get(0));
        org.smartproperty.platform.security.AccountIdentity deputy = identity(f.owners().get(1));
        org.smartproperty.platform.security.AccountIdentity member = identity(f.owners().get(2));
        org.smartproperty.platform.security.AccountIdentity outsider = identity(f.owners().get(5));

        List<org.smartproperty.platform.security.Binding> h = bindings(binder, head);
        assertEquals(1, h.size(), h.toString());
        assertEquals("committee:" + c.id(), h.get(0).key());
        assertEquals(org.smartproperty.platform.security.Role.COMMITTEE, h.get(0).role());
        assertEquals(java.util.Set.of(f.estateId()), h.get(0).scope().estateIds());
        assertEquals(java.util.Set.of(CommitteeBinder.EDIT_OWN), h.get(0).permissions());
        assertEquals(java.util.Set.of(CommitteeBinder.EDIT_OWN), bindings(binder, deputy).get(0).permissions());
        assertEquals(java.util.Set.of(), bindings(binder, member).get(0).permissions(), "a plain member reads");
        assertEquals(List.of(), bindings(binder, outsider), "an owner of the estate who is no member");

        // removed from office: no binding; the newcomer has one
        List<MemberInput> ms = new ArrayList<>(members(f.owners(), 5));
        ms.set(2, new MemberInput(f.owners().get(5), "新委员", null, Position.MEMBER));
        service.replaceMembers(ALL, c.id(), service.get(ALL, c.id()).version(), ms, "regulator");
        assertEquals(List.of(), bindings(binder, member));
        assertEquals(1, bindings(binder, outsider).size());

        // the term ends by the calendar: nobody acts as the committee any more
        try (java.sql.Connection conn = db().dataSource().getConnection(); java.sql.PreparedStatement ps =
                conn.prepareStatement("UPDATE ocm_committee SET term_end = ? WHERE id = ?")) {
            ps.setDate(1, java.sql.Date.valueOf(TODAY.minusDays(1)));
            ps.setLong(2, c.id());
            ps.executeUpdate();
        }
        assertEquals(List.of(), bindings(binder, head));
        assertEquals(List.of(), bindings(binder, deputy));
        assertEquals(List.of(), new CommitteeBinder(null).bindings(null, head), "without the estate domain: no binding, no failure");
    }

    org.smartproperty.platform.security.AccountIdentity identity(long ownerId) throws Exception {
        try (java.sql.Connection conn = db().dataSource().getConnection();
             java.sql.PreparedStatement ps = conn.prepareStatement("SELECT id_number FROM est_owner WHERE id = ?")) {
            ps.setLong(1, ownerId);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new org.smartproperty.platform.security.AccountIdentity(ownerId, "gd-tyrz", "111", rs.getString(1), null);
            }
        }
    }

    List<org.smartproperty.platform.security.Binding> bindings(CommitteeBinder binder, org.smartproperty.platform.security.AccountIdentity who)
            throws Exception {
        try (java.sql.Connection conn = db().dataSource().getConnection()) {
            return binder.bindings(conn, who);
        }
    }

    @Test
    void fourSixAndThirteenMembersAre400_OC_1() {
        Fixture f = estate("人数小区", null, 13);
        for (int n : new int[] {4, 6, 13}) {
            ApiException ex = assertThrows(ApiException.class, () -> service.create(input(f, n, TODAY), "regulator"));
            assertEquals(400, ex.status(), n + " members");
            assertTrue(ex.errors().stream().anyMatch(e -> e.field().equals("members") && e.code().equals("members.count")), n + ": " + ex.errors());
        }
        assertEquals(0, service.list(ALL, new CommitteeQuery(f.estateId(), null), PageRequest.of(0, 5)).total(), "nothing written");
        assertEquals(11, service.create(input(f, 11, TODAY), "regulator").members().size(), "11 is allowed");
    }

    @Test
    void memberWhoOwnsNoHouseInTheEstateIs400NamingTheMember_OC_1() {
        Fixture f = estate("业主小区", null, 5);
        Fixture other = estate("别的小区", null, 1);
        List<MemberInput> ms = new ArrayList<>(members(f.owners(), 5));
        ms.set(3, new MemberInput(other.owners().get(0), "外来人", null, Position.MEMBER));
        CommitteeInput in = new CommitteeInput(f.estateId(), "业主委员会", null, null, null, TODAY, TODAY, TODAY.plusYears(5), ms);
        ApiException ex = assertThrows(ApiException.class, () -> service.create(in, "regulator"));
        assertEquals(400, ex.status());
        assertEquals("members[3].ownerId", ex.errors().get(0).field());
        assertEquals("members.notOwner", ex.errors().get(0).code());
        String text = org.smartproperty.committee.CommitteeMessages.TEXTS.format(Locale.ENGLISH, "members.notOwner", "外来人", other.owners().get(0));
        assertTrue(text.contains("外来人") && text.contains(String.valueOf(other.owners().get(0))), text);
    }

    @Test
    void membersNeedExactlyOneHeadAndNoOwnerTwice_OC_1() {
        Fixture f = estate("主任小区", null, 5);
        List<MemberInput> ms = new ArrayList<>(members(f.owners(), 5));
        ms.set(0, new MemberInput(f.owners().get(0), "甲", null, Position.MEMBER));
        ms.set(4, new MemberInput(f.owners().get(1), "乙", null, Position.MEMBER));
        CommitteeInput in = new CommitteeInput(f.estateId(), "业主委员会", null, null, null, TODAY, TODAY, TODAY.plusYears(5), ms);
        ApiException ex = assertThrows(ApiException.class, () -> service.create(in, "regulator"));
        List<String> codes = ex.errors().stream().map(e -> e.field() + ":" + e.code()).toList();
        assertTrue(codes.containsAll(List.of("members:members.head", "members[4].ownerId:members.duplicate")), codes.toString());
    }

    @Test
    void replacingMembersIsValidatedAndKeptInTheHistory_OC_1_OCS_3_OCS_2() {
        Fixture f = estate("换届小区", null, 7);
        Committee c = service.create(input(f, 5, TODAY), "regulator");
        assertEquals(400, status(() -> service.replaceMembers(ALL, c.id(), c.version(), members(f.owners(), 6), "regulator")));
        Committee seven = service.replaceMembers(ALL, c.id(), c.version(), members(f.owners(), 7), "regulator");
        assertEquals(7, seven.members().size());
        assertNotEquals(c.version(), seven.version());
        assertEquals(412, status(() -> service.replaceMembers(ALL, c.id(), c.version(), members(f.owners(), 5), "regulator")));
        Change last = service.history(ALL, c.id()).get(0);
        assertEquals("members", last.action());
        assertTrue(last.changes().get(0).after().contains(String.valueOf(f.owners().get(6))), last.toString());
    }

    @Test
    void detailChangesAreKeptInTheHistoryNewestFirst_OCS_2() {
        Fixture f = estate("变更小区", null, 5);
        Committee c = service.create(input(f, 5, TODAY), "regulator");
        CommitteeInput changed = new CommitteeInput(null, "第二届业主委员会", "13912345678", "横琴新区宝华路8号", 7L, TODAY,
                TODAY.plusDays(1), TODAY.plusYears(5), null);
        Committee u = service.update(ALL, c.id(), c.version(), changed, "regulator-b");
        assertEquals("第二届业主委员会", u.name());
        assertEquals(412, status(() -> service.update(ALL, c.id(), c.version(), changed, "regulator")));
        List<Change> history = service.history(ALL, c.id());
        assertEquals(List.of("update", "create"), history.stream().map(Change::action).toList());
        assertEquals("regulator-b", history.get(0).changedBy());
        assertEquals(List.of("name", "address"), history.get(0).changes().stream().map(Change.FieldChange::field).toList());
        assertEquals("业主委员会", history.get(0).changes().get(0).before());
        assertEquals("第二届业主委员会", history.get(0).changes().get(0).after());
    }

    @Test
    void aNewCommitteeEndsThePreviousOneOfTheEstateAndHistoryStays_SUP_OC_1() {
        Fixture f = estate("一届小区", null, 5);
        Committee first = service.create(input(f, 5, TODAY.minusYears(5)), "regulator");
        Committee second = service.create(input(f, 5, TODAY), "regulator");
        Committee ended = service.get(ALL, first.id());
        assertEquals(CommitteeStatus.ENDED, ended.status());
        assertEquals(TODAY, ended.termEnd(), "the old term closes the day before the new one starts");
        assertEquals(CommitteeStatus.ACTIVE, service.get(ALL, second.id()).status());
        assertEquals(1, service.list(ALL, new CommitteeQuery(f.estateId(), CommitteeStatus.ACTIVE), PageRequest.of(0, 5)).total(),
                "one committee per estate at a time");
        assertEquals(2, service.list(ALL, new CommitteeQuery(f.estateId(), null), PageRequest.of(0, 5)).total(), "history kept");
        assertEquals("end", service.history(ALL, first.id()).get(0).action());
        assertEquals(409, status(() -> service.update(ALL, first.id(), ended.version(), input(f, 5, TODAY), "regulator")),
                "an ended committee is not edited");
    }

    @Test
    void invalidDetailsReportEveryFieldAndUnknownEstate() {
        CommitteeInput bad = new CommitteeInput(987654321L, " ", "abc", null, null, null, TODAY, TODAY.minusDays(1), List.of());
        ApiException ex = assertThrows(ApiException.class, () -> service.create(bad, "regulator"));
        List<String> codes = ex.errors().stream().map(e -> e.field() + ":" + e.code()).toList();
        assertTrue(codes.containsAll(List.of("name:field.required", "phone:phone.format", "electedOn:field.required",
                "termEnd:term.order", "estateId:estate.unknown", "members:members.count")), codes.toString());
    }

    // ---------------------------------------------------------------- filing

    @Test
    void headFilesWithinTheDeadlineAndTheRegulatorApproves_OCS_4_OC_2() {
        Fixture f = estate("备案小区", null, 5);
        Committee c = service.create(input(f, 5, TODAY.minusDays(30)), "regulator");
        DataScope head = DataScope.committee(f.estateId());
        Filing filed = service.submitFiling(head, c.id(), form("head"), "head");
        assertEquals(FilingStatus.SUBMITTED, filed.status());
        assertEquals(List.of("选举结果公告", "业主大会议事规则"), filed.materials().stream().map(Attachment::title).toList());
        assertEquals("election.pdf", filed.materials().get(0).name());
        assertEquals(409, status(() -> service.submitFiling(head, c.id(), form("head"), "head")), "one round under review");
        Filing approved = service.approve(c.id(), filed.id(), filed.version(), null, "regulator");
        assertEquals(FilingStatus.APPROVED, approved.status());
        assertEquals("regulator", approved.decidedBy());
        assertEquals(FilingStatus.APPROVED, service.get(head, c.id()).filingStatus());
        assertEquals(409, status(() -> service.submitFiling(head, c.id(), form("head"), "head")), "a filed committee does not file again");
    }

    @Test
    void filingMaterialsAreReadByTheRegulatorAndTheCommitteeButNotByCompaniesOrOwners_SUP_OC_2_ID_2() {
        Fixture f = estate("材料小区", null, 5);
        Committee c = service.create(input(f, 5, TODAY.minusDays(3)), "regulator");
        Filing filed = service.submitFiling(DataScope.committee(f.estateId()), c.id(), form("head-m"), "head-m");
        String fileId = filed.materials().get(0).fileId();
        FilingMaterialsAccess policy = new FilingMaterialsAccess((CommitteeServiceImpl) service);
        java.util.Map<String, Object> props = java.util.Map.of(org.smartproperty.platform.files.FileAccessPolicy.OWNER_KIND,
                CommitteeServiceImpl.FILING_FILES);
        files.addPolicy(policy, props);
        try {
            assertEquals(fileId, files.get(reader("regulator", ALL), fileId).id());
            assertEquals(fileId, files.get(reader("secretary", DataScope.committee(f.estateId())), fileId).id());
            assertEquals(404, status(() -> files.get(reader("other-committee", DataScope.committee(f.estateId() + 1000)), fileId)));
            assertEquals(404, status(() -> files.get(reader("company", DataScope.company(1)), fileId)));
            ApiException none = assertThrows(ApiException.class,
                    () -> service.submitFiling(DataScope.committee(f.estateId()), c.id(), new FilingInput(List.of(), null), "head-m"));
            assertEquals("materials", none.errors().get(0).field());
        } finally {
            files.removePolicy(policy, props);
        }
    }

    static org.smartproperty.platform.security.SpmPrincipal reader(String name, DataScope scope) {
        return new org.smartproperty.platform.security.SpmPrincipal(7, name, java.util.Set.of(org.smartproperty.platform.security.Role.OFFICER),
                java.util.Set.of("committee:read", "file:read"), scope, false, "127.0.0.1");
    }

    @Test
    void filingMoreThanThirtyDaysAfterTheElectionIs409NamingTheDeadline_OC_2() {
        Fixture f = estate("逾期小区", null, 5);
        Committee c = service.create(input(f, 5, TODAY.minusDays(31)), "regulator");
        ApiException ex = assertThrows(ApiException.class, () -> service.submitFiling(DataScope.committee(f.estateId()), c.id(), form("head"), "head"));
        assertEquals(409, ex.status());
        assertEquals("committee.filingLate", ex.code());
        assertEquals(TODAY.minusDays(1).toString(), ex.args()[0]);
        assertTrue(ex.getMessage().contains(TODAY.minusDays(1).toString()), ex.getMessage());
        assertTrue(service.filings(ALL, c.id()).isEmpty());
    }

    @Test
    void returnNeedsAReasonAndTheHeadResubmits_OCS_4_SUP_OC_2() {
        Fixture f = estate("退回小区", null, 5);
        Committee c = service.create(input(f, 5, TODAY), "regulator");
        DataScope head = DataScope.committee(f.estateId());
        Filing first = service.submitFiling(head, c.id(), form("head"), "head");
        ApiException noReason = assertThrows(ApiException.class, () -> service.returnFiling(c.id(), first.id(), first.version(), " ", "regulator"));
        assertEquals(400, noReason.status());
        assertEquals("reason", noReason.errors().get(0).field());
        Filing returned = service.returnFiling(c.id(), first.id(), first.version(), "缺少选举记录", "regulator");
        assertEquals(FilingStatus.RETURNED, returned.status());
        Filing second = service.submitFiling(head, c.id(), form("head"), "head");
        assertEquals(List.of(second.id(), first.id()), service.filings(head, c.id()).stream().map(Filing::id).toList());
        assertEquals("缺少选举记录", service.filings(head, c.id()).get(1).reason());
    }

    @Test
    void illegalTransitionIs409NamingTheAllowedOnes_OCS_4() {
        Fixture f = estate("转换小区", null, 5);
        Committee c = service.create(input(f, 5, TODAY), "regulator");
        Filing sub = service.submitFiling(DataScope.committee(f.estateId()), c.id(), form("head"), "head");
        Filing returned = service.returnFiling(c.id(), sub.id(), sub.version(), "材料不全", "regulator");
        ApiException ex = assertThrows(ApiException.class, () -> service.approve(c.id(), sub.id(), returned.version(), null, "regulator"));
        assertEquals(409, ex.status());
        assertEquals("filing.illegalTransition", ex.code());
        assertEquals("RETURNED", ex.args()[0]);
        assertEquals(412, status(() -> service.approve(c.id(), sub.id(), sub.version(), null, "regulator")), "stale If-Match first");
        assertEquals(List.of(FilingStatus.APPROVED, FilingStatus.RETURNED), FilingStatus.SUBMITTED.next());
        assertTrue(FilingStatus.APPROVED.next().isEmpty());
    }

    @Test
    void onlyTheCommitteeOfTheEstateFiles_OCS_4() {
        Fixture f = estate("他人小区", null, 5);
        Committee c = service.create(input(f, 5, TODAY), "regulator");
        assertEquals(404, status(() -> service.submitFiling(DataScope.committee(f.estateId() + 100000), c.id(), form("other-head"), "other-head")));
        assertEquals(409, status(() -> service.submitFiling(ALL, c.id(), form("regulator"), "regulator")));
    }

    // ---------------------------------------------------------------- scope, reminders, disclosure, config

    @Test
    void committeesOutsideTheScopeAre404_SUP_OC_1() {
        Fixture mine = estate("范围小区甲", 501L, 5);
        Fixture theirs = estate("范围小区乙", 502L, 5);
        Committee a = service.create(input(mine, 5, TODAY), "regulator");
        Committee b = service.create(input(theirs, 5, TODAY), "regulator");
        assertEquals(a.id(), service.get(DataScope.committee(mine.estateId()), a.id()).id());
        assertEquals(404, status(() -> service.get(DataScope.committee(mine.estateId()), b.id())));
        assertEquals(a.id(), service.get(DataScope.company(501L), a.id()).id());
        assertEquals(404, status(() -> service.get(DataScope.company(501L), b.id())));
        assertEquals(404, status(() -> service.members(DataScope.company(501L), b.id())));
        assertEquals(404, status(() -> service.history(DataScope.company(501L), b.id())));
        assertEquals(a.id(), service.get(DataScope.owner(mine.owners().get(2)), a.id()).id());
        assertEquals(404, status(() -> service.get(DataScope.owner(mine.owners().get(2)), b.id())));
        assertEquals(404, status(() -> service.get(DataScope.NONE, a.id())));
        assertEquals(404, status(() -> service.get(ALL, 987654321L)));
        Page<Committee> companyList = service.list(DataScope.company(501L), CommitteeQuery.all(), PageRequest.of(0, 50));
        assertEquals(List.of(a.id()), companyList.items().stream().map(Committee::id).toList());
        assertEquals(List.of(b.id()), service.list(DataScope.owner(theirs.owners().get(0)), CommitteeQuery.all(), PageRequest.of(0, 50))
                .items().stream().map(Committee::id).toList());
        assertEquals(0, service.list(DataScope.NONE, CommitteeQuery.all(), PageRequest.of(0, 5)).total());
    }

    @Test
    void committeesWhoseTermEndsWithinTheLeadTimeAreDueForAReminder_OC_2() {
        Fixture soon = estate("到期小区", null, 5);
        Fixture later = estate("未到期小区", null, 5);
        LocalDate day = LocalDate.of(2040, 1, 1);
        CommitteeInput s = input(soon, 5, day.minusYears(5));
        Committee dueSoon = service.create(new CommitteeInput(s.estateId(), s.name(), null, null, null, s.electedOn(), s.termStart(),
                day.plusDays(60), s.members()), "regulator");
        Committee notYet = service.create(new CommitteeInput(later.estateId(), s.name(), null, null, null, s.electedOn(), s.termStart(),
                day.plusDays(61), members(later.owners(), 5)), "regulator");
        List<Long> due = service.dueForTermReminder(day).stream().map(Committee::id).toList();
        assertTrue(due.contains(dueSoon.id()), due.toString());
        assertFalse(due.contains(notYet.id()), due.toString());
        assertTrue(service.dueForTermReminder(day.plusDays(1)).stream().anyMatch(c -> c.id() == notYet.id()));
    }

    @Test
    void aCommitteeWhoseTermEndsSoonIsRemindedOnceInAppAndBySms_OC_2() throws Exception {
        Fixture f = estate("届满提醒小区", null, 5);
        Committee c = service.create(input(f, 5, TODAY.minusDays(2)), "regulator");
        org.smartproperty.platform.security.internal.SecurityServiceImpl security =
                org.smartproperty.platform.security.internal.SecurityServiceImpl.standalone(db().dataSource());
        String account = "oc-" + f.estateId();
        security.ensureAccount(account, "业委会账号", org.smartproperty.platform.security.Role.COMMITTEE, "Reminder@2026ok", null,
                DataScope.committee(f.estateId()));
        java.time.Clock clock = java.time.Clock.systemUTC();
        TermReminderJob job = new TermReminderJob((CommitteeServiceImpl) service, security,
                new org.smartproperty.notification.internal.NotificationsImpl(db().dataSource(), clock),
                new org.smartproperty.notification.internal.SmsOutboxImpl(db().dataSource(), clock), db().dataSource());

        assertEquals(0, reminders(c.id()), "61 days before the end: not yet");
        job.run(c.termEnd().minusDays(61));
        assertEquals(0, reminders(c.id()));
        job.run(c.termEnd().minusDays(60));
        job.run(c.termEnd().minusDays(59));
        assertEquals(1, reminders(c.id()), "reminded once, however often the job runs");
        long accountId = security.accountsOf(DataScope.committee(f.estateId())).get(0).accountId();
        assertEquals(1, count("SELECT COUNT(*) FROM ntf_notification WHERE account_id = " + accountId));
        assertEquals(2, count("SELECT COUNT(*) FROM ntf_sms_outbox WHERE reference = 'committee:" + c.id() + "'"),
                "an SMS to the committee's phone and one to its head");
    }

    @Test
    void aReminderDueWhileTheNotificationDomainIsSwappedWaitsForTheNextRunAndNothingIsHalfWritten_issue10_item6() throws Exception {
        Fixture f = estate("热更新提醒小区", null, 5);
        Committee c = service.create(input(f, 5, TODAY.minusDays(2)), "regulator");
        org.smartproperty.platform.security.internal.SecurityServiceImpl security =
                org.smartproperty.platform.security.internal.SecurityServiceImpl.standalone(db().dataSource());
        java.time.Clock clock = java.time.Clock.systemUTC();
        org.smartproperty.notification.internal.NotificationsImpl inbox = new org.smartproperty.notification.internal.NotificationsImpl(db().dataSource(), clock);
        // the SMS outbox is away (spm-notification-impl being updated): the dynamic reference is empty
        TermReminderJob during = new TermReminderJob((CommitteeServiceImpl) service, security, inbox, null, db().dataSource());
        ApiException away = assertThrows(ApiException.class, () -> during.run(c.termEnd().minusDays(60)));
        assertEquals(503, away.status());
        assertEquals("problem.unavailable", away.code());
        assertEquals(0, reminders(c.id()), "no reminder row without its messages");
        assertEquals(0, count("SELECT COUNT(*) FROM ntf_sms_outbox WHERE reference = 'committee:" + c.id() + "'"));

        TermReminderJob after = new TermReminderJob((CommitteeServiceImpl) service, security, inbox,
                new org.smartproperty.notification.internal.SmsOutboxImpl(db().dataSource(), clock), db().dataSource());
        after.run(c.termEnd().minusDays(59));
        assertEquals(1, reminders(c.id()), "the next run sends it");
        assertEquals(2, count("SELECT COUNT(*) FROM ntf_sms_outbox WHERE reference = 'committee:" + c.id() + "'"));
    }

    private long reminders(long committeeId) throws Exception {
        return count("SELECT COUNT(*) FROM ocm_term_reminder WHERE committee_id = " + committeeId);
    }

    private long count(String sql) throws Exception {
        try (java.sql.Connection c = db().dataSource().getConnection(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void publicListShowsActiveCommitteesWithMaskedPersonalData_DIS_2_ID_2() {
        Fixture f = estate("公示小区", null, 5);
        Committee old = service.create(input(f, 5, TODAY.minusYears(5)), "regulator");
        Committee c = service.create(input(f, 5, TODAY), "regulator");
        List<PublicCommittee> shown = service.publicList(f.estateId(), PageRequest.of(0, 20)).items();
        assertEquals(List.of(c.id()), shown.stream().map(PublicCommittee::id).toList(), "only the committee in office");
        PublicCommittee p = shown.get(0);
        assertEquals("欧**华", p.headName());
        assertEquals("139****5678", p.phone());
        assertEquals(5, p.members().size());
        assertEquals("欧**华", p.members().get(0).name());
        assertEquals(Position.HEAD, p.members().get(0).position());
        assertNotEquals(old.id(), p.id());
    }

    @Test
    void configurationBelowTheRuleIsRefusedAndTheRulesStay_OC_1_OC_2() {
        assertFalse(service.configure(3, 11, 30, 60), "fewer than 5 members breaks OC-1");
        assertFalse(service.configure(5, 13, 30, 60), "more than 11 breaks OC-1");
        assertFalse(service.configure(6, 10, 30, 60), "even bounds break OC-1");
        assertFalse(service.configure(5, 11, 31, 60), "more than 30 days breaks OC-2");
        assertEquals(CommitteeRules.DEFAULTS, service.rules());
        Fixture f = estate("配置小区", null, 7);
        assertEquals(400, status(() -> service.create(input(f, 3, TODAY), "regulator")), "3 members stay refused");
        try {
            assertTrue(service.configure(7, 9, 15, 30), "stricter than the rule is allowed");
            assertEquals(400, status(() -> service.create(input(f, 5, TODAY), "regulator")));
            assertEquals(7, service.create(input(f, 7, TODAY), "regulator").members().size());
        } finally {
            assertTrue(service.configure(5, 11, 30, 60));
        }
    }

    @Test
    void everyWriteIsAuditedWithActorAndObject_SUP_OC_1() {
        Fixture f = estate("审计小区", null, 5);
        audited.clear();
        Committee c = service.create(input(f, 5, TODAY), "regulator-a");
        Committee u = service.update(ALL, c.id(), c.version(), new CommitteeInput(null, "新名称", null, null, null, TODAY,
                TODAY.plusDays(1), TODAY.plusYears(5), null), "regulator-a");
        Committee m = service.replaceMembers(ALL, c.id(), u.version(), members(f.owners(), 5), "regulator-a");
        Filing s = service.submitFiling(DataScope.committee(f.estateId()), c.id(), form("head-a"), "head-a");
        Filing r = service.returnFiling(c.id(), s.id(), s.version(), "补充", "regulator-a");
        Filing s2 = service.submitFiling(DataScope.committee(f.estateId()), c.id(), form("head-a"), "head-a");
        service.approve(c.id(), s2.id(), s2.version(), null, "regulator-a");
        assertEquals(List.of("committee.create", "committee.update", "committee.members", "filing.submit", "filing.return",
                "filing.submit", "filing.approve"), audited.stream().map(AuditEvent::action).toList());
        assertEquals("head-a", audited.get(3).actor());
        assertEquals(String.valueOf(c.id()), audited.get(6).objectId());
        // JSON by AuditEvent.summary (issue 10 item 2): the committees ended by this one as an array
        assertEquals("{\"estate\":" + f.estateId() + ",\"name\":\"" + c.name() + "\",\"ended\":[]}", audited.get(0).summary());
        assertEquals("{\"count\":5}", audited.get(2).summary());
        assertEquals("regulator-a", r.decidedBy());
        assertNotEquals(u.version(), m.version());
    }
}
