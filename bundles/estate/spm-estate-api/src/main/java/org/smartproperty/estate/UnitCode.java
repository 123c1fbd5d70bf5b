package org.smartproperty.estate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 不动产单元号 (real-estate unit code), 28 characters (DOMAIN-RULES "Real-estate registration"):
 * 6-digit county + 3-digit cadastral district + 3-digit sub-district + 2-character parcel
 * feature code (G/J/Z then a letter) + 5-digit parcel number + 1 structure code (F/L/Q/W) +
 * 8-digit structure unit number. The first 19 characters are the parcel code (宗地代码).
 */
public final class UnitCode {

    public static final int LENGTH = 28;

    private UnitCode() {
    }

    /** Upper-cases and strips blanks; does not validate. */
    public static String normalize(String code) {
        return code == null ? null : code.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /** @return message keys (of {@link EstateMessages#TEXTS}) for every rule the code breaks; empty when valid */
    public static List<String> violations(String raw) {
        List<String> v = new ArrayList<>();
        if (raw == null || raw.isBlank()) {
            v.add("unitCode.required");
            return v;
        }
        String c = normalize(raw);
        if (c.length() != LENGTH) {
            v.add("unitCode.length");
            return v;
        }
        if (!digits(c, 0, 6)) {
            v.add("unitCode.county");
        }
        if (!digits(c, 6, 12)) {
            v.add("unitCode.district");
        }
        char ownership = c.charAt(12);
        if (ownership != 'G' && ownership != 'J' && ownership != 'Z') {
            v.add("unitCode.ownership");
        }
        char kind = c.charAt(13);
        if (kind < 'A' || kind > 'Z') {
            v.add("unitCode.parcelKind");
        }
        if (!digits(c, 14, 19)) {
            v.add("unitCode.parcelNumber");
        }
        char structure = c.charAt(19);
        if ("FLQW".indexOf(structure) < 0) {
            v.add("unitCode.structure");
        }
        if (!digits(c, 20, 28)) {
            v.add("unitCode.unitNumber");
        }
        return v;
    }

    public static boolean isValid(String code) {
        return violations(code).isEmpty();
    }

    /** The 19-character parcel code (宗地代码) of a valid unit code. */
    public static String parcelCode(String code) {
        return normalize(code).substring(0, 19);
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }
}
