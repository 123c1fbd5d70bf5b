package org.smartproperty.tender.internal;

import static org.smartproperty.tender.internal.TenderContext.NUMBERS;
import static org.smartproperty.tender.internal.TenderContext.blank;
import static org.smartproperty.tender.internal.TenderContext.checkInvited;
import static org.smartproperty.tender.internal.TenderContext.ids;
import static org.smartproperty.tender.internal.TenderContext.json;
import static org.smartproperty.tender.internal.TenderContext.requireStage;
import static org.smartproperty.tender.internal.TenderServiceImpl.CRITERIA_MAX;
import static org.smartproperty.tender.internal.TenderServiceImpl.MONTHS_MAX;
import static org.smartproperty.tender.internal.TenderViews.findOwn;
import static org.smartproperty.tender.internal.TenderViews.invitedList;
import static org.smartproperty.tender.internal.TenderViews.toDto;

import java.sql.Connection;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.persistence.EntityManager;

import org.smartproperty.company.Company;
import org.smartproperty.estate.Estate;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.tender.Criterion;
import org.smartproperty.tender.DirectInput;
import org.smartproperty.tender.ReviewStep;
import org.smartproperty.tender.Round;
import org.smartproperty.tender.Tender;
import org.smartproperty.tender.TenderInput;
import org.smartproperty.tender.TenderMessages;
import org.smartproperty.tender.TenderMethod;
import org.smartproperty.tender.TenderStage;

/**
 * The tender project (DEV-2, OCS-5): created and edited in DRAFT by its tenderer, the method (TND-1, TND-2 invited companies),
 * the criteria (weights summing to 100), the project review (SUP-TND-2), after a failed tender (TND-2) the retender or the
 * direct appointment (TND-1, sent to the project review at once).
 */
final class TenderProjects {

    private final TenderContext ctx;
    private final Filings filings;

    TenderProjects(TenderContext ctx, Filings filings) {
        this.ctx = ctx;
        this.filings = filings;
    }

    Tender create(SpmPrincipal caller, TenderInput in) {
        DataScope s = caller.scope();
        if (s == null || (s.kind() != DataScope.Kind.DEVELOPER && s.kind() != DataScope.Kind.COMMITTEE)) {
            throw ApiException.conflict(TenderMessages.TEXTS, "tender.notTenderer");
        }
        Validation v = new Validation(TenderMessages.TEXTS);
        v.required("estateId", in == null ? null : in.estateId());
        v.throwIfInvalid();
        if (!s.estateIds().contains(in.estateId()) || (s.kind() == DataScope.Kind.DEVELOPER && s.developerId() == null)) {
            throw ApiException.notFound("objects.estate", in.estateId());
        }
        validate(in);
        Estate estate = ctx.estates().get(DataScope.ALL, in.estateId());
        String actor = caller.getName();
        return ctx.tx.write(em -> {
            checkInvited(em, in.method(), in.invitedCompanyIds());
            TenderEntity t = new TenderEntity();
            t.estateId = estate.id();
            t.estateName = estate.name();
            if (s.kind() == DataScope.Kind.DEVELOPER) {
                t.tendererKind = "DEVELOPER";
                t.tendererId = s.developerId();
                t.tendererName = estate.developer();
            } else {
                t.tendererKind = "COMMITTEE";
                t.tendererId = estate.id();
                t.tendererName = TenderMessages.TEXTS.format(Messages.DEFAULT_LOCALE, "tenderer.committee", estate.name());
            }
            apply(t, in);
            t.stage = TenderStage.DRAFT;
            t.number = NUMBERS.next(em.unwrap(Connection.class), Instant.now());
            t.touchedBy(actor);
            em.persist(t);
            em.flush();
            ctx.audit(em, actor, "tender.create", t.id, AuditEvent.summary("number", t.number, "estate", t.estateId, "method", t.method.name()));
            return toDto(em, t);
        });
    }

    Tender update(SpmPrincipal caller, long id, long expectedVersion, TenderInput in) {
        validate(in);
        String actor = caller.getName();
        return ctx.tx.write(em -> {
            TenderEntity t = findOwn(em, caller, id);
            if (t.getVersion() != expectedVersion) {
                throw ApiException.stale(t.getVersion());
            }
            requireStage(t, TenderStage.DRAFT);
            if (in.estateId() != null && in.estateId() != t.estateId) {
                throw ApiException.invalid(TenderMessages.TEXTS, "estateId", "tender.estateFixed");
            }
            checkInvited(em, in.method(), in.invitedCompanyIds());
            apply(t, in);
            t.touchedBy(actor);
            em.flush();
            ctx.audit(em, actor, "tender.update", t.id, AuditEvent.summary("number", t.number, "method", t.method.name()));
            return toDto(em, t);
        });
    }

