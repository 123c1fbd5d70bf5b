package org.smartproperty.notification;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.smartproperty.platform.Messages;

/**
 * SMS and in-app templates per {@link MessageKind} and language: zh-CN (default), zh-TW (Macao, Hong Kong),
 * pt and en (in-app only; issue 12 item 8), as the contributing bundle declares them ({@link MessageKinds}, issue 10 item 1). Templates use Alibaba's {@code ${name}}
 * placeholders. Provider template codes: {@link #code} ({@code SPM_COMPLAINT_RESULT_CN}) for
 * Alibaba-style providers, {@link #numericId} for Tencent-style numeric ids; both are what the
 * templates are registered as at the provider (and in the simulator).
 */
public final class SmsTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    private SmsTemplates() {
    }

    /**
     * The template text (with placeholders) of {@code kind} in {@code locale}, mapped to one of the four languages
     * as {@link Messages#supported} does: zh-TW for Traditional Chinese (zh-Hant, Taiwan, Hong Kong, Macao), pt for
     * Portuguese, en for English, zh-CN otherwise; the kind's name while no active bundle contributes it.
     */
    public static String template(MessageKind kind, Locale locale) {
        String lang = Messages.languageKey(locale);
        return MessageKinds.definition(kind.name()).map(d -> d.templates().get(lang)).orElse(kind.name());
    }

    /** The text the recipient reads. Unknown placeholders stay empty. */
    public static String render(MessageKind kind, Locale locale, Map<String, String> params) {
        Matcher m = PLACEHOLDER.matcher(template(kind, locale));
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = params == null ? null : params.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? "" : v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** SMS go out in zh-CN or zh-TW only (the provider templates); zh-TW for Traditional Chinese locales. */
    private static boolean traditional(Locale locale) {
        return locale != null && Messages.TRADITIONAL_CHINESE.equals(Messages.supported(locale));
    }

    /** Alibaba-style template code, e.g. {@code SPM_COMPLAINT_RESULT_CN} / {@code _TW}. */
    public static String code(MessageKind kind, Locale locale) {
        return "SPM_" + kind.name() + (traditional(locale) ? "_TW" : "_CN");
    }

    /** Tencent-style numeric template id: 100000 + 10 × {@link MessageKind#number()} (+1 for zh-TW). */
    public static String numericId(MessageKind kind, Locale locale) {
        return String.valueOf(100000 + 10 * kind.number() + (traditional(locale) ? 1 : 0));
    }

    /** A template identified by a provider code, as a provider (or the simulator) looks it up. */
    public record Ref(MessageKind kind, Locale locale) {
    }

    /** Resolves {@link #code} or {@link #numericId} back to the kind and language. */
    public static Optional<Ref> resolve(String codeOrId) {
        if (codeOrId == null) {
            return Optional.empty();
        }
        for (MessageKind k : MessageKind.values()) { // the contributed kinds
            for (Locale l : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE}) {
                if (codeOrId.equals(code(k, l)) || codeOrId.equals(numericId(k, l))) {
                    return Optional.of(new Ref(k, l));
                }
            }
        }
        return Optional.empty();
    }
}
