package org.smartproperty.publishing;

/** The level of a policy or regulation (PUB-1): state law and regulations, the province's, the city's (Zhuhai), the zone's own. */
public enum PolicyLevel { NATIONAL, PROVINCIAL, CITY, ZONE }
