package org.smartproperty.platform.security;

import org.osgi.annotation.versioning.ConsumerType;
import java.net.URI;

/** SPI of an external login (OAuth 2.0-style authorization code flow). */
@ConsumerType
public interface IdentityProvider {

    /** Stable id of the provider, e.g. {@code gd-tyrz}. */
    String id();

    /** Where to send the browser to log in. */
    URI authorizationUri(String state, URI redirectUri);

    /**
     * Exchanges the authorization code for the user's identity (token exchange + tokeninfo).
     *
     * @throws IdentityProviderException with the provider's error code when the provider refuses
     */
    ExternalIdentity exchange(String code, URI redirectUri) throws IdentityProviderException;
}
