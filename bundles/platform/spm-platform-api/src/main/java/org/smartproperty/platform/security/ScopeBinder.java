package org.smartproperty.platform.security;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard (issue 12): a domain that keeps a registry of people or organisations (houses and
 * owners, companies, committees, developers) says what an identity may act as in it, now. The
 * security bundle asks every binder when it resolves a session (and again when the security
 * revision moves, see {@link ScopeChanges}), so a verification, a revoked company or an ended
 * term changes what a session reaches without a restart.
 */
@ConsumerType
public interface ScopeBinder {

    /**
     * The bindings the registry gives this identity now, read on {@code c} (the security bundle's
     * read transaction; the binder only reads). Empty when it has none.
     */
    List<Binding> bindings(Connection c, AccountIdentity identity) throws SQLException;

    /**
     * The reverse look-up, for whom to notify ({@link AccountDirectory#accountsOf}): the identity document numbers
     * (normalised: no spaces, brackets or dashes, upper case) of the people this binder would bind to {@code scope}, e.g.
     * the owner record's document for {@code DataScope.owner(id)}. The directory confirms each account it finds by
     * these numbers through {@link #bindings}, so a number given here never grants anything by itself. Read on
     * {@code c}; empty by default (a binder whose scopes have stored-scope accounts only).
     */
    default List<String> documentsOf(Connection c, DataScope scope) throws SQLException {
        return List.of();
    }
}
