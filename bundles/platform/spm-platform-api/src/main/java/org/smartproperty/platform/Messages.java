package org.smartproperty.platform;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * One resource bundle of user-facing texts. The base file (no suffix) is zh-CN, the users'
 * language; {@code _en} and further locales sit beside it. Lookups never fall back to the JVM's
 * default locale, only to the base (zh-CN) file.
 */
public final class Messages {

    /** zh-CN: the default language of every API message. */
    public static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;
    /** Locales for which bundles ship; the caller's Accept-Language picks among them. */
    public static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

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

    /** Best supported locale for an HTTP Accept-Language header; zh-CN when nothing matches. */
    public static Locale negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return DEFAULT_LOCALE;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            for (Locale.LanguageRange range : ranges) {
                String r = range.getRange();
                if (range.getWeight() <= 0) {
                    continue;
                }
                for (Locale l : SUPPORTED) {
                    if (r.equalsIgnoreCase(l.toLanguageTag()) || r.equalsIgnoreCase(l.getLanguage())
                            || r.toLowerCase(Locale.ROOT).startsWith(l.getLanguage() + "-")) {
                        return l;
                    }
                }
                if ("*".equals(r)) {
                    return DEFAULT_LOCALE;
                }
            }
        } catch (IllegalArgumentException ignored) {
            // malformed header: default language
        }
        return DEFAULT_LOCALE;
    }
}