    private void validate(TenderInput in) {
        Validation v = new Validation(TenderMessages.TEXTS);
        if (in == null) {
            v.required("title", null);
            v.throwIfInvalid();
        }
        if (v.required("title", blank(in.title()))) {
            v.maxLength("title", in.title().strip(), Tender.TITLE_MAX);
        }
        v.required("method", in.method());
        if (v.required("serviceMonths", in.serviceMonths()) && (in.serviceMonths() < 1 || in.serviceMonths() > MONTHS_MAX)) {
            v.error("serviceMonths", "serviceMonths.range", 1, MONTHS_MAX);
        }
        if (in.method() == TenderMethod.DIRECT) {
            if (blank(in.directGrounds()) == null) {
                v.error("directGrounds", "direct.grounds");
            } else {
                v.maxLength("directGrounds", in.directGrounds(), Tender.TEXT_MAX);
            }
            if (in.directCompanyId() == null) {
                v.error("directCompanyId", "direct.company");
            }
        } else if (in.method() != null) {
            validateCriteria(v, in.criteria());
        }
        if (in.criteria() != null && in.method() == TenderMethod.DIRECT && !in.criteria().isEmpty()) {
            validateCriteria(v, in.criteria());
        }
        v.throwIfInvalid();
        if (in.method() == TenderMethod.DIRECT) {
            ctx.checkCompany("directCompanyId", in.directCompanyId());
        }
        if (in.invitedCompanyIds() != null) {
            for (int i = 0; i < in.invitedCompanyIds().size(); i++) {
                ctx.checkCompany("invitedCompanyIds[" + i + "]", in.invitedCompanyIds().get(i));
            }
        }
    }

    private static void validateCriteria(Validation v, List<Criterion> criteria) {
        if (criteria == null || criteria.isEmpty()) {
            v.error("criteria", "criteria.required");
            return;
        }
        if (criteria.size() > CRITERIA_MAX) {
            v.error("criteria", "criteria.tooMany", CRITERIA_MAX);
            return;
        }
        Set<String> codes = new HashSet<>();
        int sum = 0;
        for (int i = 0; i < criteria.size(); i++) {
            Criterion c = criteria.get(i);
            String f = "criteria[" + i + "]";
            if (!v.required(f, c)) {
                continue;
            }
            if (c.code() == null || !c.code().matches("[A-Za-z0-9_]{1,32}")) {
                v.error(f + ".code", "criteria.code");
            } else if (!codes.add(c.code())) {
                v.error(f + ".code", "criteria.duplicate", c.code());
            }
            if (v.required(f + ".name", blank(c.name()))) {
                v.maxLength(f + ".name", c.name(), 100);
            }
            if (v.required(f + ".weight", c.weight())) {
                if (c.weight() < 1 || c.weight() > 100) {
                    v.error(f + ".weight", "criteria.weight");
                } else {
                    sum += c.weight();
                }
            }
        }
        if (!v.hasErrors() && sum != 100) {
            v.error("criteria", "criteria.sum", sum);
        }
    }

    private static void apply(TenderEntity t, TenderInput in) {
        t.title = in.title().strip();
        t.method = in.method();
        t.serviceMonths = in.serviceMonths();
        t.directGrounds = in.method() == TenderMethod.DIRECT ? in.directGrounds().strip() : null;
        t.directCompanyId = in.method() == TenderMethod.DIRECT ? in.directCompanyId() : null;
        t.invitedIds = in.method() == TenderMethod.INVITATION ? ids(in.invitedCompanyIds()) : null;
        t.criteria = in.criteria() == null ? null : json(in.criteria().stream().map(c -> new Criterion(c.code(), c.name().strip(), c.weight())).toList());
    }

