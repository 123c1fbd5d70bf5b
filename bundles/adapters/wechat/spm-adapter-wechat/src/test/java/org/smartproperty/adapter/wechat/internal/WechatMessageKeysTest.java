package org.smartproperty.adapter.wechat.internal;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.testsupport.MessageKeys;

/** INT-WX: the fixed field values of the subscription messages exist in zh-CN, zh-TW, pt and en, with the same keys. */
class WechatMessageKeysTest {

    private static final String BASE = "/org/smartproperty/adapter/wechat/internal/messages";

    @Test
    void allFilesDefineTheSameKeys_INT_WX() {
        MessageKeys.assertSameKeys(WechatMessageKeysTest.class, BASE);
    }

    @Test
    void everyKeyResolvesInEveryLanguage_INT_WX() {
        MessageKeys.assertComplete(WechatMessageKeysTest.class, BASE, (locale, key) -> WechatAdapter.TEXTS.format(locale, key));
    }
}
