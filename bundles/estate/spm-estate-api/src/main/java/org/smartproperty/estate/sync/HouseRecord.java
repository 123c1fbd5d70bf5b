package org.smartproperty.estate.sync;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A house of the building table, keyed by its 28-character unit code (SUP-EST-2). Values are as
 * the source sent them (use, status and document types as text); the sync validates them.
 *
 * @param use    a {@link org.smartproperty.estate.HouseUse} name
 * @param status a {@link org.smartproperty.estate.HouseStatus} name, or null (derived from the owners)
 */
public record HouseRecord(String unitCode, String projectCode, String buildingNumber, String unitName, Integer floor,
                          String roomNo, String use, BigDecimal plannedArea, BigDecimal measuredArea, String status,
                          List<OwnerRecord> owners, Instant changedAt) {
}
