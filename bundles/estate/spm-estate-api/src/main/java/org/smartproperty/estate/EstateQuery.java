package org.smartproperty.estate;

/**
 * Filters of the estate list; null means "any".
 *
 * @param name      part of the name, case-insensitive
 * @param bbox      minLon, minLat, maxLon, maxLat of the estate's location
 */
public record EstateQuery(String name, String community, Long companyId, EstateStatus status, double[] bbox) {

    public static EstateQuery all() {
        return new EstateQuery(null, null, null, null, null);
    }
}
