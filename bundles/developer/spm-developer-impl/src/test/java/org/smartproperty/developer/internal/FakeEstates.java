package org.smartproperty.developer.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.smartproperty.estate.Building;
import org.smartproperty.estate.BuildingInput;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateInput;
import org.smartproperty.estate.EstateQuery;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.EstateStatus;
import org.smartproperty.estate.House;
import org.smartproperty.estate.HouseInput;
import org.smartproperty.estate.HouseQuery;
import org.smartproperty.estate.OwnerInput;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.security.DataScope;

/** The estate registry as the developer domain sees it through {@link EstateService}: list and get, in memory. */
final class FakeEstates implements EstateService {

    final Map<Long, Estate> estates = new ConcurrentHashMap<>();
    /** How many list calls were made (the match pages through the registry). */
    volatile int listCalls;

    Estate add(long id, String developer) {
        Estate e = new Estate(id, "HQ-T-" + id, "小区" + id, null, null, null, null, null, developer, null, null, null, null,
                EstateStatus.ACTIVE, 0, 0, 0, null, null);
        estates.put(id, e);
        return e;
    }

    @Override
    public Page<Estate> list(DataScope scope, EstateQuery query, PageRequest page) {
        listCalls++;
        List<Estate> all = new ArrayList<>(estates.values());
        all.sort(Comparator.comparingLong(Estate::id));
        int from = Math.min(all.size(), page.offset());
        int to = Math.min(all.size(), from + page.size());
        return new Page<>(all.subList(from, to), page.page(), page.size(), all.size());
    }

    @Override
    public Estate get(DataScope scope, long id) {
        Estate e = estates.get(id);
        if (e == null) {
            throw ApiException.notFound("objects.estate", id);
        }
        return e;
    }

    @Override
    public Estate create(EstateInput input, String actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Estate update(long id, long expectedVersion, EstateInput input, String actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Estate archive(long id, long expectedVersion, String actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Building> buildings(DataScope scope, long estateId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Building createBuilding(long estateId, BuildingInput input, String actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<House> houses(DataScope scope, long estateId, HouseQuery query, PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public House createHouse(long estateId, HouseInput input, String actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int createHouses(long estateId, List<HouseInput> inputs, String actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public House house(DataScope scope, String unitCode) {
        throw new UnsupportedOperationException();
    }

    @Override
    public House houseUnmasked(DataScope scope, String unitCode, String actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public House addOwner(String unitCode, OwnerInput owner, String actor) {
        throw new UnsupportedOperationException();
    }
}
