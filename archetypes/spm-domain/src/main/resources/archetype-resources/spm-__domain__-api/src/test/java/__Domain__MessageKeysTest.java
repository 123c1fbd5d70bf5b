package ${package};

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.testsupport.MessageKeys;

/** Every ${domain} message key has a zh-CN and an English text, and both files define the same keys. */
class ${Domain}MessageKeysTest {

    private static final String BASE = "/${package.replace('.', '/')}/messages";

    @Test
    void bothFilesDefineTheSameKeys() {
        MessageKeys.assertSameKeys(${Domain}MessageKeysTest.class, BASE);
    }

    @Test
    void everyKeyResolvesDifferentlyInBothLanguages() {
        MessageKeys.assertComplete(${Domain}MessageKeysTest.class, BASE, (locale, key) -> ${Domain}Messages.TEXTS.format(locale, key, "x"));
    }
}
