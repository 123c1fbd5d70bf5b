package org.smartproperty.credit;

/** SUBMITTED until the regulator decides: UPHELD (the record stays) or WITHDRAWN (the record is withdrawn). */
public enum AppealStatus { SUBMITTED, UPHELD, WITHDRAWN }
