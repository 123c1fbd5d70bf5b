package org.smartproperty.credit;

/** The base items a company declares (CRD-1): qualifications, staff, awards; each category has a cap in the configuration. */
public enum DeclarationCategory { QUALIFICATION, STAFF, AWARD }
