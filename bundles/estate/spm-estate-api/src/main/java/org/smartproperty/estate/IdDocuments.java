package org.smartproperty.estate;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/** Format checks per identity-document type (rule ID-1). */
public final class IdDocuments {

    private static final int[] CN_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CN_CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdDocuments() {
    }

    /** Strips blanks, brackets and dashes, upper-case: {@code 1234567(8)} → {@code 12345678}. */
    public static String normalize(String number) {
        return number == null ? null : number.replaceAll("[\\s()（）\\-]", "").toUpperCase(Locale.ROOT);
    }

    /** @return null when valid, otherwise the message key (of {@link EstateMessages#TEXTS}) of the broken rule */
    public static String violation(IdType type, String raw) {
        if (type == null) {
            return "idType.required";
        }
        String n = normalize(raw);
        if (n == null || n.isEmpty()) {
            return "idNumber.required";
        }
        return switch (type) {
            case CN_RESIDENT_ID -> cnResidentId(n, false);
            case RESIDENCE_PERMIT -> cnResidentId(n, true);
            case MO_RESIDENT_ID -> n.matches("[157]\\d{7}") ? null : "idNumber.moResident";
            case HK_RESIDENT_ID -> hkId(n) ? null : "idNumber.hkResident";
            case HKMO_TRAVEL_PERMIT -> n.matches("[HM]\\d{8}(\\d{2})?") ? null : "idNumber.hkmoPermit";
            case TW_TRAVEL_PERMIT -> n.matches("\\d{8}(\\d{2})?") ? null : "idNumber.twPermit";
            case PASSPORT -> n.matches("[A-Z0-9]{5,17}") ? null : "idNumber.passport";
        };
    }

    private static String cnResidentId(String n, boolean permit) {
        if (!n.matches("\\d{17}[\\dX]")) {
            return "idNumber.cnFormat";
        }
        String area = n.substring(0, 6);
        boolean hkMoTw = area.equals("810000") || area.equals("820000") || area.equals("830000");
        // no mainland area code starts with 81/82/83 (GB/T 2260: Hong Kong, Macao, Taiwan)
        boolean hkMoTwPrefix = area.startsWith("81") || area.startsWith("82") || area.startsWith("83");
        if (permit ? !hkMoTw : hkMoTwPrefix) {
            return permit ? "idNumber.permitArea" : "idNumber.cnArea";
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(n.substring(6, 10)), Integer.parseInt(n.substring(10, 12)),
                    Integer.parseInt(n.substring(12, 14)));
            if (birth.isAfter(LocalDate.now()) || birth.getYear() < 1900) {
                return "idNumber.cnBirth";
            }
        } catch (DateTimeException e) {
            return "idNumber.cnBirth";
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (n.charAt(i) - '0') * CN_WEIGHTS[i];
        }
        return CN_CHECK[sum % 11] == n.charAt(17) ? null : "idNumber.cnCheck";
    }

    /** HKID: check digit so that the weighted sum (space = 36 for one-letter prefixes) is divisible by 11. */
    static boolean hkId(String n) {
        if (!n.matches("[A-Z]{1,2}\\d{6}[0-9A]")) {
            return false;
        }
        String body = n.length() == 8 ? " " + n : n;
        int sum = 0;
        int weight = 9;
        for (int i = 0; i < 8; i++, weight--) {
            char ch = body.charAt(i);
            int v = ch == ' ' ? 36 : Character.isDigit(ch) ? ch - '0' : ch - 'A' + 10;
            sum += v * weight;
        }
        char check = body.charAt(8);
        int cv = check == 'A' ? 10 : check - '0';
        return (sum + cv) % 11 == 0;
    }

    /** The check digit a mainland ID's first 17 digits need (for generating test data). */
    public static char cnCheckDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * CN_WEIGHTS[i];
        }
        return CN_CHECK[sum % 11];
    }
}
