package org.smartproperty.estate.sync;

import java.util.List;

/**
 * One page of changes. Projects and buildings of a page come before the houses that refer to them.
 *
 * @param nextCursor the cursor of the next page; {@code null} on the last page
 */
public record Batch(List<ProjectRecord> projects, List<BuildingRecord> buildings, List<HouseRecord> houses,
                    List<MalformedRecord> malformed, String nextCursor) {

    public Batch {
        projects = projects == null ? List.of() : List.copyOf(projects);
        buildings = buildings == null ? List.of() : List.copyOf(buildings);
        houses = houses == null ? List.of() : List.copyOf(houses);
        malformed = malformed == null ? List.of() : List.copyOf(malformed);
    }

    /** Number of records in the page, malformed ones included. */
    public int size() {
        return projects.size() + buildings.size() + houses.size() + malformed.size();
    }
}
