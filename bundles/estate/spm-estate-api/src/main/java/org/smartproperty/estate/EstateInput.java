package org.smartproperty.estate;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What the regulator writes about an estate (create and full update).
 *
 * @param projectCode  project number in the real-estate information system (one project = one estate), optional
 * @param adminCode    administrative division code of the community, 9 or 12 digits (Hengqin town 440402104)
 * @param boundary     optional GeoJSON Polygon or MultiPolygon in CGCS2000
 * @param companyId    the property company managing the estate (owned by the company domain later)
 * @param feeStandard  property fee, yuan per m² per month
 */
public record EstateInput(String projectCode, String name, String address, String community, String adminCode,
                          GeoPoint location, Map<String, Object> boundary, String developer, Long companyId,
                          String companyName, BigDecimal feeStandard, String overview) {
}
