package org.smartproperty.publishing;

/** A policy's life in the library: DRAFT (the regulator's only), PUBLISHED (public, searchable), WITHDRAWN (taken down). */
public enum PolicyStatus { DRAFT, PUBLISHED, WITHDRAWN }
