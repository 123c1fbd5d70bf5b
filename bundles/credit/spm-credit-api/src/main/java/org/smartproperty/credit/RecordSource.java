package org.smartproperty.credit;

/** Where a record comes from (CRD-1). MANUAL records are issued by the regulator by hand; SURVEY: owners' satisfaction (SVC-SAT-2, 1.1). */
public enum RecordSource { MANUAL, INSPECTION, COMPLAINT, ASSESSMENT, PENALTY, AWARD, SURVEY }
