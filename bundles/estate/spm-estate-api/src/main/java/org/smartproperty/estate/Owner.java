package org.smartproperty.estate;

import java.math.BigDecimal;

/**
 * An owner as shown to a caller. With {@code masked = true} name, identity number and phone are
 * masked (rule ID-2).
 */
public record Owner(long id, String name, IdType idType, String idNumber, String phone, BigDecimal share, boolean masked) {
}
