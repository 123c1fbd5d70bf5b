package org.smartproperty.map;

import org.smartproperty.platform.Messages;

/** Texts of the map domain (zh-CN base, zh-TW, pt, en). */
public final class MapMessages {

    public static final Messages TEXTS = Messages.of(MapMessages.class, "org.smartproperty.map.messages");

    private MapMessages() {
    }
}
