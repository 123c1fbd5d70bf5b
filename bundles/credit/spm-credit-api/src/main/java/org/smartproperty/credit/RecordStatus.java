package org.smartproperty.credit;

/**
 * ACTIVE counts while valid; EXPIRED is ACTIVE past its validity (computed, CRD-2); WITHDRAWN by an appeal the regulator
 * granted; REPAIRED by credit repair (CRD-4). Records are never deleted.
 */
public enum RecordStatus { ACTIVE, EXPIRED, WITHDRAWN, REPAIRED }
