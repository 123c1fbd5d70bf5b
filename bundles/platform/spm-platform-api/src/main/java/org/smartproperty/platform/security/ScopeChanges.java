package org.smartproperty.platform.security;

import java.sql.Connection;
import java.sql.SQLException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A domain tells the security bundle that something a {@link ScopeBinder} reads has changed (a
 * title verified or withdrawn, a company revoked, a committee member removed), inside its own
 * transaction: when it commits, every node resolves its sessions again within the revision check
 * period (issue 11 item 4) instead of the token cache's lifetime.
 */
@ProviderType
public interface ScopeChanges {

    /** Marks the scopes changed, on the caller's connection (commits or rolls back with it). */
    void changed(Connection c) throws SQLException;
}
