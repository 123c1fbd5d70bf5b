package org.smartproperty.service.internal;

import static org.smartproperty.service.internal.Workflows.T;
import static org.smartproperty.service.internal.Workflows.scope;

import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;

import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * Who sees which photo reports and patrol tasks (data-scope conditions and checks; an owner sees
 * its own reports and the tasks made of them) and who handles a task (a user of its company).
 * Part of {@link PatrolServiceImpl}, split along its duties (issue 10 item 5).
 */
final class PatrolScopes {

    private PatrolScopes() {
    }

    static boolean handler(SpmPrincipal p, Long companyId) {
        DataScope s = scope(p);
        return p.can("patrol:handle") && s.kind() == DataScope.Kind.COMPANY && companyId != null && companyId.equals(s.companyId());
    }

    static ApiException notHandler() {
        return new ApiException(403, "patrol.notHandler", T, null);
    }

    static String reportScope(SpmPrincipal p, String r, Map<String, Object> params) {
        DataScope s = scope(p);
        switch (s.kind()) {
            case ALL:
                return "";
            case COMPANY:
                params.put("scopeCompany", s.companyId());
                return " AND " + r + ".companyId = :scopeCompany";
            case COMMITTEE:
                if (s.estateIds().isEmpty()) {
                    return " AND 1 = 0";
                }
                params.put("scopeEstates", List.copyOf(s.estateIds()));
                return " AND " + r + ".estateId IN :scopeEstates";
            case OWNER:
                params.put("me", p.accountId());
                return " AND " + r + ".reporterAccountId = :me";
            default:
                return " AND 1 = 0";
        }
    }

    static boolean inScope(SpmPrincipal p, PhotoReportEntity r) {
        DataScope s = scope(p);
        switch (s.kind()) {
            case ALL:
                return true;
            case COMPANY:
                return r.companyId != null && r.companyId.equals(s.companyId());
            case COMMITTEE:
                return s.estateIds().contains(r.estateId);
            case OWNER:
                return r.reporterAccountId == p.accountId();
            default:
                return false;
        }
    }

    /** Tasks: like reports, an owner sees the tasks made of their reports. */
    static String taskScope(SpmPrincipal p, String t, Map<String, Object> params) {
        DataScope s = scope(p);
        if (s.kind() == DataScope.Kind.OWNER) {
            params.put("me", p.accountId());
            return " AND " + t + ".id IN (SELECT pr.taskId FROM PhotoReportEntity pr WHERE pr.reporterAccountId = :me)";
        }
        return reportScope(p, t, params);
    }

    static boolean inScope(EntityManager em, SpmPrincipal p, PatrolTaskEntity t) {
        DataScope s = scope(p);
        switch (s.kind()) {
            case ALL:
                return true;
            case COMPANY:
                return t.companyId != null && t.companyId.equals(s.companyId());
            case COMMITTEE:
                return s.estateIds().contains(t.estateId);
            case OWNER:
                return !em.createQuery("SELECT pr.id FROM PhotoReportEntity pr WHERE pr.taskId = :t AND pr.reporterAccountId = :me", Long.class)
                        .setParameter("t", t.id).setParameter("me", p.accountId()).setMaxResults(1).getResultList().isEmpty();
            default:
                return false;
        }
    }

    static ApiException notFound(String kind, Object id) {
        return new ApiException(404, "problem.notFound", Messages.PLATFORM, null, T.text(kind), String.valueOf(id));
    }

    static PhotoReportEntity reportInScope(EntityManager em, SpmPrincipal caller, long id) {
        PhotoReportEntity r = em.find(PhotoReportEntity.class, id);
        if (r == null || !inScope(caller, r)) {
            throw notFound("objects.photoReport", id);
        }
        return r;
    }

    static PatrolTaskEntity taskInScope(EntityManager em, SpmPrincipal caller, long id) {
        PatrolTaskEntity t = em.find(PatrolTaskEntity.class, id);
        if (t == null || !inScope(em, caller, t)) {
            throw notFound("objects.patrolTask", id);
        }
        return t;
    }
}
