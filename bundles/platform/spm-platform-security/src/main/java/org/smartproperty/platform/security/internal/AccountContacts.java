package org.smartproperty.platform.security.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.smartproperty.platform.security.AccountDirectory.Contact;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;

/**
 * The {@code AccountDirectory} look-ups: active accounts of an organisation or role with their
 * contact phone, for notifications. Part of {@link SecurityServiceImpl}, split along its duties
 * (issue 10 item 5); transactions through the service.
 */
final class AccountContacts {

    private final SecurityServiceImpl owner;

    AccountContacts(SecurityServiceImpl owner) {
        this.owner = owner;
    }

    public Optional<Contact> contact(long accountId) {
        return owner.tx(c -> {
            List<Contact> found = contacts(c, "a.id = ?", accountId);
            return found.isEmpty() ? Optional.<Contact>empty() : Optional.of(found.get(0));
        });
    }

    public List<Contact> accountsOf(DataScope scope) {
        if (scope == null) {
            return List.of();
        }
        return owner.tx(c -> switch (scope.kind()) {
            case COMPANY -> contacts(c, "a.scope_kind = 'COMPANY' AND a.company_id = ?", scope.companyId());
            case COMMITTEE -> scope.estateIds().isEmpty() ? List.<Contact>of()
                    : contacts(c, "a.scope_kind = 'COMMITTEE' AND a.estate_id = ?", scope.estateIds().iterator().next());
            case OWNER -> withRealName(c, scope, contacts(c, "a.scope_kind = 'OWNER' AND a.owner_id = ?", scope.ownerId()));
            default -> List.<Contact>of();
        });
    }

    /**
     * The stored-scope accounts plus the real-name accounts a binder binds to {@code scope} now: the binders name the
     * documents (ScopeBinder.documentsOf), each ACTIVE account with such a document is resolved as a session would be
     * and kept only when one of its bindings has exactly this scope (kind and owner); in account id order.
     */
    private List<Contact> withRealName(Connection c, DataScope scope, List<Contact> stored) throws SQLException {
        java.util.Set<String> documents = new java.util.TreeSet<>();
        for (org.smartproperty.platform.security.ScopeBinder b : owner.binders()) {
            try {
                documents.addAll(b.documentsOf(c, scope));
            } catch (SQLException | RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(AccountContacts.class).warn("Scope binder {} failed to name the documents of {}: {}",
                        b.getClass().getName(), scope.kind(), e.toString());
            }
        }
        if (documents.isEmpty()) {
            return stored;
        }
        java.util.Map<Long, Contact> out = new java.util.TreeMap<>();
        stored.forEach(x -> out.put(x.accountId(), x));
        for (String document : documents) {
            List<Long> ids = new ArrayList<>();
            // the account keeps the number as the provider sent it; the binders give it normalised (IdDocuments.normalize)
            try (PreparedStatement ps = c.prepareStatement("SELECT a.id FROM sec_account a WHERE a.status = 'ACTIVE' AND a.id_number IS NOT NULL "
                    + "AND UPPER(REPLACE(REPLACE(REPLACE(REPLACE(a.id_number, ' ', ''), '-', ''), '(', ''), ')', '')) = ? ORDER BY a.id")) {
                ps.setString(1, document);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            for (long id : ids) {
                if (out.containsKey(id)) {
                    continue;
                }
                AccountRows.Account a = AccountRows.load(c, "id = ?", id);
                if (a != null && AccountBindings.resolve(c, a, owner.binders()).stream().anyMatch(x -> !AccountBindings.STORED.equals(x.key())
                        && x.scope().kind() == scope.kind() && java.util.Objects.equals(x.scope().ownerId(), scope.ownerId()))) {
                    contacts(c, "a.id = ?", id).forEach(x -> out.put(x.accountId(), x));
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    public List<Contact> accountsWithRole(Role role) {
        return owner.tx(c -> contacts(c, "EXISTS (SELECT 1 FROM sec_account_role r WHERE r.account_id = a.id AND r.role = ?)", role.name()));
    }

    private static List<Contact> contacts(Connection c, String where, Object arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.username, a.display_name, a.phone FROM sec_account a WHERE a.status = 'ACTIVE' AND "
                + where + " ORDER BY a.id")) {
            ps.setObject(1, arg);
            List<Contact> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Contact(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return out;
        }
    }
}
