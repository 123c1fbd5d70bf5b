package org.smartproperty.complaint;

/**
 * Where the regulator sends a complaint (SVC-CMP-2): to an officer's account
 * ({@code officerAccountId}), or forwarded to the company complained about
 * ({@code forwardToCompany} true; the complaint must name a company). Exactly one of the two.
 */
public record Dispatch(Long officerAccountId, Boolean forwardToCompany, String note) {
}
