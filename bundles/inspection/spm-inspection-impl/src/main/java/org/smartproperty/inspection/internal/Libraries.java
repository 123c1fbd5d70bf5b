package org.smartproperty.inspection.internal;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.persistence.EntityManager;

import com.fasterxml.jackson.core.type.TypeReference;

import org.smartproperty.inspection.CheckItem;
import org.smartproperty.inspection.CheckItemInput;
import org.smartproperty.inspection.InspectObject;
import org.smartproperty.inspection.InspectObjectInput;
import org.smartproperty.inspection.InspectionMessages;
import org.smartproperty.inspection.Inspector;
import org.smartproperty.inspection.InspectorInput;
import org.smartproperty.inspection.LibraryQuery;
import org.smartproperty.inspection.Target;
import org.smartproperty.inspection.Tie;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.persistence.Jpql;
import org.smartproperty.platform.persistence.Transactions;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * The three libraries of DR-1 (check items SUP-DR-2, inspectable objects, inspectors SUP-DR-3): list, read, create and
 * update with If-Match; every write audited as {@code inspection-library}. Part of {@link InspectionServiceImpl}, split
 * along its duties (issue 10 item 5).
 */
final class Libraries {

    static final String AUDIT_KIND = "inspection-library";
    static final TypeReference<List<Tie>> TIES = new TypeReference<>() {
    };
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Messages T = InspectionMessages.TEXTS;

    private final Transactions tx;
    private final AuditTrail audit;

    Libraries(Transactions tx, AuditTrail audit) {
        this.tx = tx;
        this.audit = audit;
    }

    static ApiException notFound(String kind, Object id) {
        return new ApiException(404, "problem.notFound", Messages.PLATFORM, null, T.text(kind), String.valueOf(id));
    }

    private static void checkVersion(long current, long expected) {
        if (current != expected) {
            throw ApiException.stale(current);
        }
    }

    private void audit(EntityManager em, String actor, String action, Object id, String summary) {
        audit.append(em.unwrap(Connection.class), AuditEvent.of(actor, "inspection." + action, AUDIT_KIND, id, summary));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A name filter: LOWER(field) LIKE %q% (escaped). */
    private static void like(StringBuilder where, Map<String, Object> params, String q, String... fields) {
        if (q == null || q.isBlank()) {
            return;
        }
        params.put("q", "%" + Jpql.likeEscape(q.strip().toLowerCase(Locale.ROOT)) + "%");
        List<String> ors = new ArrayList<>();
        for (String f : fields) {
            ors.add("LOWER(" + f + ") LIKE :q ESCAPE '\\'");
        }
        where.append(" AND (").append(String.join(" OR ", ors)).append(")");
    }

    static void checkQuery(LibraryQuery q) {
        Validation v = new Validation(T);
        if (q != null) {
            v.maxLength("q", q.q(), 200);
        }
        v.throwIfInvalid();
    }

    // ---------------------------------------------------------------- check items (SUP-DR-2)

    Page<CheckItem> items(LibraryQuery query, PageRequest page) {
        LibraryQuery q = query == null ? LibraryQuery.all() : query;
        checkQuery(q);
        return tx.read(em -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            Map<String, Object> params = new HashMap<>();
            like(where, params, q.q(), "e.name", "e.code");
            if (q.target() != null) {
                where.append(" AND e.target = :target");
                params.put("target", q.target());
            }
            if (q.active() != null) {
                where.append(" AND e.active = :active");
                params.put("active", q.active());
            }
            Jpql.Rows<CheckItemEntity> rows = Jpql.page(em, CheckItemEntity.class, "e", where.toString(), params, page);
            return new Page<>(rows.rows().stream().map(Libraries::toDto).toList(), page.page(), page.size(), rows.total());
        });
    }

    CheckItem item(long id) {
        return tx.read(em -> toDto(findItem(em, id)));
    }

    static CheckItemEntity findItem(EntityManager em, long id) {
        CheckItemEntity e = em.find(CheckItemEntity.class, id);
        if (e == null) {
            throw notFound("objects.checkItem", id);
        }
        return e;
    }

