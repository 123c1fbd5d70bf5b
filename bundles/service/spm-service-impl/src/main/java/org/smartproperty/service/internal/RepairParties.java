package org.smartproperty.service.internal;

import static org.smartproperty.service.internal.Workflows.T;
import static org.smartproperty.service.internal.Workflows.scope;

import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;

import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.workflow.Party;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.service.RepairWorkflow;

/**
 * Who may do what with a repair and who sees it: the parties of {@link RepairWorkflow#TABLE}
 * (requester, the company handling it), the full view of personal data (ID-2) and the data-scope
 * conditions. Part of {@link RepairServiceImpl}, split along its duties (issue 10 item 5).
 */
final class RepairParties {

    private RepairParties() {
    }

    static boolean requester(SpmPrincipal p, RepairEntity r) {
        return r.requesterAccountId == p.accountId();
    }

    /** A user of the company managing the repair's estate (the scope has already matched the company). */
    static boolean handler(SpmPrincipal p, RepairEntity r) {
        DataScope s = scope(p);
        return p.can("repair:handle") && s.kind() == DataScope.Kind.COMPANY && r.companyId != null && r.companyId.equals(s.companyId());
    }

    /** The parties of {@link RepairWorkflow#TABLE}. */
    static boolean isParty(SpmPrincipal p, RepairEntity r, Party party) {
        switch (party) {
            case COMPANY:
                return handler(p, r);
            case REPORTER:
                return requester(p, r);
            default:
                return false;
        }
    }

    /** Names and phones in full: for the requester, the company handling it, and the regulator's staff who may see personal data (ID-2). */
    static boolean fullView(SpmPrincipal p, RepairEntity r) {
        return requester(p, r) || handler(p, r) || (scope(p).all() && p.fullPersonalData());
    }

    // ---------------------------------------------------------------- scope

    /** JPQL condition limiting repairs (alias {@code r}) to what the caller may see. */
    static String scopeWhere(SpmPrincipal p, String r, Map<String, Object> params) {
        DataScope s = scope(p);
        switch (s.kind()) {
            case ALL:
                return "";
            case COMPANY:
                params.put("scopeCompany", s.companyId());
                return " AND " + r + ".companyId = :scopeCompany";
            case COMMITTEE:
                params.put("me", p.accountId());
                if (s.estateIds().isEmpty()) {
                    return " AND " + r + ".requesterAccountId = :me";
                }
                params.put("scopeEstates", List.copyOf(s.estateIds()));
                return " AND (" + r + ".estateId IN :scopeEstates OR " + r + ".requesterAccountId = :me)";
            case OWNER:
                params.put("me", p.accountId());
                return " AND " + r + ".requesterAccountId = :me";
            default:
                return " AND 1 = 0";
        }
    }

    static boolean inScope(SpmPrincipal p, RepairEntity r) {
        DataScope s = scope(p);
        switch (s.kind()) {
            case ALL:
                return true;
            case COMPANY:
                return r.companyId != null && r.companyId.equals(s.companyId());
            case COMMITTEE:
                return requester(p, r) || s.estateIds().contains(r.estateId);
            case OWNER:
                return requester(p, r);
            default:
                return false;
        }
    }

    static RepairEntity findInScope(EntityManager em, SpmPrincipal caller, long id) {
        RepairEntity r = em.find(RepairEntity.class, id);
        if (r == null || !inScope(caller, r)) {
            throw notFound(id);
        }
        return r;
    }

    static ApiException notFound(Object id) {
        return new ApiException(404, "problem.notFound", Messages.PLATFORM, null, T.text("objects.repair"), String.valueOf(id));
    }
}
