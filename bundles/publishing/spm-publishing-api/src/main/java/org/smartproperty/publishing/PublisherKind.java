package org.smartproperty.publishing;

/** Who publishes a notice: the regulator (zone-wide or chosen estates), an estate's company, an estate's owners' committee. */
public enum PublisherKind { REGULATOR, COMPANY, COMMITTEE }
