package org.smartproperty.publishing.internal;

import java.util.Locale;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.smartproperty.platform.Messages;

/** A notice category ({@code pub_category}, data seeded by pub-notice-1): labels in four languages, window and review rules. */
@Entity
@Table(name = "pub_category")
public class CategoryEntity {

    @Id @Column(name = "code") String code;
    @Column(name = "label_zh_cn") String labelZhCn;
    @Column(name = "label_zh_tw") String labelZhTw;
    @Column(name = "label_pt") String labelPt;
    @Column(name = "label_en") String labelEn;
    @Column(name = "window_required") boolean windowRequired;
    @Column(name = "review_company") boolean reviewCompany;
    @Column(name = "review_committee") boolean reviewCommittee;
    @Column(name = "sort_order") int sortOrder;

    String label(Locale locale) {
        return switch (Messages.languageKey(locale == null ? Locale.SIMPLIFIED_CHINESE : locale)) {
            case "zh-TW" -> labelZhTw;
            case "pt" -> labelPt;
            case "en" -> labelEn;
            default -> labelZhCn;
        };
    }
}
