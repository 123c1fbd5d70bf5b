package org.smartproperty.platform;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One resource bundle of user-facing texts. The base file (no suffix) is zh-CN, the users'
 * language; {@code _zh_TW}, {@code _pt} and {@code _en} sit beside it (UTF-8, as Java 9+ reads them). Lookups never fall back to the JVM's
 * default locale, only to the base (zh-CN) file.
 */
public final class Messages {

    /** zh-CN: the default language of every API message (the base {@code messages.properties}). */
    public static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;
    /** zh-TW: Traditional Chinese for Macao and Hong Kong ({@code messages_zh_TW.properties}). */
    public static final Locale TRADITIONAL_CHINESE = Locale.TRADITIONAL_CHINESE;
    /** pt-PT: Portuguese, an official language of Macao ({@code messages_pt.properties}). */
    public static final Locale PORTUGUESE = new Locale("pt", "PT");
    /** en ({@code messages_en.properties}). */
    public static final Locale ENGLISH = Locale.ENGLISH;
    /** Locales for which bundles ship, in tie-break order; the caller's Accept-Language picks among them ({@link #negotiate}). */
    public static final List<Locale> SUPPORTED = List.of(DEFAULT_LOCALE, TRADITIONAL_CHINESE, PORTUGUESE, ENGLISH);

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String baseName;
    private final ClassLoader loader;

    private Messages(String baseName, ClassLoader loader) {
        this.baseName = baseName;
        this.loader = loader;
    }

    /** Bundle {@code baseName} loaded with the class loader of {@code anchor} (its OSGi bundle). */
    public static Messages of(Class<?> anchor, String baseName) {
        return new Messages(baseName, anchor.getClassLoader());
    }

    /** Platform-wide texts (generic problems, paging, JSON errors). */
    public static final Messages PLATFORM = of(Messages.class, "org.smartproperty.platform.messages");

    public String format(Locale locale, String key, Object... args) {
        Objects.requireNonNull(key, "key");
        try {
            ResourceBundle rb = ResourceBundle.getBundle(baseName, locale == null ? DEFAULT_LOCALE : locale, loader, NO_FALLBACK);
            String pattern = rb.getString(key);
            if (args == null || args.length == 0) {
                return pattern;
            }
            Object[] resolved = args.clone();
            for (int i = 0; i < resolved.length; i++) {
                if (resolved[i] instanceof Text t) {
                    resolved[i] = t.source().format(locale, t.key());
                }
            }
            return new MessageFormat(pattern, locale == null ? DEFAULT_LOCALE : locale).format(resolved);
        } catch (MissingResourceException e) {
            return key; // a missing text shows its key, never a 500
        }
    }

    /** True when the bundle defines {@code key} in its base (zh-CN) file. */
    public boolean has(String key) {
        try {
            return ResourceBundle.getBundle(baseName, DEFAULT_LOCALE, loader, NO_FALLBACK).containsKey(key);
        } catch (MissingResourceException e) {
            return false;
        }
    }

    /** A message argument that is itself a text of some bundle (e.g. the kind of object). */
    public record Text(Messages source, String key) {
    }

    public Text text(String key) {
        return new Text(this, key);
    }

    public String baseName() {
        return baseName;
    }

