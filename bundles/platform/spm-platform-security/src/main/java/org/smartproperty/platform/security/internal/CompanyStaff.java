package org.smartproperty.platform.security.internal;

import static org.smartproperty.platform.security.internal.AccountRows.insertAccount;
import static org.smartproperty.platform.security.internal.AccountRows.load;
import static org.smartproperty.platform.security.internal.AccountRows.setPassword;
import static org.smartproperty.platform.security.internal.SecurityServiceImpl.randomPassword;
import static org.smartproperty.platform.security.internal.SecurityServiceImpl.update;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.PersonalData;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.security.internal.AccountRows.Account;

/**
 * COS-1 (issue 12 item 2): a company's administrator — the legal person's real-name account, whose
 * company binding carries {@value #PERMISSION} — invites staff accounts of its own company and
 * disables them. A staff account has the role COMPANY and the company's stored scope, nothing more;
 * another company's accounts, the regulator's and the administrator's own are 404. Every change is
 * audited and revokes the affected sessions like the system admin's changes do.
 */
final class CompanyStaff {

    static final String PERMISSION = "company:staff";
    private final SecurityServiceImpl owner;

    CompanyStaff(SecurityServiceImpl owner) {
        this.owner = owner;
    }

    /** The caller's company, or 403 when the session does not act as a company administrator. */
    private static long companyOf(SpmPrincipal by) {
        if (!by.can(PERMISSION) || by.scope() == null || by.scope().kind() != DataScope.Kind.COMPANY || by.scope().companyId() == null) {
            throw Sec.problem(403, "staff.notAdministrator");
        }
        return by.scope().companyId();
    }

    public List<Map<String, Object>> staff(SpmPrincipal by) {
        long company = companyOf(by);
        return owner.tx(c -> {
            List<Map<String, Object>> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.username, a.display_name, a.status, a.phone, a.last_login_at, a.must_change "
                    + "FROM sec_account a WHERE a.scope_kind = 'COMPANY' AND a.company_id = ? AND a.id_number IS NULL AND a.credit_code IS NULL "
                    + "AND EXISTS (SELECT 1 FROM sec_account_role r WHERE r.account_id = a.id AND r.role = 'COMPANY') ORDER BY a.username")) {
                ps.setLong(1, company);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("id", rs.getLong(1));
                        m.put("username", rs.getString(2));
                        m.put("displayName", rs.getString(3));
                        m.put("status", rs.getString(4));
                        m.put("phone", PersonalData.maskPhone(rs.getString(5)));
                        Timestamp last = rs.getTimestamp(6);
                        m.put("lastLoginAt", last == null ? null : last.toInstant());
                        m.put("mustChangePassword", rs.getBoolean(7));
                        out.add(m);
                    }
                }
            }
            return out;
        });
    }

    /** Invites a staff account of the caller's company: initial password shown once, to be changed at the first login. */
    public Map<String, Object> invite(SpmPrincipal by, String username, String displayName, String phone, String agent) {
        long company = companyOf(by);
        if (username == null || !username.matches("[A-Za-z0-9._@-]{3,64}")) {
            throw ApiException.invalid(Messages.PLATFORM, "username", "field.required");
        }
        String cleanPhone = AccountAdministration.phone(phone);
        String initial = randomPassword();
        return owner.tx(c -> {
            if (load(c, "username = ?", username) != null) {
                throw Sec.problem(409, "account.duplicate", username);
            }
            long id = insertAccount(c, username, displayName == null || displayName.isBlank() ? username : displayName.trim(), Set.of(Role.COMPANY),
                    DataScope.company(company), null, null);
            if (cleanPhone != null) {
                update(c, "UPDATE sec_account SET phone = ? WHERE id = ?", cleanPhone, id);
            }
            setPassword(c, owner.hasher(), id, initial, true);
            owner.audit().append(c, new AuditEvent(by.username(), by.clientIp(), agent, "account.invite", "account", Long.toString(id), "OK",
                    AuditEvent.summary("username", username, "company", company)));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("username", username);
            m.put("initialPassword", initial);
            return m;
        });
    }

    /** Disables (or enables) a staff account of the caller's company; any other account is 404. Disabling revokes its sessions. */
    public Map<String, Object> setStatus(SpmPrincipal by, long id, boolean active, String agent) {
        long company = companyOf(by);
        return owner.tx(c -> {
            Account a = load(c, "id = ?", id);
            if (a == null || a.id() == by.accountId() || a.identity() != null || a.scope().kind() != DataScope.Kind.COMPANY
                    || !Long.valueOf(company).equals(a.scope().companyId()) || !a.roles().equals(Set.of(Role.COMPANY))) {
                throw Sec.problem(404, "account.notFound");
            }
            Instant now = Instant.now();
            update(c, "UPDATE sec_account SET status = ?, failed_count = 0, locked_until = NULL, updated_at = ?, version = version + 1 WHERE id = ?",
                    active ? "ACTIVE" : "DISABLED", Timestamp.from(now), id);
            if (!active) {
                update(c, "UPDATE sec_token SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL", Timestamp.from(now), id);
            }
            owner.principalsChanged(c);
            owner.audit().append(c, new AuditEvent(by.username(), by.clientIp(), agent, "account.status", "account", Long.toString(id), "OK",
                    AuditEvent.summary("status", active ? "ACTIVE" : "DISABLED", "byCompany", company)));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("status", active ? "ACTIVE" : "DISABLED");
            return m;
        });
    }

}
