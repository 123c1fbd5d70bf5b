package org.smartproperty.platform.security;

import java.util.Set;

/**
 * On which objects a principal may act: ALL (regulator), the estates a company manages
 * (COMPANY), the estate of a committee (COMMITTEE), the houses of an owner (OWNER), the estates a
 * developer built (DEVELOPER), or NONE. Services apply it in their queries, so an id outside the
 * scope is 404, never the record.
 *
 * @param houseIds for OWNER: when not empty, only these of the owner's houses (the houses whose
 *                 title verification succeeded, issue 12 item 1); empty = every house of the owner
 * @param developerId for DEVELOPER: the developer organisation (DEV-1); {@code estateIds} its estates
 */
public record DataScope(Kind kind, Long companyId, Set<Long> estateIds, Long ownerId, Long developerId, Set<Long> houseIds) {

    public enum Kind { ALL, COMPANY, COMMITTEE, OWNER, DEVELOPER, NONE }

    public DataScope {
        estateIds = estateIds == null ? Set.of() : Set.copyOf(estateIds);
        houseIds = houseIds == null ? Set.of() : Set.copyOf(houseIds);
    }

    /** The scope of API 2.0 (no developer, every house of an owner). */
    public DataScope(Kind kind, Long companyId, Set<Long> estateIds, Long ownerId) {
        this(kind, companyId, estateIds, ownerId, null, null);
    }

    public static final DataScope ALL = new DataScope(Kind.ALL, null, null, null);
    public static final DataScope NONE = new DataScope(Kind.NONE, null, null, null);

    public static DataScope company(long companyId) {
        return new DataScope(Kind.COMPANY, companyId, null, null);
    }

    public static DataScope committee(long estateId) {
        return new DataScope(Kind.COMMITTEE, null, Set.of(estateId), null);
    }

    /** Every house the owner record is linked to (an account the administrator scoped by hand). */
    public static DataScope owner(long ownerId) {
        return new DataScope(Kind.OWNER, null, null, ownerId);
    }

    /** Only these houses of the owner (a real-name owner: the houses whose title is verified, OWN-2). */
    public static DataScope owner(long ownerId, Set<Long> houseIds) {
        if (houseIds == null || houseIds.isEmpty()) {
            throw new IllegalArgumentException("an owner scope limited to houses needs at least one house");
        }
        return new DataScope(Kind.OWNER, null, null, ownerId, null, houseIds);
    }

    /** A developer organisation and the estates it developed (DEV-1). */
    public static DataScope developer(long developerId, Set<Long> estateIds) {
        return new DataScope(Kind.DEVELOPER, null, estateIds, null, developerId, null);
    }

    public boolean all() {
        return kind == Kind.ALL;
    }
}
