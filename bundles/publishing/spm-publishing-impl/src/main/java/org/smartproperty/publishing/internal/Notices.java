package org.smartproperty.publishing.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.persistence.EntityManager;

import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateService;
import org.smartproperty.notification.MessageKind;
import org.smartproperty.notification.Notifications;
import org.smartproperty.notification.SmsOutbox;
import org.smartproperty.notification.SmsRequest;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.files.Attachment;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.persistence.Jpql;
import org.smartproperty.platform.review.ReviewAction;
import org.smartproperty.platform.review.ReviewKind;
import org.smartproperty.platform.review.ReviewState;
import org.smartproperty.platform.review.ReviewTexts;
import org.smartproperty.platform.review.jpa.ReviewSubjects;
import org.smartproperty.platform.review.jpa.Reviews;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.publishing.Notice;
import org.smartproperty.publishing.NoticeCategory;
import org.smartproperty.publishing.NoticeInput;
import org.smartproperty.publishing.NoticeQuery;
import org.smartproperty.publishing.NoticeStatus;
import org.smartproperty.publishing.PublicNotice;
import org.smartproperty.publishing.PublisherKind;
import org.smartproperty.publishing.PublishingMessages;

/**
 * Notices (PUB-2, COS-9, MAP-7): who publishes what for which estates, the regulator's review of estate notices on the review
 * kernel (rounds {@code pub_notice_round}, history {@code pub_notice_event}), publication at once or by the job, expiry, and the
 * pushes: an in-app notice to every owner account of the notice's estates (zone-wide: every OWNER account, in-app only) and an
 * SMS when urgent and for estates, each recorded once in {@code pub_delivery} in the publishing transaction.
 */
final class Notices {

    static final String AUDIT_KIND = "notice";
    static final MessageKind PUBLISHED = MessageKind.of("NOTICE_PUBLISHED");
    static final MessageKind URGENT = MessageKind.of("NOTICE_URGENT");
    static final MessageKind RETURNED = MessageKind.of("NOTICE_RETURNED");

    static final ReviewKind KIND = new ReviewKind(PublishingInternals.ROUND_FILES, AUDIT_KIND, "notice", "publishing:read", "publishing:notice",
            "publishing:review", new ReviewTexts(PublishingMessages.TEXTS, "objects.round", "notice.pending", "notice.approved",
                    "notice.illegalTransition", "notice.noTransition", "reason.required", "materials.required", "material.title"));

    private final PublishingServiceImpl service;
    final Reviews<NoticeRound> reviews;

    Notices(PublishingServiceImpl service) {
        this.service = service;
        this.reviews = new Reviews<>(KIND, NoticeRound.class, "noticeId", "pub_notice_event", subjects(), service.files(), service.auditTrail());
    }

    private ReviewSubjects subjects() {
        return new ReviewSubjects() {
            @Override
            public void checkApplicant(EntityManager em, DataScope scope, long id) {
                NoticeEntity n = em.find(NoticeEntity.class, id);
                if (n == null || !isPublisher(scope, n)) {
                    throw PublishingServiceImpl.notFound("objects.notice", id);
                }
            }

            @Override
            public void checkExists(EntityManager em, long id) {
                if (em.find(NoticeEntity.class, id) == null) {
                    throw PublishingServiceImpl.notFound("objects.notice", id);
                }
            }

            @Override
            public boolean mayRead(EntityManager em, DataScope scope, long id) {
                NoticeEntity n = em.find(NoticeEntity.class, id);
                return n != null && mayReadNotice(scope, n);
            }
        };
    }

    // ------------------------------------------------------------------ who

    /** The kind the caller publishes as: the regulator's staff (scope ALL), a company, a committee; else 409. */
    static PublisherKind publisherKind(SpmPrincipal caller) {
        DataScope s = caller.scope();
        if (s != null && s.all()) {
            return PublisherKind.REGULATOR;
        }
        if (s != null && s.kind() == DataScope.Kind.COMPANY && s.companyId() != null) {
            return PublisherKind.COMPANY;
        }
        if (s != null && s.kind() == DataScope.Kind.COMMITTEE && !s.estateIds().isEmpty()) {
            return PublisherKind.COMMITTEE;
        }
        throw ApiException.conflict(PublishingMessages.TEXTS, "notice.noPublisher");
    }

