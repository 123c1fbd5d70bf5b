package org.smartproperty.estate;

/** 房屋用途 as recorded in the building table. */
public enum HouseUse {
    RESIDENTIAL, COMMERCIAL, OFFICE, PARKING, STORAGE, OTHER
}
