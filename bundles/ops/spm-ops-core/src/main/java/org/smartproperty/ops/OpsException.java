package org.smartproperty.ops;

import java.util.Locale;

/**
 * A failure an operator must read: a message key of {@code org.smartproperty.ops.messages}
 * (zh-CN base, {@code _en}) with its arguments; {@link #getMessage()} is the English text.
 */
public class OpsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient Object[] args;

    public OpsException(String key, Object... args) {
        this(null, key, args);
    }

    public OpsException(Throwable cause, String key, Object... args) {
        super(OpsMessages.format(Locale.ENGLISH, key, args), cause);
        this.key = key;
        this.args = args;
    }

    public String key() {
        return key;
    }

    public String message(Locale locale) {
        return OpsMessages.format(locale, key, args);
    }

    /** The arguments as text, to keep with {@link #key()} in a report or record (a bare key would print as {@code {0}}). */
    public java.util.List<String> args() {
        return args == null ? java.util.List.of() : java.util.Arrays.stream(args).map(String::valueOf).toList();
    }
}
