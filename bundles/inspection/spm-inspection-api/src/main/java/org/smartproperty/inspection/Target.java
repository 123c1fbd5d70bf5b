package org.smartproperty.inspection;

/** What a check item, an inspectable object and a task are about (DR-1): a property company or an estate. */
public enum Target {
    COMPANY, ESTATE
}
