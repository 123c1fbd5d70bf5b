package org.smartproperty.notification;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers an SMS may go to: mainland mobiles ({@code 1[3-9]} + 9 digits, written with or
 * without {@code +86}), Macao mobiles ({@code +853} + 8 digits starting with 6) and Hong Kong
 * mobiles ({@code +852} + 8 digits starting with 4–9). Spaces and dashes are ignored. The
 * normal form is E.164 ({@code +8613812345678}).
 */
public final class Phones {

    public enum Region { MAINLAND, MACAO, HONG_KONG }

    private static final Pattern MAINLAND = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern MACAO = Pattern.compile("6\\d{7}");
    private static final Pattern HONG_KONG = Pattern.compile("[4-9]\\d{7}");

    private Phones() {
    }

    /** The E.164 form, or empty when the number is not an accepted mobile number. */
    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String p = raw.replaceAll("[\\s\\-()]", "");
        if (p.startsWith("00")) {
            p = "+" + p.substring(2);
        }
        if (p.startsWith("+86")) {
            String n = p.substring(3);
            return MAINLAND.matcher(n).matches() ? Optional.of("+86" + n) : Optional.empty();
        }
        if (p.startsWith("+853")) {
            String n = p.substring(4);
            return MACAO.matcher(n).matches() ? Optional.of("+853" + n) : Optional.empty();
        }
        if (p.startsWith("+852")) {
            String n = p.substring(4);
            return HONG_KONG.matcher(n).matches() ? Optional.of("+852" + n) : Optional.empty();
        }
        if (p.startsWith("+")) {
            return Optional.empty();
        }
        if (MAINLAND.matcher(p).matches()) {
            return Optional.of("+86" + p);
        }
        if (p.length() == 13 && p.startsWith("86") && MAINLAND.matcher(p.substring(2)).matches()) {
            return Optional.of("+" + p);
        }
        return Optional.empty();
    }

    public static boolean isValid(String raw) {
        return normalize(raw).isPresent();
    }

    /** Region of an E.164 number from {@link #normalize}. */
    public static Region region(String e164) {
        if (e164.startsWith("+853")) {
            return Region.MACAO;
        }
        if (e164.startsWith("+852")) {
            return Region.HONG_KONG;
        }
        return Region.MAINLAND;
    }

    /** Template language for a number: zh-TW (traditional) for Macao and Hong Kong, zh-CN otherwise. */
    public static Locale smsLocale(String e164) {
        return region(e164) == Region.MAINLAND ? Locale.SIMPLIFIED_CHINESE : Locale.TRADITIONAL_CHINESE;
    }

    /** Mainland numbers without {@code +86} (Alibaba's domestic form), others in E.164 without '+', prefixed 00. */
    public static String aliyunForm(String e164) {
        return e164.startsWith("+86") ? e164.substring(3) : "00" + e164.substring(1);
    }
}
