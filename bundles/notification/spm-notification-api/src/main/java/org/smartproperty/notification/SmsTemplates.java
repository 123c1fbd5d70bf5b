package org.smartproperty.notification;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SMS templates per {@link MessageKind} and language: zh-CN (default), zh-TW (Macao, Hong Kong) and
 * en (in-app only), as the contributing bundle declares them ({@link MessageKinds}, issue 10 item 1). Templates use Alibaba's {@code ${name}}
 * placeholders. Provider template codes: {@link #code} ({@code SPM_COMPLAINT_RESULT_CN}) for
 * Alibaba-style providers, {@link #numericId} for Tencent-style numeric ids; both are what the
 * templates are registered as at the provider (and in the simulator).
 */
public final class SmsTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    private SmsTemplates() {
    }

    /**
     * The template text (with placeholders) of {@code kind} in {@code locale}: zh-TW for Taiwan, Hong Kong
     * and Macao, en for English, zh-CN otherwise; the kind's name while no active bundle contributes it.
     */
    public static String template(MessageKind kind, Locale locale) {
        String lang = traditional(locale) ? "zh-TW" : locale != null && "en".equals(locale.getLanguage()) ? "en" : "zh-CN";
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

    private static boolean traditional(Locale locale) {
        return locale != null && ("TW".equals(locale.getCountry()) || "HK".equals(locale.getCountry()) || "MO".equals(locale.getCountry()));
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
