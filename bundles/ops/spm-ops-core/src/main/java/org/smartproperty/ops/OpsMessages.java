package org.smartproperty.ops;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Texts of the operations toolkit: {@code org/smartproperty/ops/messages.properties} (zh-CN) and {@code _en}. */
public final class OpsMessages {

    public static final Locale CHINESE = Locale.forLanguageTag("zh-CN");

    private OpsMessages() {
    }

    public static String format(Locale locale, String key, Object... args) {
        try {
            ResourceBundle b = ResourceBundle.getBundle("org.smartproperty.ops.messages", locale == null ? CHINESE : locale,
                    OpsMessages.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            String pattern = b.getString(key);
            return args == null || args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** The operator's language from {@code LC_ALL}/{@code LANG}: English when it starts with {@code en}, Chinese otherwise. */
    public static Locale fromEnvironment() {
        String lang = System.getenv("LC_ALL");
        if (lang == null || lang.isBlank()) {
            lang = System.getenv("LANG");
        }
        return lang != null && lang.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : CHINESE;
    }
}
