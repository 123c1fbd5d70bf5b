package org.smartproperty.ops;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.smartproperty.platform.Messages;

/**
 * Texts of the operations toolkit: {@code org/smartproperty/ops/messages.properties} (zh-CN) and {@code _zh_TW},
 * {@code _pt}, {@code _en} beside it (issue 12 item 8).
 */
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

    /**
     * The operator's language from {@code LC_ALL}/{@code LANG}, one of the platform's four ({@link Messages#supported}):
     * {@code en_US.UTF-8} English, {@code pt_PT.UTF-8} Portuguese, {@code zh_TW}/{@code zh_HK}/{@code zh_MO} Traditional
     * Chinese, anything else (zh_CN, C, POSIX, unset) Simplified Chinese.
     */
    public static Locale fromEnvironment() {
        String lang = System.getenv("LC_ALL");
        if (lang == null || lang.isBlank()) {
            lang = System.getenv("LANG");
        }
        return fromPosix(lang);
    }

    /** {@link #fromEnvironment} for one POSIX locale name such as {@code pt_PT.UTF-8} or {@code zh_HK.Big5@stroke}. */
    static Locale fromPosix(String lang) {
        if (lang == null || lang.isBlank()) {
            return CHINESE;
        }
        String tag = lang.split("[.@]", 2)[0].replace('_', '-');
        try {
            return Messages.supported(new Locale.Builder().setLanguageTag(tag).build());
        } catch (java.util.IllformedLocaleException e) {
            return CHINESE;
        }
    }
}
