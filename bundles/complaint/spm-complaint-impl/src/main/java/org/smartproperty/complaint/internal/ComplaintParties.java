package org.smartproperty.complaint.internal;

import static org.smartproperty.complaint.internal.ComplaintServiceImpl.T;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.persistence.EntityManager;

import org.smartproperty.complaint.ComplaintWorkflow;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.workflow.Party;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * Who may do what with a complaint and who sees it: the parties of {@link ComplaintWorkflow#TABLE}
 * (complainant, assignee, the regulator's staff), the full view of personal data (ID-2) and the
 * data-scope conditions. Part of {@link ComplaintServiceImpl}, split along its duties (issue 10 item 5).
 */
final class ComplaintParties {

    private ComplaintParties() {
    }

    private static boolean staff(SpmPrincipal p) {
        return p.can("complaint:dispatch");
    }

    static boolean complainant(SpmPrincipal p, ComplaintEntity c) {
        return c.complainantAccountId != null && c.complainantAccountId == p.accountId();
    }

    /** The assigned officer, or a user of the company the complaint was forwarded to. */
    static boolean assignee(SpmPrincipal p, ComplaintEntity c) {
        if (c.assigneeAccountId != null && c.assigneeAccountId == p.accountId()) {
            return true;
        }
        DataScope s = p.scope();
        return c.forwarded && p.can("complaint:handle") && s != null && s.kind() == DataScope.Kind.COMPANY
                && Objects.equals(s.companyId(), c.companyId);
    }

    /** The parties of {@link ComplaintWorkflow#TABLE}. */
    static boolean isParty(SpmPrincipal p, ComplaintEntity c, Party party) {
        switch (party) {
            case ASSIGNEE:
                return assignee(p, c);
            case REGULATOR:
                return staff(p);
            case REPORTER:
                return complainant(p, c);
            default:
                return false;
        }
    }

    /** Names and phones in full: for the complainant, the handler, and the regulator's staff who may see personal data (ID-2). */
    static boolean fullView(SpmPrincipal p, ComplaintEntity c) {
        return complainant(p, c) || assignee(p, c) || (staff(p) && p.fullPersonalData());
    }

    // ---------------------------------------------------------------- scope

    /** JPQL condition limiting complaints (alias {@code c}) to what the caller may see. */
    static String scope(SpmPrincipal p, String c, Map<String, Object> params) {
        DataScope s = p == null || p.scope() == null ? DataScope.NONE : p.scope();
        switch (s.kind()) {
            case ALL:
                return "";
            case COMPANY:
                params.put("scopeCompany", s.companyId());
                return " AND " + c + ".companyId = :scopeCompany";
            case COMMITTEE:
                params.put("me", p.accountId());
                if (s.estateIds().isEmpty()) {
                    return " AND " + c + ".complainantAccountId = :me";
                }
                params.put("scopeEstates", List.copyOf(s.estateIds()));
                return " AND (" + c + ".estateId IN :scopeEstates OR " + c + ".complainantAccountId = :me)";
            case OWNER:
                params.put("me", p.accountId());
                return " AND " + c + ".complainantAccountId = :me";
            default:
                return " AND 1 = 0";
        }
    }

    static boolean inScope(SpmPrincipal p, ComplaintEntity c) {
        DataScope s = p == null || p.scope() == null ? DataScope.NONE : p.scope();
        switch (s.kind()) {
            case ALL:
                return true;
            case COMPANY:
                return c.companyId != null && c.companyId.equals(s.companyId());
            case COMMITTEE:
                return complainant(p, c) || (c.estateId != null && s.estateIds().contains(c.estateId));
            case OWNER:
                return complainant(p, c);
            default:
                return false;
        }
    }

    static ComplaintEntity findInScope(EntityManager em, SpmPrincipal caller, long id) {
        ComplaintEntity c = em.find(ComplaintEntity.class, id);
        if (c == null || !inScope(caller, c)) {
            throw notFound(id);
        }
        return c;
    }

    static ApiException notFound(Object id) {
        return new ApiException(404, "problem.notFound", Messages.PLATFORM, null, T.text("objects.complaint"), String.valueOf(id));
    }
}
