package org.smartproperty.estate;

import org.osgi.annotation.versioning.ProviderType;
import java.util.List;

import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.security.DataScope;

/**
 * The estate registry (SUP-EST-1) and building table (SUP-EST-2). Every method is one
 * transaction; invalid input throws a 400 {@code ApiException} with field errors, unknown ids 404,
 * duplicates 409 and stale versions 412 — nothing is half-written. Reads take the caller's
 * {@link DataScope}: an object outside it is 404, exactly like one that does not exist. Every
 * write is audited in its own transaction. (Methods added after 1.0 have default bodies so
 * existing implementations, e.g. test doubles, keep compiling.)
 */
@ProviderType
public interface EstateService {

    /** Properties the estate list can be sorted by. */
    java.util.Set<String> ESTATE_SORT = java.util.Set.of("id", "name", "community", "createdAt", "updatedAt");
    /** Properties the house list can be sorted by. */
    java.util.Set<String> HOUSE_SORT = java.util.Set.of("id", "unitCode", "floor", "roomNo", "measuredArea");

    Page<Estate> list(DataScope scope, EstateQuery query, PageRequest page);

    Estate get(DataScope scope, long id);

    Estate create(EstateInput input, String actor);

    Estate update(long id, long expectedVersion, EstateInput input, String actor);

    /** Archives (never deletes) an estate; archiving twice is 409. */
    Estate archive(long id, long expectedVersion, String actor);

    List<Building> buildings(DataScope scope, long estateId);

    Building createBuilding(long estateId, BuildingInput input, String actor);

    Page<House> houses(DataScope scope, long estateId, HouseQuery query, PageRequest page);

    House createHouse(long estateId, HouseInput input, String actor);

    /** All-or-nothing import of many houses of one estate (demo data, sync). @return the number created */
    int createHouses(long estateId, List<HouseInput> inputs, String actor);

    House house(DataScope scope, String unitCode);

    /**
     * The house with its owners unmasked (ID-2). The caller must hold {@code owner:view-full}
     * (checked by the REST layer); every such view is written to the audit log.
     */
    House houseUnmasked(DataScope scope, String unitCode, String actor);

    House addOwner(String unitCode, OwnerInput owner, String actor);

    /**
     * OWN-2 / INT-REG: asks the real-estate registration system whether the owner (a registered
     * owner of the house, identified by their stored document and name) holds title to it, and
     * records the answer in {@code est_title_verification} with an audit row, in one transaction.
     * HELD makes it the owner's verified title (area, share, certificate); NOT_HELD is recorded but
     * verifies nothing. The house must lie in the scope and the owner be one of its owners (404).
     * An unreachable registry is 503 and nothing is recorded.
     */
    default TitleVerification verifyTitle(DataScope scope, String unitCode, long ownerId, String actor) {
        throw new UnsupportedOperationException("title verification (OWN-2) not implemented by " + getClass().getName());
    }

    /**
     * The latest verification per owner of the house (newest first), in scope: an OWNER scope
     * sees only its own. 404 when the house is outside the scope.
     */
    default List<TitleVerification> titleVerifications(DataScope scope, String unitCode) {
        throw new UnsupportedOperationException("title verification (OWN-2) not implemented by " + getClass().getName());
    }

    /**
     * OWN-1 / OWN-2 for a real-name owner (issue 12 item 1): the owner records whose identity
     * document is the account's ({@link org.smartproperty.platform.security.AccountIdentity}: number
     * normalised, type compatible with the provider's code), each of their houses verified with the
     * registration system as {@link #verifyTitle} does, one transaction per house. A HELD answer
     * gives the account the house's scope at once (the security revision moves in the same
     * transaction). Empty when no owner record carries the document. 503 when the registry is not reachable.
     */
    default List<TitleVerification> verifyOwnTitles(org.smartproperty.platform.security.AccountIdentity identity, String actor) {
        throw new UnsupportedOperationException("own title verification (OWN-1) not implemented by " + getClass().getName());
    }

    /** The owner records (ids) whose identity document is the account's, as {@link #verifyOwnTitles} matches them. */
    default List<Long> ownerIdsOf(org.smartproperty.platform.security.AccountIdentity identity) {
        throw new UnsupportedOperationException("owner identities not implemented by " + getClass().getName());
    }

    /**
     * The owner records (ids, ascending) of the estate's houses: whom an estate notice is pushed to (PUB-2, COS-9).
     * Empty for an unknown estate. No scope: for services acting for the estate's publisher, never shown as such.
     */
    default List<Long> ownerIdsOfEstate(long estateId) {
        throw new UnsupportedOperationException("owners of an estate not implemented by " + getClass().getName());
    }

    /**
     * VOTE-1, VOTE-5: the estate's verified titles with their exclusive areas and its unsold houses, as an owners' vote
     * freezes its electorate when it opens (issue 16). One read transaction; no scope (the vote domain checks its caller);
     * an unknown estate gives an empty register.
     */
    default VotingRegister votingRegister(long estateId) {
        throw new UnsupportedOperationException("voting register not implemented by " + getClass().getName());
    }

    /**
     * MAP-1 at province scale (issue 17): the located estates matching the query (status, company, community, bbox) in the
     * scope, as light points ordered by id, at most {@code limit} of them — one indexed query without a count, so a map can
     * cluster tens of thousands of estates per request. Since 1.4.
     */
    default List<EstatePoint> points(DataScope scope, EstateQuery query, int limit) {
        throw new UnsupportedOperationException("estate points not implemented by " + getClass().getName());
    }
}
