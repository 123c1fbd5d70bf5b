package org.smartproperty.platform;

/**
 * Rule ID-2: personal data (identity numbers, phones, names) is masked in lists and public
 * pages. Masks keep enough to recognise one's own record: {@code 440402********1234},
 * {@code 138****5678}, {@code 张*明}.
 */
public final class PersonalData {

    private PersonalData() {
    }

    public static String maskIdNumber(String id) {
        if (id == null || id.isEmpty()) {
            return id;
        }
        int n = id.length();
        if (n >= 15) {
            return id.substring(0, 6) + "*".repeat(n - 10) + id.substring(n - 4);
        }
        if (n >= 6) {
            return id.substring(0, 1) + "*".repeat(n - 3) + id.substring(n - 2);
        }
        return "*".repeat(n);
    }

    public static String maskPhone(String phone) {
        if (phone == null || phone.isEmpty()) {
            return phone;
        }
        String p = phone;
        int n = p.length();
        if (n >= 11) {
            return p.substring(0, n - 8) + "****" + p.substring(n - 4);
        }
        if (n >= 7) {
            return p.substring(0, n - 6) + "**" + p.substring(n - 4);
        }
        return "*".repeat(n);
    }

    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int[] cps = name.codePoints().toArray();
        if (cps.length == 1) {
            return name;
        }
        StringBuilder sb = new StringBuilder().appendCodePoint(cps[0]);
        if (cps.length == 2) {
            return sb.append('*').toString();
        }
        // Latin names (Macao, passports): keep first letter of each word
        if (name.contains(" ")) {
            StringBuilder out = new StringBuilder();
            for (String w : name.trim().split("\\s+")) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(w.charAt(0)).append("*".repeat(Math.max(1, w.length() - 1)));
            }
            return out.toString();
        }
        sb.append("*".repeat(cps.length - 2));
        return sb.appendCodePoint(cps[cps.length - 1]).toString();
    }
}
