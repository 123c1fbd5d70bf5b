package org.smartproperty.estate.registration;

/**
 * The registration system could not be reached (connection refused, timeout), failed (5xx,
 * refused credentials) or answered something that is not an answer (malformed JSON). Nothing may
 * be concluded about title from it.
 */
public class RegistryUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public RegistryUnavailableException(String message) {
        super(message);
    }

    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
