package org.smartproperty.vote;

import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * The vote domain (Owner votes). Every method takes the caller and is one transaction; invalid input throws a 400
 * {@code ApiException} with all field errors, a title already used a 409. Every write is audited in the same
 * transaction (object kind {@code vote}).
 */
@ProviderType
public interface VoteService {

    /** Properties the list can be sorted by. */
    Set<String> SORT = Set.of("id", "title", "createdAt");

    Page<Vote> list(SpmPrincipal caller, PageRequest page);

    Vote create(SpmPrincipal caller, VoteInput input);
}
