package org.smartproperty.platform.security;

/** The identity provider refused or failed; {@code errcode} as the provider sent it. */
public class IdentityProviderException extends Exception {

    private static final long serialVersionUID = 1L;
    private final String errcode;

    public IdentityProviderException(String errcode, String message, Throwable cause) {
        super(message, cause);
        this.errcode = errcode;
    }

    public String errcode() {
        return errcode;
    }
}
