package ${package};

import org.smartproperty.platform.Messages;

/** Texts of the ${domain} domain (zh-CN base, en). */
public final class ${Domain}Messages {

    public static final Messages TEXTS = Messages.of(${Domain}Messages.class, "${package}.messages");

    private ${Domain}Messages() {
    }
}