    Round submitProject(SpmPrincipal caller, long id, List<AttachmentInput> materials) {
        Validation v = new Validation(TenderMessages.TEXTS);
        ctx.projectReviews.validateMaterials(v, materials);
        v.throwIfInvalid();
        String actor = caller.getName();
        return ctx.tx.write(em -> {
            TenderEntity t = findOwn(em, caller, id);
            checkInvited(em, t.method, invitedList(t));
            ProjectRound r = new ProjectRound();
            r.tenderId = id;
            ctx.projectReviews.submit(em, caller.scope(), id, r, materials, actor);
            t.stage = TenderStage.PROJECT_REVIEW;
            t.projectStatus = r.status().name();
            t.touchedBy(actor);
            return ctx.toRound(em, ReviewStep.PROJECT, r);
        });
    }

    /** SUP-TND-2: the project review decided; returned → DRAFT, approved → ANNOUNCEMENT, or for a direct appointment (TND-1) AWARD. */
    void projectDecided(EntityManager em, TenderEntity t, TenderRound r, boolean approve, Instant now) {
        t.projectStatus = r.status().name();
        if (!approve) {
            t.stage = TenderStage.DRAFT;
        } else if (t.method == TenderMethod.DIRECT) {
            Company c = ctx.companies().get(DataScope.ALL, t.directCompanyId);
            filings.toAward(em, t, c.id(), c.name(), now);
        } else {
            t.stage = TenderStage.ANNOUNCEMENT;
        }
    }

    Tender retender(SpmPrincipal caller, long id) {
        String actor = caller.getName();
        return ctx.tx.write(em -> {
            TenderEntity old = findOwn(em, caller, id);
            requireStage(old, TenderStage.FAILED);
            checkNoFollowUp(em, id);
            TenderEntity t = copy(old);
            t.method = old.method;
            t.invitedIds = old.invitedIds;
            t.stage = TenderStage.DRAFT;
            t.number = NUMBERS.next(em.unwrap(Connection.class), Instant.now());
            t.touchedBy(actor);
            em.persist(t);
            em.flush();
            ctx.audit(em, actor, "tender.retender", t.id, AuditEvent.summary("number", t.number, "retenderOf", old.id));
            return toDto(em, t);
        });
    }

    Tender direct(SpmPrincipal caller, long id, DirectInput in) {
        Validation v = new Validation(TenderMessages.TEXTS);
        if (in == null || in.companyId() == null) {
            v.error("companyId", "direct.company");
        }
        if (in == null || blank(in.grounds()) == null) {
            v.error("grounds", "direct.grounds");
        } else {
            v.maxLength("grounds", in.grounds(), Tender.TEXT_MAX);
        }
        v.throwIfInvalid();
        ctx.checkCompany("companyId", in.companyId());
        String actor = caller.getName();
        return ctx.tx.write(em -> {
            TenderEntity old = findOwn(em, caller, id);
            requireStage(old, TenderStage.FAILED);
            checkNoFollowUp(em, id);
            TenderEntity t = copy(old);
            t.method = TenderMethod.DIRECT;
            t.directCompanyId = in.companyId();
            t.directGrounds = in.grounds().strip();
            t.stage = TenderStage.DRAFT;
            t.number = NUMBERS.next(em.unwrap(Connection.class), Instant.now());
            t.touchedBy(actor);
            em.persist(t);
            em.flush();
            ctx.audit(em, actor, "tender.direct", t.id, AuditEvent.summary("number", t.number, "retenderOf", old.id, "company", in.companyId()));
            // TND-1: the request goes to the regulator's project review at once, the grounds are its case
            ProjectRound r = new ProjectRound();
            r.tenderId = t.id;
            ctx.projectReviews.submit(em, caller.scope(), t.id, r, List.of(), actor);
            t.stage = TenderStage.PROJECT_REVIEW;
            t.projectStatus = r.status().name();
            return toDto(em, t);
        });
    }

    private static void checkNoFollowUp(EntityManager em, long id) {
        if (em.createQuery("SELECT COUNT(t) FROM TenderEntity t WHERE t.retenderOf = :id", Long.class).setParameter("id", id).getSingleResult() > 0) {
            throw ApiException.conflict(TenderMessages.TEXTS, "tender.followedUp");
        }
    }

    private static TenderEntity copy(TenderEntity old) {
        TenderEntity t = new TenderEntity();
        t.title = old.title;
        t.estateId = old.estateId;
        t.estateName = old.estateName;
        t.tendererKind = old.tendererKind;
        t.tendererId = old.tendererId;
        t.tendererName = old.tendererName;
        t.serviceMonths = old.serviceMonths;
        t.criteria = old.criteria;
        t.retenderOf = old.id;
        return t;
    }
}
