package org.smartproperty.publishing.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.files.Attachment;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.persistence.Jpql;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.publishing.Policy;
import org.smartproperty.publishing.PolicyInput;
import org.smartproperty.publishing.PolicyQuery;
import org.smartproperty.publishing.PolicyStatus;
import org.smartproperty.publishing.PublishingMessages;

/** The policy library (PUB-1): the regulator's writes, the lists with the bigram search ({@link Terms}), the public reads. */
final class Policies {

    static final String AUDIT_KIND = "policy";
    /** At most this many distinct query terms are used (a longer query is cut, never refused). */
    static final int QUERY_TERMS_MAX = 24;

    private final PublishingServiceImpl service;

    Policies(PublishingServiceImpl service) {
        this.service = service;
    }

    static void validate(PolicyInput in) {
        Validation v = new Validation(PublishingMessages.TEXTS);
        if (in == null) {
            v.required("title", null);
            v.throwIfInvalid();
        }
        v.required("level", in.level());
        if (v.required("issuer", blankToNull(in.issuer()))) {
            v.maxLength("issuer", in.issuer().strip(), Policy.ISSUER_MAX);
        }
        v.maxLength("docNumber", in.docNumber(), Policy.NUMBER_MAX);
        if (v.required("title", blankToNull(in.title()))) {
            v.maxLength("title", in.title().strip(), Policy.TITLE_MAX);
        }
        v.maxLength("summary", in.summary(), Policy.SUMMARY_MAX);
        v.maxLength("fullText", in.fullText(), Policy.TEXT_MAX);
        if (v.required("effectiveDate", in.effectiveDate()) && in.repealDate() != null && in.repealDate().isBefore(in.effectiveDate())) {
            v.error("repealDate", "policy.dateOrder");
        }
        if (in.attachments() != null && !in.attachments().isEmpty()) {
            AttachmentInput.validateTitled(v, "attachments", in.attachments(), "materials.required", "material.title");
        }
        v.throwIfInvalid();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    Policy create(EntityManager em, String actor, PolicyInput in) {
        PolicyEntity p = new PolicyEntity();
        apply(p, in);
        p.status = PolicyStatus.DRAFT;
        p.touchedBy(actor);
        em.persist(p);
        em.flush();
        attach(em, actor, p, in);
        reindex(em, p);
        service.audit(em, actor, "policy.create", AUDIT_KIND, p.id, AuditEvent.summary("title", p.title));
        return toDto(em, p, true);
    }

    Policy update(EntityManager em, String actor, long id, long version, PolicyInput in) {
        PolicyEntity p = find(em, id);
        if (p.getVersion() != version) {
            throw ApiException.stale(p.getVersion());
        }
        apply(p, in);
        p.touchedBy(actor);
        em.flush();
        attach(em, actor, p, in);
        reindex(em, p);
        service.audit(em, actor, "policy.update", AUDIT_KIND, p.id, AuditEvent.summary("title", p.title));
        return toDto(em, p, true);
    }

    Policy setStatus(EntityManager em, String actor, long id, long version, PolicyStatus to, Instant now) {
        PolicyEntity p = find(em, id);
        if (p.getVersion() != version) {
            throw ApiException.stale(p.getVersion());
        }
        boolean allowed = to == PolicyStatus.PUBLISHED ? p.status != PolicyStatus.PUBLISHED : p.status == PolicyStatus.PUBLISHED;
        if (!allowed) {
            throw ApiException.conflict(PublishingMessages.TEXTS, "policy.illegalState", p.status.name());
        }
        p.status = to;
        if (to == PolicyStatus.PUBLISHED && p.publishedAt == null) {
            p.publishedAt = now;
        }
        p.touchedBy(actor);
        em.flush();
        service.audit(em, actor, to == PolicyStatus.PUBLISHED ? "policy.publish" : "policy.withdraw", AUDIT_KIND, p.id,
                AuditEvent.summary("status", to.name()));
        return toDto(em, p, true);
    }

    private static void apply(PolicyEntity p, PolicyInput in) {
        p.level = in.level();
        p.issuer = in.issuer().strip();
        p.docNumber = blankToNull(in.docNumber());
        p.title = in.title().strip();
        p.summary = blankToNull(in.summary());
        p.fullText = blankToNull(in.fullText());
        p.effectiveDate = in.effectiveDate();
        p.repealDate = in.repealDate();
    }

    /** Attaches the files named that are not attached yet (uploaded by the actor, else 400 on attachments[i].fileId). */
    private void attach(EntityManager em, String actor, PolicyEntity p, PolicyInput in) {
        if (in.attachments() == null || in.attachments().isEmpty()) {
            return;
        }
        Connection c = em.unwrap(Connection.class);
        Set<String> have = new java.util.HashSet<>();
        service.files().attached(c, PublishingInternals.POLICY_FILES, Long.toString(p.id)).forEach(a -> have.add(a.fileId()));
        List<AttachmentInput> fresh = in.attachments().stream().filter(a -> !have.contains(a.fileId())).toList();
        if (!fresh.isEmpty()) {
            service.files().attach(c, fresh, actor, PublishingInternals.POLICY_FILES, Long.toString(p.id), "attachments[]");
        }
    }

    /** Rewrites the policy's rows of pub_term in the write transaction (the index is never behind the table). */
    static void reindex(EntityManager em, PolicyEntity p) {
        Connection c = em.unwrap(Connection.class);
        try (PreparedStatement del = c.prepareStatement("DELETE FROM pub_term WHERE policy_id = ?");
             PreparedStatement ins = c.prepareStatement("INSERT INTO pub_term (term, policy_id, hits) VALUES (?, ?, ?)")) {
            del.setLong(1, p.id);
            del.executeUpdate();
            for (Map.Entry<String, Integer> e : Terms.index(p).entrySet()) {
                ins.setString(1, e.getKey());
                ins.setLong(2, p.id);
                ins.setInt(3, e.getValue());
                ins.addBatch();
            }
            ins.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("pub_term of policy " + p.id, e);
        }
    }

    PolicyEntity find(EntityManager em, long id) {
        PolicyEntity p = em.find(PolicyEntity.class, id);
        if (p == null) {
            throw PublishingServiceImpl.notFound("objects.policy", id);
        }
        return p;
    }

    // ------------------------------------------------------------------ lists and search

    static void validate(PolicyQuery q) {
        if (q != null && q.q() != null) {
            Validation v = new Validation(PublishingMessages.TEXTS);
            v.maxLength("q", q.q(), PolicyQuery.Q_MAX);
            v.throwIfInvalid();
        }
    }

    Page<Policy> list(EntityManager em, PolicyQuery query, boolean publicOnly, PageRequest page) {
        PolicyQuery q = query == null ? new PolicyQuery(null, null, null) : query;
        List<String> terms = new ArrayList<>(Terms.query(q.q()));
        if (terms.size() > QUERY_TERMS_MAX) {
            terms = terms.subList(0, QUERY_TERMS_MAX);
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        PolicyStatus status = publicOnly ? PolicyStatus.PUBLISHED : q.status();
        if (status != null) {
            args.add(status.name());
            where.append(" AND p.status = ?").append(args.size());
        }
        if (q.level() != null) {
            args.add(q.level().name());
            where.append(" AND p.level = ?").append(args.size());
        }
        if (q.q() != null && !q.q().isBlank() && terms.isEmpty()) {
            return new Page<>(List.of(), page.page(), page.size(), 0); // only punctuation: nothing can match
        }
        if (terms.isEmpty()) {
            Map<String, Object> params = new HashMap<>();
            String jpql = " WHERE 1 = 1";
            if (status != null) {
                jpql += " AND p.status = :s";
                params.put("s", status);
            }
            if (q.level() != null) {
                jpql += " AND p.level = :l";
                params.put("l", q.level());
            }
            PageRequest sorted = page.sort().isEmpty() ? PageRequest.parse(Integer.toString(page.page()), Integer.toString(page.size()),
                    "-effectiveDate", org.smartproperty.publishing.PublishingService.POLICY_SORT) : page;
            Jpql.Rows<PolicyEntity> rows = Jpql.page(em, PolicyEntity.class, "p", jpql, params, sorted);
            return new Page<>(rows.rows().stream().map(p -> toDto(em, p, false)).toList(), page.page(), page.size(), rows.total());
        }
        // every term must occur (AND); the rank is the sum of the matching terms' hits
        StringBuilder any = new StringBuilder();
        for (String t : terms) {
            StringBuilder one = new StringBuilder();
            args.add(t);
            one.append("t.term = ?").append(args.size());
            if (isLoneHan(t)) {
                args.add(t + "_");
                one.append(" OR t.term LIKE ?").append(args.size());
                args.add("_" + t);
                one.append(" OR t.term LIKE ?").append(args.size());
            }
            where.append(" AND p.id IN (SELECT t.policy_id FROM pub_term t WHERE ").append(one).append(')');
            any.append(any.length() == 0 ? "" : " OR ").append('(').append(one).append(')');
        }
        String from = " FROM pub_policy p" + where;
        Query count = em.createNativeQuery("SELECT COUNT(*)" + from);
        Query select = em.createNativeQuery("SELECT p.id, (SELECT SUM(t.hits) FROM pub_term t WHERE t.policy_id = p.id AND (" + any
                + ")) AS score" + from + " ORDER BY score DESC, p.id DESC");
        for (int i = 0; i < args.size(); i++) {
            count.setParameter(i + 1, args.get(i));
            select.setParameter(i + 1, args.get(i));
        }
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        Map<Long, PolicyEntity> byId = new LinkedHashMap<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            byId.put(id, em.find(PolicyEntity.class, id));
        }
        return new Page<>(byId.values().stream().map(p -> toDto(em, p, false)).toList(), page.page(), page.size(), total);
    }

    private static boolean isLoneHan(String t) {
        return t.codePointCount(0, t.length()) == 1 && Character.UnicodeScript.of(t.codePointAt(0)) == Character.UnicodeScript.HAN;
    }

    Policy toDto(EntityManager em, PolicyEntity p, boolean full) {
        List<Attachment> files = full ? service.files().attached(em.getTransaction().isActive() ? em.unwrap(Connection.class) : null,
                PublishingInternals.POLICY_FILES, Long.toString(p.id)) : List.of();
        LocalDate today = service.today();
        return new Policy(p.id, p.level, p.issuer, p.docNumber, p.title, p.summary, full ? p.fullText : null, p.effectiveDate, p.repealDate,
                p.repealDate != null && !p.repealDate.isAfter(today), p.status, p.publishedAt, files, p.getCreatedBy(), p.getCreatedAt(),
                p.getUpdatedAt(), p.getVersion());
    }
}
