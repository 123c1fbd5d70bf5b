package org.smartproperty.estate;

import java.util.List;

import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;

/**
 * The estate registry (SUP-EST-1) and building table (SUP-EST-2). Every method is one
 * transaction; invalid input throws a 400 {@code ApiException} with field errors, unknown ids 404,
 * duplicates 409 and stale versions 412 — nothing is half-written.
 */
public interface EstateService {

    /** Properties the estate list can be sorted by. */
    java.util.Set<String> ESTATE_SORT = java.util.Set.of("id", "name", "community", "createdAt", "updatedAt");
    /** Properties the house list can be sorted by. */
    java.util.Set<String> HOUSE_SORT = java.util.Set.of("id", "unitCode", "floor", "roomNo", "measuredArea");

    Page<Estate> list(EstateQuery query, PageRequest page);

    Estate get(long id);

    Estate create(EstateInput input, String actor);

    Estate update(long id, long expectedVersion, EstateInput input, String actor);

    /** Archives (never deletes) an estate; archiving twice is 409. */
    Estate archive(long id, long expectedVersion, String actor);

    List<Building> buildings(long estateId);

    Building createBuilding(long estateId, BuildingInput input, String actor);

    Page<House> houses(long estateId, HouseQuery query, PageRequest page);

    House createHouse(long estateId, HouseInput input, String actor);

    /** All-or-nothing import of many houses of one estate (demo data, sync). @return the number created */
    int createHouses(long estateId, List<HouseInput> inputs, String actor);

    House house(String unitCode);

    House addOwner(String unitCode, OwnerInput owner, String actor);
}
