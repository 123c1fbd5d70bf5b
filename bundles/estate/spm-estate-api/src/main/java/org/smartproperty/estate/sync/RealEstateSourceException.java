package org.smartproperty.estate.sync;

/** The real-estate system could not be reached or answered something that is not a page of changes. */
public class RealEstateSourceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RealEstateSourceException(String message) {
        super(message);
    }

    public RealEstateSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