    CheckItem createItem(SpmPrincipal caller, CheckItemInput in) {
        validate(in);
        return tx.write(em -> {
            String code = in.code().strip();
            checkCode(em, code, null);
            CheckItemEntity e = new CheckItemEntity();
            apply(e, in);
            e.touchedBy(caller.username());
            em.persist(e);
            em.flush();
            audit(em, caller.username(), "item.create", e.id, AuditEvent.summary("code", e.code, "name", e.name, "target", e.target.name()));
            return toDto(e);
        });
    }

    CheckItem updateItem(SpmPrincipal caller, long id, long expectedVersion, CheckItemInput in) {
        validate(in);
        return tx.write(em -> {
            CheckItemEntity e = findItem(em, id);
            checkVersion(e.getVersion(), expectedVersion);
            checkCode(em, in.code().strip(), e.id);
            CheckItem before = toDto(e);
            apply(e, in);
            e.touchedBy(caller.username());
            em.flush();
            audit(em, caller.username(), "item.update", e.id, AuditEvent.summary("before", before, "after", toDto(e)));
            return toDto(e);
        });
    }

    private static void validate(CheckItemInput in) {
        Validation v = new Validation(T);
        if (in == null) {
            v.required("$", null);
            v.throwIfInvalid();
        }
        if (v.required("code", in.code()) && v.maxLength("code", in.code().strip(), CheckItem.CODE_MAX) && !CODE.matcher(in.code().strip()).matches()) {
            v.error("code", "code.format");
        }
        if (v.required("name", in.name())) {
            v.maxLength("name", in.name().strip(), CheckItem.NAME_MAX);
        }
        if (v.required("legalBasis", in.legalBasis())) {
            v.maxLength("legalBasis", in.legalBasis().strip(), CheckItem.LEGAL_BASIS_MAX);
        }
        v.maxLength("method", blankToNull(in.method()), CheckItem.METHOD_MAX);
        v.required("target", in.target());
        v.throwIfInvalid();
    }

    private static void checkCode(EntityManager em, String code, Long self) {
        List<Long> ids = em.createQuery("SELECT e.id FROM CheckItemEntity e WHERE e.code = :c", Long.class).setParameter("c", code).getResultList();
        if (!ids.isEmpty() && !ids.get(0).equals(self)) {
            throw ApiException.conflict(T, "code.duplicate", code);
        }
    }

    private static void apply(CheckItemEntity e, CheckItemInput in) {
        e.code = in.code().strip();
        e.name = in.name().strip();
        e.legalBasis = in.legalBasis().strip();
        e.method = blankToNull(in.method());
        e.target = in.target();
        e.active = in.active() == null || in.active();
    }

    static CheckItem toDto(CheckItemEntity e) {
        return new CheckItem(e.id, e.code, e.name, e.legalBasis, e.method, e.target, e.active, e.getVersion());
    }

    // ---------------------------------------------------------------- inspectable objects (DR-1)

