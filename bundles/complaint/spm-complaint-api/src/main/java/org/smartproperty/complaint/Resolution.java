package org.smartproperty.complaint;

/**
 * The result of a complaint (SVC-CMP-4, transition {@code resolve}): {@code result} the text the complainant is told
 * (required), {@code upheld} the verdict (issue 14, CRD-2): true when the complaint was substantiated against the property
 * company complained about (投诉属实; the company's credit gets the signal {@code COMPLAINT/upheld}), false when it was
 * not, null when no verdict is given. The company complained about gives no verdict on itself.
 */
public record Resolution(String result, Boolean upheld) {

    /** A result without a verdict. */
    public static Resolution of(String result) {
        return new Resolution(result, null);
    }
}
