package org.smartproperty.platform.workflow;

/**
 * Who may fire a transition, relative to the item (the domain's {@link PartyCheck} decides who is
 * which for one item): the person who reported or requested it, the person or company it is
 * assigned to, the property company concerned, the owners' committee of its estate, the
 * regulator's staff, or the platform itself (timeouts).
 */
public enum Party {
    REPORTER, ASSIGNEE, COMPANY, COMMITTEE, REGULATOR, SYSTEM
}
