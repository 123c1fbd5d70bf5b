package org.smartproperty.developer.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.smartproperty.company.UnifiedSocialCreditCode;
import org.smartproperty.developer.DeveloperStatus;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.security.AccountIdentity;
import org.smartproperty.platform.security.Binding;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.ScopeBinder;

/**
 * What a real-name login may act as in the developer registry (issue 12 item 4, DEV-1): a legal person whose unified
 * social credit code is that of an ACTIVE developer acts as that developer, role DEVELOPER, scope
 * {@code DataScope.developer(id, its estates)}, key {@code developer:<id>}, labelled with the developer's name, adding no
 * permission. A natural person, an unknown code or a REVOKED developer binds nothing. Reads the registry's own tables
 * with plain JDBC on the security bundle's connection; registered only once this bundle's schema is there.
 */
@Component(service = ScopeBinder.class)
public class DeveloperScopeBinder implements ScopeBinder {

    /** The key prefix of the bindings (key = prefix + developer id). */
    static final String KEY = "developer:";

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.developer.impl)")
    private SchemaReady schema;

    @Override
    public List<Binding> bindings(Connection c, AccountIdentity identity) throws SQLException {
        if (identity == null || !identity.legalPerson()) {
            return List.of();
        }
        String code = UnifiedSocialCreditCode.normalize(identity.creditCode());
        if (code.isEmpty() || code.length() != UnifiedSocialCreditCode.LENGTH) {
            return List.of();
        }
        long id;
        String name;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM dvl_developer WHERE credit_code = ? AND status = ?")) {
            ps.setString(1, code);
            ps.setString(2, DeveloperStatus.ACTIVE.name());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return List.of();
                }
                id = rs.getLong(1);
                name = rs.getString(2);
            }
        }
        Set<Long> estates = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT estate_id FROM dvl_developer_estate WHERE developer_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    estates.add(rs.getLong(1));
                }
            }
        }
        return List.of(new Binding(KEY + id, Role.DEVELOPER, DataScope.developer(id, estates), Set.of(), name));
    }
}
