package org.smartproperty.estate;

import java.util.List;

/** One row of the building table (楼盘表): building → units → floors with house counts. */
public record Building(long id, long estateId, String number, String name, int floorsAbove, int floorsBelow,
                       List<BuildingUnit> units, long houseCount, long version) {

    /** A unit or logical building and its floors. */
    public record BuildingUnit(long id, String name, List<Floor> floors) {
    }

    /** A floor and how many houses it has. */
    public record Floor(int floor, long houseCount) {
    }
}
