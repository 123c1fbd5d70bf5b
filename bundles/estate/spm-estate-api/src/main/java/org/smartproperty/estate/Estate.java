package org.smartproperty.estate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** An estate (物业小区) as the API shows it. {@code version} is also the HTTP ETag. */
public record Estate(long id, String projectCode, String name, String address, String community, String adminCode,
                     GeoPoint location, Map<String, Object> boundary, String developer, Long companyId, String companyName,
                     BigDecimal feeStandard, String overview, EstateStatus status, long buildingCount, long houseCount,
                     long version, Instant createdAt, Instant updatedAt) {
}
