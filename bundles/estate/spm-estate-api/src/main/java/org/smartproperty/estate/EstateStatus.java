package org.smartproperty.estate;

/** Estates are never deleted: an estate that is no longer supervised is ARCHIVED. */
public enum EstateStatus {
    ACTIVE, ARCHIVED
}
