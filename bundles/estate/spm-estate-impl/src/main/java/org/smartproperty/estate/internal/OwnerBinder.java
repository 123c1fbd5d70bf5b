package org.smartproperty.estate.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.security.AccountIdentity;
import org.smartproperty.platform.security.Binding;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.ScopeBinder;

/**
 * OWN-1 / OWN-2 (issue 12 item 1): a real-name person is the OWNER of exactly the houses whose title
 * verification succeeded for their identity document and which they still own (the view
 * {@code est_verified_ownership}: a later NOT_HELD or a sync that removed the owner withdraws the
 * house). One binding per owner record with such a house, scoped to those houses; co-owners each
 * bind through their own record, houses in several estates come together.
 */
@Component(service = ScopeBinder.class)
public class OwnerBinder implements ScopeBinder {

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.estate.impl)")
    private SchemaReady schema;

    @Override
    public List<Binding> bindings(Connection c, AccountIdentity identity) throws SQLException {
        if (identity == null || identity.legalPerson()) {
            return List.of();
        }
        List<Binding> out = new ArrayList<>();
        for (Map.Entry<Long, Map<Long, Long>> e : OwnerIdentities.verifiedHouses(c, OwnerIdentities.ownerIds(c, identity)).entrySet()) {
            Set<Long> houses = e.getValue().keySet();
            out.add(new Binding("owner:" + e.getKey(), Role.OWNER, DataScope.owner(e.getKey(), houses), Set.of(),
                    "业主：房屋 " + houses.size() + " 套，小区 " + OwnerIdentities.estates(e.getValue()).size() + " 个"));
        }
        return out;
    }

    /** The owner record's document (as stored: normalised), for the directory's reverse look-up of an OWNER scope. */
    @Override
    public List<String> documentsOf(Connection c, DataScope scope) throws SQLException {
        if (scope == null || scope.kind() != DataScope.Kind.OWNER || scope.ownerId() == null) {
            return List.of();
        }
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT id_number FROM est_owner WHERE id = ? AND id_number IS NOT NULL")) {
            ps.setLong(1, scope.ownerId());
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() ? List.of(org.smartproperty.estate.IdDocuments.normalize(rs.getString(1))) : List.of();
            }
        }
    }
}
