package org.smartproperty.credit;

/** Where a record comes from (CRD-1). MANUAL records are issued by the regulator by hand. */
public enum RecordSource { MANUAL, INSPECTION, COMPLAINT, ASSESSMENT, PENALTY, AWARD }
