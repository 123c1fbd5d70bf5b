package org.smartproperty.platform.security;

/**
 * Who an account is in the outside world, as its real-name login vouched for it (issue 12): a
 * natural person's identity document or a legal person's unified social credit code. Binders
 * ({@link ScopeBinder}) match it against their registries. Personal data: never logged or
 * answered unmasked.
 *
 * @param provider   the identity provider that vouched, e.g. {@code gd-tyrz}
 * @param idType     the provider's document type code as sent (e.g. {@code 111} mainland ID card,
 *                   {@code 516} Hong Kong / Macao ID); null for a legal person
 * @param idNumber   the document number as sent; null for a legal person
 * @param creditCode the unified social credit code (统一社会信用代码) of a legal person, upper case; else null
 */
public record AccountIdentity(long accountId, String provider, String idType, String idNumber, String creditCode) {

    public boolean legalPerson() {
        return creditCode != null;
    }
}