    /** The regulator may act on every notice as reviewer; a company or committee only on those it published. */
    static boolean isPublisher(DataScope s, NoticeEntity n) {
        if (s == null) {
            return false;
        }
        return switch (s.kind()) {
            case ALL -> n.publisherKind == PublisherKind.REGULATOR;
            case COMPANY -> n.publisherKind == PublisherKind.COMPANY && Objects.equals(n.publisherOrg, s.companyId());
            case COMMITTEE -> n.publisherKind == PublisherKind.COMMITTEE && n.publisherOrg != null && s.estateIds().contains(n.publisherOrg);
            default -> false;
        };
    }

    static boolean mayReadNotice(DataScope s, NoticeEntity n) {
        return s != null && (s.all() || isPublisher(s, n));
    }

    NoticeEntity readable(EntityManager em, SpmPrincipal caller, long id) {
        NoticeEntity n = em.find(NoticeEntity.class, id);
        if (n == null || !mayReadNotice(caller.scope(), n)) {
            throw PublishingServiceImpl.notFound("objects.notice", id);
        }
        return n;
    }

    NoticeEntity own(EntityManager em, SpmPrincipal caller, long id, long version) {
        NoticeEntity n = em.find(NoticeEntity.class, id);
        if (n == null || !isPublisher(caller.scope(), n)) {
            throw PublishingServiceImpl.notFound("objects.notice", id);
        }
        if (n.getVersion() != version) {
            throw ApiException.stale(n.getVersion());
        }
        return n;
    }

    // ------------------------------------------------------------------ validation

    static void validate(NoticeInput in) {
        Validation v = new Validation(PublishingMessages.TEXTS);
        if (in == null) {
            v.required("title", null);
            v.throwIfInvalid();
        }
        if (v.required("category", Policies.blankToNull(in.category()))) {
            v.maxLength("category", in.category(), 32);
        }
        if (v.required("title", Policies.blankToNull(in.title()))) {
            v.maxLength("title", in.title().strip(), Notice.TITLE_MAX);
        }
        if (v.required("body", Policies.blankToNull(in.body()))) {
            v.maxLength("body", in.body(), Notice.BODY_MAX);
        }
        if (in.estateIds() != null && in.estateIds().size() > Notice.ESTATES_MAX) {
            v.error("estateIds", "notice.tooManyEstates", Notice.ESTATES_MAX);
        }
        if (in.windowStart() != null && in.windowEnd() != null && !in.windowEnd().isAfter(in.windowStart())) {
            v.error("windowEnd", "notice.windowOrder");
        }
        if (in.expireAt() != null && in.publishAt() != null && !in.expireAt().isAfter(in.publishAt())) {
            v.error("expireAt", "notice.expireOrder");
        }
        if (in.attachments() != null && !in.attachments().isEmpty()) {
            AttachmentInput.validateTitled(v, "attachments", in.attachments(), "materials.required", "material.title");
        }
        v.throwIfInvalid();
    }

    /** Checks needing data: the category and its window rule, the estates against the publisher; all errors at once. */
    private CategoryEntity checkAgainstData(EntityManager em, NoticeInput in, Validation v) {
        CategoryEntity cat = em.find(CategoryEntity.class, in.category().strip());
        if (cat == null) {
            v.error("category", "notice.categoryUnknown", in.category().strip());
        } else if (cat.windowRequired && (in.windowStart() == null || in.windowEnd() == null)) {
            v.error(in.windowStart() == null ? "windowStart" : "windowEnd", "notice.windowRequired");
        }
        return cat;
    }

