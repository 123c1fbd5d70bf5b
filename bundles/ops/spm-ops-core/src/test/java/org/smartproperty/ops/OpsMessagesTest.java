package org.smartproperty.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The operator's language from LANG/LC_ALL, and the toolkit's texts in the four languages (issue 12 item 8). */
class OpsMessagesTest {

    @Test
    void posixLocaleNamesMapToTheFourLanguages_issue12_item8() {
        assertEquals(OpsMessages.CHINESE, OpsMessages.fromPosix(null));
        assertEquals(OpsMessages.CHINESE, OpsMessages.fromPosix(""));
        assertEquals(OpsMessages.CHINESE, OpsMessages.fromPosix("C"));
        assertEquals(OpsMessages.CHINESE, OpsMessages.fromPosix("POSIX"));
        assertEquals(OpsMessages.CHINESE, OpsMessages.fromPosix("C.UTF-8"));
        assertEquals(OpsMessages.CHINESE, OpsMessages.fromPosix("zh_CN.UTF-8"));
        assertEquals(OpsMessages.CHINESE, OpsMessages.fromPosix("de_DE.UTF-8"));
        assertEquals(Locale.TRADITIONAL_CHINESE, OpsMessages.fromPosix("zh_TW.UTF-8"));
        assertEquals(Locale.TRADITIONAL_CHINESE, OpsMessages.fromPosix("zh_HK.Big5HKSCS"));
        assertEquals(Locale.TRADITIONAL_CHINESE, OpsMessages.fromPosix("zh_MO.UTF-8@stroke"));
        assertEquals(Locale.forLanguageTag("pt-PT"), OpsMessages.fromPosix("pt_PT.UTF-8"));
        assertEquals(Locale.forLanguageTag("pt-PT"), OpsMessages.fromPosix("pt_BR"));
        assertEquals(Locale.ENGLISH, OpsMessages.fromPosix("en_US.UTF-8"));
        assertEquals(Locale.ENGLISH, OpsMessages.fromPosix("en"));
    }

    @Test
    void eachLanguageReadsItsOwnFile_issue12_item8() {
        assertEquals("備份失敗：disk full", OpsMessages.format(Locale.TRADITIONAL_CHINESE, "create.failed", "disk full"));
        assertEquals("A cópia de segurança falhou: disk full", OpsMessages.format(OpsMessages.fromPosix("pt_PT.UTF-8"), "create.failed", "disk full"));
        assertEquals("Backup failed: disk full", OpsMessages.format(Locale.ENGLISH, "create.failed", "disk full"));
        assertEquals("备份失败：disk full", OpsMessages.format(OpsMessages.CHINESE, "create.failed", "disk full"));
    }
}
