package org.smartproperty.assessment;

/** OPEN: companies submit; CLOSED: no more submissions, computed indicators evaluated; PUBLISHED: scores and ranks frozen and public. */
public enum RoundStatus { OPEN, CLOSED, PUBLISHED }
