package org.smartproperty.estate;

import java.math.BigDecimal;
import java.util.List;

/** A house with its place in the building table and its owners (masked unless the caller may see them). */
public record House(long id, String unitCode, long estateId, long buildingId, String buildingNumber, String unitName,
                    int floor, String roomNo, HouseUse use, BigDecimal plannedArea, BigDecimal measuredArea,
                    HouseStatus status, List<Owner> owners, long version) {
}
