package org.smartproperty.platform.security;

import java.util.Set;

/**
 * On which objects a principal may act: ALL (regulator), the estates a company manages
 * (COMPANY), the estate of a committee (COMMITTEE), the houses of an owner (OWNER), or NONE.
 * Services apply it in their queries, so an id outside the scope is 404, never the record.
 */
public record DataScope(Kind kind, Long companyId, Set<Long> estateIds, Long ownerId) {

    public enum Kind { ALL, COMPANY, COMMITTEE, OWNER, NONE }

    public DataScope {
        estateIds = estateIds == null ? Set.of() : Set.copyOf(estateIds);
    }

    public static final DataScope ALL = new DataScope(Kind.ALL, null, null, null);
    public static final DataScope NONE = new DataScope(Kind.NONE, null, null, null);

    public static DataScope company(long companyId) {
        return new DataScope(Kind.COMPANY, companyId, null, null);
    }

    public static DataScope committee(long estateId) {
        return new DataScope(Kind.COMMITTEE, null, Set.of(estateId), null);
    }

    public static DataScope owner(long ownerId) {
        return new DataScope(Kind.OWNER, null, null, ownerId);
    }

    public boolean all() {
        return kind == Kind.ALL;
    }
}