    /** The estates of the notice as the publisher may name them: 404 for one outside its scope. */
    private List<Long> estates(SpmPrincipal caller, PublisherKind kind, NoticeInput in, Validation v, Map<Long, Estate> seen) {
        List<Long> ids = in.estateIds() == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(in.estateIds()));
        if (ids.stream().anyMatch(Objects::isNull)) {
            v.error("estateIds", "notice.oneEstate");
            return List.of();
        }
        if (kind != PublisherKind.REGULATOR && ids.size() != 1) {
            v.error("estateIds", "notice.oneEstate");
            return ids;
        }
        EstateService es = ApiException.requireAvailable(service.estates, "estate");
        for (Long id : ids) {
            if (kind == PublisherKind.COMMITTEE && !caller.scope().estateIds().contains(id)) {
                throw PublishingServiceImpl.notFound("objects.estate", id);
            }
            Estate e = es.get(kind == PublisherKind.REGULATOR ? DataScope.ALL : caller.scope(), id); // 404 outside the scope
            if (kind == PublisherKind.COMPANY && !Objects.equals(e.companyId(), caller.scope().companyId())) {
                throw PublishingServiceImpl.notFound("objects.estate", id);
            }
            seen.put(id, e);
        }
        return ids;
    }

    // ------------------------------------------------------------------ writes

    Notice create(EntityManager em, SpmPrincipal caller, NoticeInput in) {
        PublisherKind kind = publisherKind(caller);
        Validation v = new Validation(PublishingMessages.TEXTS);
        CategoryEntity cat = checkAgainstData(em, in, v);
        Map<Long, Estate> seen = new HashMap<>();
        List<Long> estateIds = estates(caller, kind, in, v, seen);
        v.throwIfInvalid();
        NoticeEntity n = new NoticeEntity();
        n.publisherKind = kind;
        n.publisherOrg = switch (kind) {
            case REGULATOR -> null;
            case COMPANY -> caller.scope().companyId();
            case COMMITTEE -> estateIds.get(0);
        };
        n.publisherName = switch (kind) {
            case REGULATOR -> PublishingMessages.TEXTS.format(Locale.SIMPLIFIED_CHINESE, "publisher.regulator");
            case COMPANY -> seen.get(estateIds.get(0)).companyName() == null ? caller.getName() : seen.get(estateIds.get(0)).companyName();
            case COMMITTEE -> PublishingMessages.TEXTS.format(Locale.SIMPLIFIED_CHINESE, "publisher.committee", seen.get(estateIds.get(0)).name());
        };
        apply(n, in, cat);
        n.status = NoticeStatus.DRAFT;
        n.touchedBy(caller.getName());
        em.persist(n);
        em.flush();
        setEstates(em, n.id, estateIds);
        attach(em, caller.getName(), n, in);
        service.audit(em, caller.getName(), "notice.create", AUDIT_KIND, n.id, AuditEvent.summary("title", n.title));
        return toDto(em, n, true, null);
    }

    Notice update(EntityManager em, SpmPrincipal caller, long id, long version, NoticeInput in) {
        NoticeEntity n = own(em, caller, id, version);
        if (n.status != NoticeStatus.DRAFT && n.status != NoticeStatus.RETURNED) {
            throw ApiException.conflict(PublishingMessages.TEXTS, "notice.illegalState", n.status.name());
        }
        PublisherKind kind = n.publisherKind;
        Validation v = new Validation(PublishingMessages.TEXTS);
        CategoryEntity cat = checkAgainstData(em, in, v);
        List<Long> estateIds = estates(caller, kind, in, v, new HashMap<>());
        v.throwIfInvalid();
        if (kind == PublisherKind.COMMITTEE && !Objects.equals(estateIds.get(0), n.publisherOrg)) {
            throw PublishingServiceImpl.notFound("objects.estate", estateIds.get(0));
        }
        apply(n, in, cat);
        n.touchedBy(caller.getName());
        em.flush();
        setEstates(em, n.id, estateIds);
        attach(em, caller.getName(), n, in);
        service.audit(em, caller.getName(), "notice.update", AUDIT_KIND, n.id, AuditEvent.summary("title", n.title));
        return toDto(em, n, true, null);
    }

    private static void apply(NoticeEntity n, NoticeInput in, CategoryEntity cat) {
        n.category = cat.code;
        n.title = in.title().strip();
        n.body = in.body().strip();
        n.urgent = Boolean.TRUE.equals(in.urgent());
        n.windowStart = in.windowStart();
        n.windowEnd = in.windowEnd();
        n.publishAt = in.publishAt();
        n.expireAt = in.expireAt();
        n.reviewRequired = reviewRequired(cat, n.publisherKind);
    }

    static boolean reviewRequired(CategoryEntity cat, PublisherKind kind) {
        return switch (kind) {
            case REGULATOR -> false;
            case COMPANY -> cat.reviewCompany;
            case COMMITTEE -> cat.reviewCommittee;
        };
    }

    private static void setEstates(EntityManager em, long noticeId, List<Long> estateIds) {
        em.createQuery("DELETE FROM NoticeEstate x WHERE x.noticeId = :n").setParameter("n", noticeId).executeUpdate();
        for (Long e : estateIds) {
            em.persist(new NoticeEstate(noticeId, e));
        }
        em.flush();
    }

    private void attach(EntityManager em, String actor, NoticeEntity n, NoticeInput in) {
        if (in.attachments() == null || in.attachments().isEmpty()) {
            return;
        }
        Connection c = em.unwrap(Connection.class);
        Set<String> have = new HashSet<>();
        service.files().attached(c, PublishingInternals.NOTICE_FILES, Long.toString(n.id)).forEach(a -> have.add(a.fileId()));
        List<AttachmentInput> fresh = in.attachments().stream().filter(a -> !have.contains(a.fileId())).toList();
        if (!fresh.isEmpty()) {
            service.files().attach(c, fresh, actor, PublishingInternals.NOTICE_FILES, Long.toString(n.id), "attachments[]");
        }
    }

    Notice submit(EntityManager em, SpmPrincipal caller, long id, long version, Instant now) {
        NoticeEntity n = own(em, caller, id, version);
        if (n.status != NoticeStatus.DRAFT && n.status != NoticeStatus.RETURNED) {
            throw ApiException.conflict(PublishingMessages.TEXTS, "notice.illegalState", n.status.name());
        }
        if (n.expireAt != null && !n.expireAt.isAfter(now)) {
            throw ApiException.invalid(PublishingMessages.TEXTS, "expireAt", "notice.expireOrder");
        }
        CategoryEntity cat = em.find(CategoryEntity.class, n.category);
        n.reviewRequired = reviewRequired(cat, n.publisherKind);
        if (n.reviewRequired) {
            NoticeRound r = new NoticeRound();
            r.noticeId = n.id;
            reviews.submit(em, caller.scope(), n.id, r, List.of(), caller.getName());
            n.status = NoticeStatus.SUBMITTED;
            n.touchedBy(caller.getName());
            em.flush();
        } else {
            release(em, n, now, caller.getName());
        }
        return toDto(em, n, true, null);
    }

    Notice decide(EntityManager em, SpmPrincipal caller, long id, long version, boolean approve, String reason, Instant now) {
        NoticeEntity n = readable(em, caller, id);
        if (n.getVersion() != version) {
            throw ApiException.stale(n.getVersion());
        }
        List<NoticeRound> rounds = reviews.rounds(em, n.id);
        if (n.status != NoticeStatus.SUBMITTED || rounds.isEmpty() || rounds.get(0).status() != ReviewState.SUBMITTED) {
            throw ApiException.conflict(PublishingMessages.TEXTS, "notice.illegalState", n.status.name());
        }
        NoticeRound latest = rounds.get(0);
        reviews.decide(em, n.id, latest.roundId(), latest.getVersion(), approve ? ReviewAction.APPROVE : ReviewAction.RETURN, reason,
                caller.getName());
        if (approve) {
            release(em, n, now, caller.getName());
        } else {
            n.status = NoticeStatus.RETURNED;
            n.touchedBy(caller.getName());
            em.flush();
            Notifications ntf = ApiException.requireAvailable(service.notifications, "notification");
            AccountDirectory dir = service.directory;
            DataScope publisher = n.publisherKind == PublisherKind.COMPANY ? DataScope.company(n.publisherOrg) : DataScope.committee(n.publisherOrg);
            for (AccountDirectory.Contact a : dir.accountsOf(publisher)) {
                ntf.notify(em.unwrap(Connection.class), a.accountId(), RETURNED, Map.of("title", n.title, "reason", reason.strip()),
                        "/publishing/notices/" + n.id);
            }
        }
        return toDto(em, n, true, null);
    }

    Notice withdraw(EntityManager em, SpmPrincipal caller, long id, long version) {
        NoticeEntity n = em.find(NoticeEntity.class, id);
        boolean regulator = caller.scope() != null && caller.scope().all() && caller.permissions().contains("publishing:manage");
        if (n == null || !(regulator || isPublisher(caller.scope(), n))) {
            throw PublishingServiceImpl.notFound("objects.notice", id);
        }
        if (n.getVersion() != version) {
            throw ApiException.stale(n.getVersion());
        }
        if (n.status == NoticeStatus.EXPIRED || n.status == NoticeStatus.WITHDRAWN || n.status == NoticeStatus.SUBMITTED) {
            throw ApiException.conflict(PublishingMessages.TEXTS, "notice.illegalState", n.status.name());
        }
        n.status = NoticeStatus.WITHDRAWN;
        n.touchedBy(caller.getName());
        em.flush();
        service.audit(em, caller.getName(), "notice.withdraw", AUDIT_KIND, n.id, AuditEvent.summary("status", n.status.name()));
        return toDto(em, n, true, null);
    }

    /** After the publisher's release or the regulator's approval: SCHEDULED while publishAt is ahead, else published now. */
    private void release(EntityManager em, NoticeEntity n, Instant now, String actor) {
        if (n.publishAt != null && n.publishAt.isAfter(now)) {
            n.status = NoticeStatus.SCHEDULED;
            n.touchedBy(actor);
            em.flush();
            service.audit(em, actor, "notice.schedule", AUDIT_KIND, n.id, AuditEvent.summary("publishAt", n.publishAt.toString()));
        } else {
            publish(em, n, now, actor);
        }
    }

    /** PUBLISHED now, with its pushes in the same transaction. */
    void publish(EntityManager em, NoticeEntity n, Instant now, String actor) {
        n.status = NoticeStatus.PUBLISHED;
        n.publishedAt = now;
        n.touchedBy(actor);
        em.flush();
        int[] sent = deliver(em, n, now);
        service.audit(em, actor, "notice.publish", AUDIT_KIND, n.id, AuditEvent.summary("inApp", sent[0], "sms", sent[1]));
    }

    /**
     * The pushes of a publication: in-app to every owner account of the notice's estates (zone-wide: every account with the
     * OWNER role), an SMS to those with a phone when the notice is urgent and not zone-wide; a row of pub_delivery per account and
     * channel, so nothing is sent twice. @return {in-app, sms} sent now
     */
    int[] deliver(EntityManager em, NoticeEntity n, Instant now) {
        Notifications ntf = ApiException.requireAvailable(service.notifications, "notification");
        List<Long> estateIds = estateIds(em, n.id);
        Map<Long, AccountDirectory.Contact> recipients = new LinkedHashMap<>();
        if (estateIds.isEmpty()) {
            service.directory.accountsWithRole(Role.OWNER).forEach(a -> recipients.putIfAbsent(a.accountId(), a));
        } else {
            EstateService es = ApiException.requireAvailable(service.estates, "estate");
            Set<Long> owners = new LinkedHashSet<>();
            estateIds.forEach(e -> owners.addAll(es.ownerIdsOfEstate(e)));
            for (Long o : owners) {
                service.directory.accountsOf(DataScope.owner(o)).forEach(a -> recipients.putIfAbsent(a.accountId(), a));
            }
        }
        boolean sms = n.urgent && !estateIds.isEmpty();
        SmsOutbox outbox = sms ? ApiException.requireAvailable(service.sms, "sms") : null;
        Connection c = em.unwrap(Connection.class);
        Map<String, String> params = Map.of("publisher", n.publisherName, "title", n.title);
        int inApp = 0;
        int texts = 0;
        for (AccountDirectory.Contact a : recipients.values()) {
            if (record(c, n.id, a.accountId(), "IN_APP", now)) {
                ntf.notify(c, a.accountId(), PUBLISHED, params, "/notices/" + n.id);
                inApp++;
            }
            if (sms && a.phone() != null && !a.phone().isBlank() && record(c, n.id, a.accountId(), "SMS", now)) {
                outbox.enqueue(c, new SmsRequest(a.phone(), URGENT, params, "notice-" + n.id));
                texts++;
            }
        }
        return new int[] {inApp, texts};
    }

    /** Records one push; false when it was already sent (never twice). */
    private static boolean record(Connection c, long noticeId, long accountId, String channel, Instant now) {
        try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM pub_delivery WHERE notice_id = ? AND account_id = ? AND channel = ?")) {
            q.setLong(1, noticeId);
            q.setLong(2, accountId);
            q.setString(3, channel);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return false;
                }
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO pub_delivery (notice_id, account_id, channel, sent_at) VALUES (?, ?, ?, ?)")) {
                ins.setLong(1, noticeId);
                ins.setLong(2, accountId);
                ins.setString(3, channel);
                ins.setTimestamp(4, Timestamp.from(now));
                ins.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("pub_delivery of notice " + noticeId, e);
        }
    }

    // ------------------------------------------------------------------ the job

    List<Long> due(EntityManager em, NoticeStatus status, String attribute, Instant now) {
        return em.createQuery("SELECT n.id FROM NoticeEntity n WHERE n.status = :s AND n." + attribute + " IS NOT NULL AND n." + attribute
                + " <= :now ORDER BY n.id", Long.class).setParameter("s", status).setParameter("now", now).setMaxResults(500).getResultList();
    }

    /** One due notice in its own transaction; false when another run moved it first. */
    boolean step(EntityManager em, long id, NoticeStatus from, Instant now) {
        NoticeEntity n = em.find(NoticeEntity.class, id);
        if (n == null || n.status != from) {
            return false;
        }
        if (from == NoticeStatus.SCHEDULED) {
            publish(em, n, now, "system:publishing");
        } else {
            n.status = NoticeStatus.EXPIRED;
            n.touchedBy("system:publishing");
            em.flush();
            service.audit(em, "system:publishing", "notice.expire", AUDIT_KIND, n.id, AuditEvent.summary("status", n.status.name()));
        }
        return true;
    }

    // ------------------------------------------------------------------ reads

    static List<Long> estateIds(EntityManager em, long noticeId) {
        return em.createQuery("SELECT x.estateId FROM NoticeEstate x WHERE x.noticeId = :n ORDER BY x.estateId", Long.class)
                .setParameter("n", noticeId).getResultList();
    }

    Page<Notice> list(EntityManager em, SpmPrincipal caller, NoticeQuery query, Locale locale, PageRequest page) {
        NoticeQuery q = query == null ? new NoticeQuery(null, null, null, null) : query;
        DataScope s = caller.scope();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (s == null || !s.all()) {
            PublisherKind kind;
            try {
                kind = publisherKind(caller);
            } catch (ApiException e) {
                return new Page<>(List.of(), page.page(), page.size(), 0);
            }
            where.append(" AND n.publisherKind = :pk");
            params.put("pk", kind);
            if (kind == PublisherKind.COMPANY) {
                where.append(" AND n.publisherOrg = :org");
                params.put("org", s.companyId());
            } else {
                where.append(" AND n.publisherOrg IN :orgs");
                params.put("orgs", new ArrayList<>(s.estateIds()));
            }
        }
        if (q.status() != null) {
            where.append(" AND n.status = :st");
            params.put("st", q.status());
        }
        if (q.category() != null && !q.category().isBlank()) {
            where.append(" AND n.category = :cat");
            params.put("cat", q.category().strip());
        }
        if (q.publisherKind() != null) {
            where.append(" AND n.publisherKind = :qpk");
            params.put("qpk", q.publisherKind());
        }
        if (q.estateId() != null) {
            where.append(" AND EXISTS (SELECT x FROM NoticeEstate x WHERE x.noticeId = n.id AND x.estateId = :e)");
            params.put("e", q.estateId());
        }
        PageRequest sorted = page.sort().isEmpty() ? PageRequest.parse(Integer.toString(page.page()), Integer.toString(page.size()), "-id",
                org.smartproperty.publishing.PublishingService.NOTICE_SORT) : page;
        Jpql.Rows<NoticeEntity> rows = Jpql.page(em, NoticeEntity.class, "n", where.toString(), params, sorted);
        Map<String, CategoryEntity> cats = categories(em);
        return new Page<>(rows.rows().stream().map(n -> toDto(em, n, false, cats.get(n.category), locale)).toList(), page.page(), page.size(),
                rows.total());
    }

    Page<PublicNotice> publicList(EntityManager em, Long estateId, String category, Locale locale, PageRequest page, Instant now) {
        StringBuilder where = new StringBuilder(" WHERE n.status = :st AND (n.expireAt IS NULL OR n.expireAt > :now)");
        Map<String, Object> params = new HashMap<>();
        params.put("st", NoticeStatus.PUBLISHED);
        params.put("now", now);
        if (estateId != null) {
            where.append(" AND (NOT EXISTS (SELECT x FROM NoticeEstate x WHERE x.noticeId = n.id)"
                    + " OR EXISTS (SELECT y FROM NoticeEstate y WHERE y.noticeId = n.id AND y.estateId = :e))");
            params.put("e", estateId);
        }
        if (category != null && !category.isBlank()) {
            where.append(" AND n.category = :cat");
            params.put("cat", category.strip());
        }
        PageRequest sorted = page.sort().isEmpty() ? PageRequest.parse(Integer.toString(page.page()), Integer.toString(page.size()),
                "-publishedAt", org.smartproperty.publishing.PublishingService.NOTICE_SORT) : page;
        Jpql.Rows<NoticeEntity> rows = Jpql.page(em, NoticeEntity.class, "n", where.toString(), params, sorted);
        Map<String, CategoryEntity> cats = categories(em);
        return new Page<>(rows.rows().stream().map(n -> toPublic(em, n, false, cats.get(n.category), locale)).toList(), page.page(), page.size(),
                rows.total());
    }

    PublicNotice publicGet(EntityManager em, long id, Locale locale, Instant now) {
        NoticeEntity n = em.find(NoticeEntity.class, id);
        if (n == null || n.status != NoticeStatus.PUBLISHED || (n.expireAt != null && !n.expireAt.isAfter(now))) {
            throw PublishingServiceImpl.notFound("objects.notice", id);
        }
        return toPublic(em, n, true, em.find(CategoryEntity.class, n.category), locale);
    }

    static Map<String, CategoryEntity> categories(EntityManager em) {
        Map<String, CategoryEntity> out = new LinkedHashMap<>();
        em.createQuery("SELECT c FROM CategoryEntity c ORDER BY c.sortOrder, c.code", CategoryEntity.class).getResultList()
                .forEach(c -> out.put(c.code, c));
        return out;
    }

    static List<NoticeCategory> categoryList(EntityManager em, Locale locale) {
        return categories(em).values().stream()
                .map(c -> new NoticeCategory(c.code, c.label(locale), c.windowRequired, c.reviewCompany, c.reviewCommittee)).toList();
    }

    Notice toDto(EntityManager em, NoticeEntity n, boolean full, Locale locale) {
        return toDto(em, n, full, em.find(CategoryEntity.class, n.category), locale);
    }

    private Notice toDto(EntityManager em, NoticeEntity n, boolean full, CategoryEntity cat, Locale locale) {
        String reason = null;
        if (full && (n.status == NoticeStatus.RETURNED || n.reviewRequired)) {
            List<NoticeRound> rounds = reviews.rounds(em, n.id);
            reason = rounds.isEmpty() ? null : rounds.get(0).reason();
        }
        return new Notice(n.id, n.publisherKind, n.publisherName, estateIds(em, n.id), n.category, cat == null ? n.category : cat.label(locale),
                n.title, full ? n.body : null, n.urgent, n.windowStart, n.windowEnd, n.publishAt, n.expireAt, n.publishedAt, n.status,
                n.reviewRequired, reason, full ? files(em, n) : List.of(), n.getCreatedBy(), n.getCreatedAt(), n.getUpdatedAt(), n.getVersion());
    }

    private PublicNotice toPublic(EntityManager em, NoticeEntity n, boolean full, CategoryEntity cat, Locale locale) {
        return new PublicNotice(n.id, n.publisherKind, n.publisherName, estateIds(em, n.id), n.category, cat == null ? n.category : cat.label(locale),
                n.title, full ? n.body : abstractOf(n.body), n.urgent, n.windowStart, n.windowEnd, n.publishedAt, n.expireAt,
                full ? files(em, n) : List.of());
    }

    /** The first 120 characters of a body (lists show an abstract, the detail the whole). */
    static String abstractOf(String body) {
        if (body == null) {
            return null;
        }
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.codePointCount(0, flat.length()) <= 120 ? flat : flat.substring(0, flat.offsetByCodePoints(0, 120)) + "…";
    }

    private List<Attachment> files(EntityManager em, NoticeEntity n) {
        return service.files().attached(em.getTransaction().isActive() ? em.unwrap(Connection.class) : null, PublishingInternals.NOTICE_FILES,
                Long.toString(n.id));
    }
}
