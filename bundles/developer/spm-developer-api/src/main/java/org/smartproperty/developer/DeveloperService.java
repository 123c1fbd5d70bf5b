package org.smartproperty.developer;

import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.security.DataScope;

/**
 * The developer organisation registry (开发建设单位, DEV-1): the developers whose legal persons log in through the
 * provincial identity platform (INT-IDP) and the estates they built. Every method is one transaction; invalid input
 * throws a 400 {@code ApiException} with all field errors, unknown ids 404, a credit code taken or a revoked developer
 * 409, a stale version 412. Reads take the caller's {@link DataScope}: ALL sees every developer, DEVELOPER only its
 * own ({@code developerId}), everyone else none (404, as if it did not exist). Every write is audited in the same
 * transaction, and a write that changes what a developer's login reaches (registration, credit code, name, estates,
 * revocation) marks the security scopes changed in it, so sessions follow at once.
 *
 * <p>Estates are read through the estate domain's {@code EstateService}: while it is absent, registration, updates
 * naming estates and matching answer 503.
 */
@ProviderType
public interface DeveloperService {

    /** Properties the developer list can be sorted by. */
    Set<String> SORT = Set.of("id", "name", "creditCode", "status", "createdAt", "updatedAt");

    Page<Developer> list(DataScope scope, DeveloperQuery query, PageRequest page);

    Developer get(DataScope scope, long id);

    /**
     * The regulator registers a developer (ACTIVE); besides the estates named in the input, every estate whose
     * {@code developer} text equals the name and that no other developer holds is linked.
     */
    Developer create(DeveloperInput input, String actor);

    /** Full update of an ACTIVE developer (a REVOKED one is 409); {@code estateIds} null keeps the links. */
    Developer update(long id, long expectedVersion, DeveloperInput input, String actor);

    /** Revokes an ACTIVE developer (final); a reason is required. Its login binds nothing from then on. */
    Developer revoke(long id, long expectedVersion, String reason, String actor);

    /**
     * Links every estate whose {@code developer} text equals the developer's name (trimmed) and that no developer
     * holds yet; estates held by another developer are reported, not moved. 409 for a REVOKED developer.
     */
    EstateMatch matchEstates(long id, String actor);
}
