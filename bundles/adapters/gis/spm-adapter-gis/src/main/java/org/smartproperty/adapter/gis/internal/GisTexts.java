package org.smartproperty.adapter.gis.internal;

import org.smartproperty.platform.Messages;

/** The adapter's texts (layer titles, problems): messages*.properties in this private package. */
final class GisTexts {

    static final Messages TEXTS = Messages.of(GisTexts.class, "org.smartproperty.adapter.gis.internal.messages");

    private GisTexts() {
    }
}
