package org.smartproperty.company;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 统一社会信用代码 (unified social credit code) per GB 32100-2015: 18 characters of the alphabet
 * {@code 0-9 A-H J-N P-R T-U W-Y} (31 characters; I, O, S, V, Z are never used):
 * <ol>
 * <li>registration authority code (1 character, e.g. 9 = market regulation, 5 = civil affairs),</li>
 * <li>organisation type code (1 character, e.g. 1 = enterprise under authority 9),</li>
 * <li>6-digit administrative division of the registering authority (Zhuhai 440400),</li>
 * <li>9-character organisation code (GB 11714: 8 characters + its own check character 0-9 or X),</li>
 * <li>the check character: {@code 31 - (Σ value(c_i)·w_i mod 31)} over the first 17 characters with
 * weights {@code 3^(i-1) mod 31}, mapped back into the alphabet (31 → 0).</li>
 * </ol>
 */
public final class UnifiedSocialCreditCode {

    public static final int LENGTH = 18;
    /** The 31-character alphabet; a character's value is its index. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    /** Registration authorities of GB 32100 Annex A (1–9, A = central military commission, N = agriculture, Y = others). */
    private static final String AUTHORITIES = "123456789ANY";

    private UnifiedSocialCreditCode() {
    }

    /** Upper-cases and strips blanks; does not validate. */
    public static String normalize(String code) {
        return code == null ? null : code.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /** @return message keys (of {@link CompanyMessages#TEXTS}) for every rule the code breaks; empty when valid */
    public static List<String> violations(String raw) {
        List<String> v = new ArrayList<>();
        if (raw == null || raw.isBlank()) {
            v.add("creditCode.required");
            return v;
        }
        String c = normalize(raw);
        if (c.length() != LENGTH) {
            v.add("creditCode.length");
            return v;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(c.charAt(i)) < 0) {
                v.add("creditCode.charset");
                return v;
            }
        }
        if (AUTHORITIES.indexOf(c.charAt(0)) < 0) {
            v.add("creditCode.authority");
        }
        if (c.charAt(1) == '0') {
            v.add("creditCode.orgType");
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(c.charAt(i))) {
                v.add("creditCode.division");
                break;
            }
        }
        char orgCheck = c.charAt(16);
        if ((orgCheck != 'X' && !Character.isDigit(orgCheck)) || orgCheck != orgCodeCheckChar(c.substring(8, 16))) {
            v.add("creditCode.orgCodeCheck");
        }
        if (c.charAt(17) != checkChar(c.substring(0, 17))) {
            v.add("creditCode.check");
        }
        return v;
    }

    public static boolean isValid(String code) {
        return violations(code).isEmpty();
    }

    /** The 18th character for the first 17 characters (all from {@link #ALPHABET}). */
    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a credit code character: " + first17.charAt(i));
            }
            sum += value * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    /** GB 11714 check character of an 8-character organisation code body: 0-9 or X. */
    public static char orgCodeCheckChar(String body8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char ch = body8.charAt(i);
            int value = Character.isDigit(ch) ? ch - '0' : ch - 'A' + 10;
            sum += value * ORG_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }
}
