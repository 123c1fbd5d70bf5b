package org.smartproperty.estate;

import java.math.BigDecimal;
import java.util.List;

/**
 * A house (户) of the building table.
 *
 * @param unitCode     the 28-character 不动产单元号, unique in the zone
 * @param unitName     the unit / logical building inside the building (must exist on the building), optional
 * @param plannedArea  planned (预测) floor area, m²
 * @param measuredArea measured (实测) floor area, m², once surveyed
 */
public record HouseInput(String unitCode, Long buildingId, String unitName, Integer floor, String roomNo, HouseUse use,
                         BigDecimal plannedArea, BigDecimal measuredArea, HouseStatus status, List<OwnerInput> owners) {
}
