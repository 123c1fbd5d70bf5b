package org.smartproperty.credit;

/** Filters of the company list: name part, grade, blacklisted. */
public record CreditQuery(String name, String grade, Boolean blacklisted) {
}
