package org.smartproperty.company.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.smartproperty.company.UnifiedSocialCreditCode;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.security.AccountIdentity;
import org.smartproperty.platform.security.Binding;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.ScopeBinder;

/**
 * COS-1 (issue 12 item 2): a legal person is its company when the registry holds its unified social
 * credit code and the company is not REVOKED: APPLYING (it files, SUP-CO-2), FILED, or SUSPENDED
 * (it still answers for its estates while suspended). A revoked company binds nobody. The
 * binding adds {@code company:staff}: the legal person administers its company's staff accounts.
 */
@Component(service = ScopeBinder.class)
public class CompanyBinder implements ScopeBinder {

    /** What the legal person's own account may do beyond the COMPANY role: invite and disable its staff. */
    static final String STAFF_PERMISSION = "company:staff";

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.company.impl)")
    private SchemaReady schema;

    @Override
    public List<Binding> bindings(Connection c, AccountIdentity identity) throws SQLException {
        if (identity == null || !identity.legalPerson()) {
            return List.of();
        }
        List<Binding> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, status FROM cmp_company WHERE credit_code = ? AND status <> 'REVOKED'")) {
            ps.setString(1, UnifiedSocialCreditCode.normalize(identity.creditCode()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Binding("company:" + rs.getLong(1), Role.COMPANY, DataScope.company(rs.getLong(1)), Set.of(STAFF_PERMISSION),
                            rs.getString(2) + "（" + rs.getString(3) + "）"));
                }
            }
        }
        return out;
    }
}
