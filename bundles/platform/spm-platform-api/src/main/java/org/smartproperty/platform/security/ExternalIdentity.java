package org.smartproperty.platform.security;

import java.util.Map;

/**
 * A person or legal person as an external identity provider (the Guangdong unified identity
 * authentication platform, INT-IDP) vouches for them.
 *
 * @param provider   provider id, e.g. {@code gd-tyrz}
 * @param uid        the provider's stable user id
 * @param idType     the provider's identity-document type code, as sent
 * @param real       whether the provider verified the real name (isreal)
 * @param trustLevel the provider's trust level of the account (higher is stronger)
 * @param userType   the provider's user type (natural person / legal person), as sent
 */
public record ExternalIdentity(String provider, String uid, String name, String idType, String idNumber, String phone,
                               String email, boolean real, int trustLevel, String userType, Map<String, String> ext) {

    public ExternalIdentity {
        ext = ext == null ? Map.of() : Map.copyOf(ext);
    }
}
