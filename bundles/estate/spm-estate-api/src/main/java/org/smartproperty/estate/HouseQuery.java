package org.smartproperty.estate;

/** Filters of an estate's house list; null means "any". */
public record HouseQuery(Long buildingId, Integer floor, HouseStatus status, HouseUse use) {
}
