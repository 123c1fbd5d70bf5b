package org.smartproperty.estate;

import java.math.BigDecimal;

/**
 * An owner as shown to a caller. With {@code masked = true} name, identity number and phone are
 * masked (rule ID-2).
 *
 * @param title the owner's current verified title to the house (OWN-2: latest check against the
 *              registration system, HELD), or null when not verified
 */
public record Owner(long id, String name, IdType idType, String idNumber, String phone, BigDecimal share, boolean masked,
                    TitleVerification title) {

    /** An owner without verified title. */
    public Owner(long id, String name, IdType idType, String idNumber, String phone, BigDecimal share, boolean masked) {
        this(id, name, idType, idNumber, phone, share, masked, null);
    }
}
