package org.smartproperty.committee.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.smartproperty.estate.EstateService;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.security.AccountIdentity;
import org.smartproperty.platform.security.Binding;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.ScopeBinder;

/**
 * OCS-1..4 (issue 12 item 3): a real-name person whose identity document is the owner record of a
 * member of an ACTIVE committee, on a day within its term, acts as that committee (its estate's
 * scope, role COMMITTEE); the head (主任) and deputies (副主任) also edit its details and members
 * ({@value #EDIT_OWN}, OCS-2/3, with the change history the regulator sees), other members read. The
 * binding is gone the day after the term ends, when the committee is ended, or when the member is removed.
 */
@Component(service = ScopeBinder.class)
public class CommitteeBinder implements ScopeBinder {

    /** What the head and deputies may do beyond the COMMITTEE role: edit their own committee (OCS-2, OCS-3). */
    public static final String EDIT_OWN = "committee:write-own";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.committee.impl)")
    private SchemaReady schema;

    /** The owner records of an identity; absent = no committee binding (the estate domain is being updated). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile EstateService estates;

    public CommitteeBinder() {
    }

    /** Outside OSGi (tests). */
    CommitteeBinder(EstateService estates) {
        this.estates = estates;
    }

    @Override
    public List<Binding> bindings(Connection c, AccountIdentity identity) throws SQLException {
        EstateService es = estates;
        if (identity == null || identity.legalPerson() || es == null) {
            return List.of();
        }
        List<Long> owners = es.ownerIdsOf(identity);
        List<Binding> out = new ArrayList<>();
        LocalDate today = LocalDate.now(ZONE);
        for (long owner : owners) {
            try (PreparedStatement ps = c.prepareStatement("SELECT c.id, c.estate_id, c.name, m.position FROM ocm_member m "
                    + "JOIN ocm_committee c ON c.id = m.committee_id WHERE m.owner_id = ? AND c.status = 'ACTIVE' "
                    + "AND c.term_start <= ? AND c.term_end >= ? ORDER BY c.id")) {
                ps.setLong(1, owner);
                ps.setDate(2, Date.valueOf(today));
                ps.setDate(3, Date.valueOf(today));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String position = rs.getString(4);
                        boolean edits = "HEAD".equals(position) || "DEPUTY".equals(position);
                        out.add(new Binding("committee:" + rs.getLong(1), Role.COMMITTEE, DataScope.committee(rs.getLong(2)),
                                edits ? Set.of(EDIT_OWN) : Set.of(), rs.getString(3) + "（" + position + "）"));
                    }
                }
            }
        }
        return out;
    }
}