    Page<InspectObject> objects(LibraryQuery query, PageRequest page) {
        LibraryQuery q = query == null ? LibraryQuery.all() : query;
        checkQuery(q);
        return tx.read(em -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            Map<String, Object> params = new HashMap<>();
            like(where, params, q.q(), "e.name");
            if (q.target() != null) {
                where.append(" AND e.kind = :kind");
                params.put("kind", q.target());
            }
            if (q.active() != null) {
                where.append(" AND e.active = :active");
                params.put("active", q.active());
            }
            Jpql.Rows<InspectObjectEntity> rows = Jpql.page(em, InspectObjectEntity.class, "e", where.toString(), params, page);
            return new Page<>(rows.rows().stream().map(Libraries::toDto).toList(), page.page(), page.size(), rows.total());
        });
    }

    InspectObject object(long id) {
        return tx.read(em -> toDto(findObject(em, id)));
    }

    private static InspectObjectEntity findObject(EntityManager em, long id) {
        InspectObjectEntity e = em.find(InspectObjectEntity.class, id);
        if (e == null) {
            throw notFound("objects.inspectObject", id);
        }
        return e;
    }

    InspectObject createObject(SpmPrincipal caller, InspectObjectInput in) {
        validate(in);
        return tx.write(em -> {
            checkRef(em, in.kind(), in.refId(), null);
            InspectObjectEntity e = new InspectObjectEntity();
            apply(e, in);
            e.touchedBy(caller.username());
            em.persist(e);
            em.flush();
            audit(em, caller.username(), "object.create", e.id, AuditEvent.summary("kind", e.kind.name(), "refId", e.refId, "name", e.name,
                    "companyId", e.companyId, "riskLevel", e.riskLevel.name()));
            return toDto(e);
        });
    }

    InspectObject updateObject(SpmPrincipal caller, long id, long expectedVersion, InspectObjectInput in) {
        validate(in);
        return tx.write(em -> {
            InspectObjectEntity e = findObject(em, id);
            checkVersion(e.getVersion(), expectedVersion);
            checkRef(em, in.kind(), in.refId(), e.id);
            InspectObject before = toDto(e);
            apply(e, in);
            e.touchedBy(caller.username());
            em.flush();
            audit(em, caller.username(), "object.update", e.id, AuditEvent.summary("before", before, "after", toDto(e)));
            return toDto(e);
        });
    }

    private static void validate(InspectObjectInput in) {
        Validation v = new Validation(T);
        if (in == null) {
            v.required("$", null);
            v.throwIfInvalid();
        }
        v.required("kind", in.kind());
        if (v.required("refId", in.refId()) && in.refId() <= 0) {
            v.error(Messages.PLATFORM, "refId", "field.required");
        }
        if (v.required("name", in.name())) {
            v.maxLength("name", in.name().strip(), InspectObject.NAME_MAX);
        }
        v.required("riskLevel", in.riskLevel());
        if (in.kind() == Target.COMPANY) {
            if (in.companyId() != null && in.refId() != null && !in.companyId().equals(in.refId())) {
                v.error("companyId", "object.companyMismatch");
            }
        } else if (v.required("companyId", in.companyId()) && in.companyId() <= 0) {
            v.error(Messages.PLATFORM, "companyId", "field.required");
        }
        v.throwIfInvalid();
    }

    private static void checkRef(EntityManager em, Target kind, long refId, Long self) {
        List<Long> ids = em.createQuery("SELECT e.id FROM InspectObjectEntity e WHERE e.kind = :k AND e.refId = :r", Long.class)
                .setParameter("k", kind).setParameter("r", refId).getResultList();
        if (!ids.isEmpty() && !ids.get(0).equals(self)) {
            throw ApiException.conflict(T, "object.duplicate", kind.name(), refId);
        }
    }

    private static void apply(InspectObjectEntity e, InspectObjectInput in) {
        e.kind = in.kind();
        e.refId = in.refId();
        e.name = in.name().strip();
        e.companyId = in.kind() == Target.COMPANY ? in.refId() : in.companyId();
        e.riskLevel = in.riskLevel();
        e.active = in.active() == null || in.active();
    }

    static InspectObject toDto(InspectObjectEntity e) {
        return new InspectObject(e.id, e.kind, e.refId, e.name, e.companyId, e.riskLevel, e.active, e.getVersion());
    }

    // ---------------------------------------------------------------- inspectors (SUP-DR-3)

    Page<Inspector> inspectors(LibraryQuery query, PageRequest page) {
        LibraryQuery q = query == null ? LibraryQuery.all() : query;
        checkQuery(q);
        return tx.read(em -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            Map<String, Object> params = new HashMap<>();
            like(where, params, q.q(), "e.name", "e.unit");
            if (q.active() != null) {
                where.append(" AND e.active = :active");
                params.put("active", q.active());
            }
            Jpql.Rows<InspectorEntity> rows = Jpql.page(em, InspectorEntity.class, "e", where.toString(), params, page);
            return new Page<>(rows.rows().stream().map(Libraries::toDto).toList(), page.page(), page.size(), rows.total());
        });
    }

    Inspector inspector(long id) {
        return tx.read(em -> toDto(findInspector(em, id)));
    }

    private static InspectorEntity findInspector(EntityManager em, long id) {
        InspectorEntity e = em.find(InspectorEntity.class, id);
        if (e == null) {
            throw notFound("objects.inspector", id);
        }
        return e;
    }

    Inspector createInspector(SpmPrincipal caller, InspectorInput in) {
        validate(in);
        return tx.write(em -> {
            checkAccount(em, blankToNull(in.accountName()), null);
            InspectorEntity e = new InspectorEntity();
            apply(e, in);
            e.touchedBy(caller.username());
            em.persist(e);
            em.flush();
            audit(em, caller.username(), "inspector.create", e.id, AuditEvent.summary("name", e.name, "unit", e.unit, "unitKind", e.unitKind.name(),
                    "accountName", e.accountName, "ties", e.ties));
            return toDto(e);
        });
    }

    Inspector updateInspector(SpmPrincipal caller, long id, long expectedVersion, InspectorInput in) {
        validate(in);
        return tx.write(em -> {
            InspectorEntity e = findInspector(em, id);
            checkVersion(e.getVersion(), expectedVersion);
            checkAccount(em, blankToNull(in.accountName()), e.id);
            List<Object> before = List.of(e.name, e.unit, e.unitKind.name(), String.valueOf(e.accountName), e.ties, e.active);
            apply(e, in);
            e.touchedBy(caller.username());
            em.flush();
            audit(em, caller.username(), "inspector.update", e.id, AuditEvent.summary("before", before,
                    "after", List.of(e.name, e.unit, e.unitKind.name(), String.valueOf(e.accountName), e.ties, e.active)));
            return toDto(e);
        });
    }

    private static void validate(InspectorInput in) {
        Validation v = new Validation(T);
        if (in == null) {
            v.required("$", null);
            v.throwIfInvalid();
        }
        if (v.required("name", in.name())) {
            v.maxLength("name", in.name().strip(), Inspector.NAME_MAX);
        }
        if (v.required("unit", in.unit())) {
            v.maxLength("unit", in.unit().strip(), Inspector.UNIT_MAX);
        }
        v.required("unitKind", in.unitKind());
        v.maxLength("accountName", blankToNull(in.accountName()), Inspector.ACCOUNT_MAX);
        List<Tie> ties = in.ties() == null ? List.of() : in.ties();
        if (ties.size() > Inspector.TIES_MAX) {
            v.error("ties", "tie.tooMany", Inspector.TIES_MAX);
        } else {
            for (int i = 0; i < ties.size(); i++) {
                Tie t = ties.get(i);
                String f = "ties[" + i + "]";
                if (!v.required(f, t)) {
                    continue;
                }
                if (t.companyId() == null || t.companyId() <= 0) {
                    v.error(f + ".companyId", "tie.companyRequired");
                }
                v.required(f + ".kind", t.kind());
                if (t.since() != null && t.until() != null && t.until().isBefore(t.since())) {
                    v.error(f + ".until", "tie.untilBeforeSince");
                }
            }
        }
        v.throwIfInvalid();
    }

    private static void checkAccount(EntityManager em, String account, Long self) {
        if (account == null) {
            return;
        }
        List<Long> ids = em.createQuery("SELECT e.id FROM InspectorEntity e WHERE e.accountName = :a", Long.class)
                .setParameter("a", account).getResultList();
        if (!ids.isEmpty() && !ids.get(0).equals(self)) {
            throw ApiException.conflict(T, "account.duplicate", account);
        }
    }

    private static void apply(InspectorEntity e, InspectorInput in) {
        e.name = in.name().strip();
        e.unit = in.unit().strip();
        e.unitKind = in.unitKind();
        e.accountName = blankToNull(in.accountName());
        e.ties = InspectionJson.write(in.ties() == null ? List.of() : in.ties());
        e.active = in.active() == null || in.active();
    }

    static List<Tie> ties(InspectorEntity e) {
        return e.ties == null || e.ties.isBlank() ? List.of() : InspectionJson.read(e.ties, TIES);
    }

    static Inspector toDto(InspectorEntity e) {
        return new Inspector(e.id, e.name, e.unit, e.unitKind, e.accountName, ties(e), e.active, e.getVersion());
    }
}