    /**
     * The supported locale for an HTTP {@code Accept-Language} header (RFC 9110 section 12.5.4, ranges as in
     * RFC 4647); zh-CN when the header is absent, blank, malformed or accepts none of the four languages.
     * <ul>
     * <li>Each supported language gets the weight of the most specific range that matches it: a range with
     *     subtags ({@code zh-HK}, {@code zh-Hant-MO}, {@code pt-BR}) is more specific than a bare language
     *     ({@code zh}, {@code pt}); a language no range matches gets the weight of {@code *}, if present.</li>
     * <li>{@code zh-Hant*}, {@code zh-TW}, {@code zh-HK}, {@code zh-MO} match zh-TW; {@code zh-Hans*},
     *     {@code zh-CN}, {@code zh-SG} and any other {@code zh-*} match zh-CN; a bare {@code zh} matches both
     *     (zh-CN wins the tie); {@code pt}, {@code pt-*} match pt-PT; {@code en}, {@code en-*} match en.</li>
     * <li>The highest weight wins; {@code q=0} means "not acceptable"; equal weights go to the language whose
     *     range comes first in the header, then to the order of {@link #SUPPORTED}.</li>
     * <li>Tags and {@code q} are case-insensitive; a weight is 0 to 1 with at most three decimals; an element
     *     that is not {@code range [; q=weight]} makes the whole header malformed (empty list elements are allowed).</li>
     * </ul>
     */
    public static Locale negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > MAX_HEADER) {
            return DEFAULT_LOCALE;
        }
        List<Range> ranges = new ArrayList<>();
        int position = 0;
        for (String element : acceptLanguage.split(",", -1)) {
            if (element.isBlank()) {
                continue;
            }
            Range r = Range.parse(element, position++);
            if (r == null) {
                return DEFAULT_LOCALE; // malformed header
            }
            ranges.add(r);
        }
        Locale best = null;
        int bestQ = 0;
        int bestPosition = Integer.MAX_VALUE;
        for (Locale l : SUPPORTED) {
            int specificity = -1;
            int q = 0;
            int pos = Integer.MAX_VALUE;
            for (Range r : ranges) {
                int s = r.specificityFor(l);
                if (s >= 0 && (s > specificity || s == specificity && (r.q > q || r.q == q && r.position < pos))) {
                    specificity = s;
                    q = r.q;
                    pos = r.position;
                }
            }
            if (q > bestQ || q == bestQ && q > 0 && pos < bestPosition) {
                best = l;
                bestQ = q;
                bestPosition = pos;
            }
        }
        return best == null ? DEFAULT_LOCALE : best;
    }

    /**
     * The supported locale for {@code locale} (its language, script and region, as {@link #negotiate} maps a
     * range); zh-CN for {@code null} and unsupported languages.
     */
    public static Locale supported(Locale locale) {
        if (locale == null) {
            return DEFAULT_LOCALE;
        }
        String tag = locale.toLanguageTag();
        Range r = Range.parse(tag, 0);
        if (r != null) {
            for (Locale l : SUPPORTED) {
                if (r.specificityFor(l) == 2) {
                    return l;
                }
            }
            for (Locale l : SUPPORTED) {
                if (r.specificityFor(l) >= 0) {
                    return l;
                }
            }
        }
        return DEFAULT_LOCALE;
    }

    /**
     * The short name of a supported language as contribution files and public texts spell it:
     * {@code zh-CN}, {@code zh-TW}, {@code pt} or {@code en} (of {@link #supported}{@code (locale)}).
     */
    public static String languageKey(Locale locale) {
        Locale l = supported(locale);
        return l.equals(PORTUGUESE) ? "pt" : l.equals(ENGLISH) ? "en" : l.toLanguageTag();
    }

    private static final int MAX_HEADER = 4096;
    private static final Pattern RANGE = Pattern.compile("\\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern WEIGHT = Pattern.compile("[qQ]\\s*=\\s*(0(\\.[0-9]{0,3})?|1(\\.0{0,3})?)");
    private static final Set<String> TRADITIONAL_REGIONS = Set.of("tw", "hk", "mo");

    /** One language range of an Accept-Language header, its weight in thousandths and its position. */
    private record Range(String tag, int q, int position) {

        static Range parse(String element, int position) {
            String[] parts = element.split(";", -1);
            String tag = parts[0].trim();
            if (!RANGE.matcher(tag).matches() || parts.length > 2) {
                return null;
            }
            int q = 1000;
            if (parts.length == 2) {
                Matcher m = WEIGHT.matcher(parts[1].trim());
                if (!m.matches()) {
                    return null;
                }
                q = new BigDecimal(m.group(1)).movePointRight(3).intValue();
            }
            return new Range(tag.toLowerCase(Locale.ROOT), q, position);
        }

        /**
         * How specifically this range matches the supported locale {@code l}: 2 a range with subtags that
         * maps to {@code l}, 1 a bare language of {@code l}, 0 the wildcard, -1 no match.
         */
        int specificityFor(Locale l) {
            if (tag.equals("*")) {
                return 0;
            }
            String[] sub = tag.split("-");
            if (!sub[0].equals(l.getLanguage())) {
                return -1;
            }
            if (sub.length == 1) {
                return 1;
            }
            if (!sub[0].equals("zh")) {
                return 2; // pt-BR, pt-MO, en-GB …: the one supported locale of that language
            }
            return traditional(sub) == l.equals(TRADITIONAL_CHINESE) ? 2 : -1;
        }

        /** A zh range asks for Traditional characters: script Hant, or no script and region TW, HK or MO. */
        private static boolean traditional(String[] sub) {
            for (int i = 1; i < sub.length; i++) {
                if (sub[i].length() == 4) {
                    return sub[i].equals("hant"); // the script decides (zh-Hans-HK is Simplified)
                }
            }
            for (int i = 1; i < sub.length; i++) {
                if (sub[i].length() == 2 || sub[i].length() == 3 && Character.isDigit(sub[i].charAt(0))) {
                    return TRADITIONAL_REGIONS.contains(sub[i]);
                }
            }
            return false;
        }
    }
}
