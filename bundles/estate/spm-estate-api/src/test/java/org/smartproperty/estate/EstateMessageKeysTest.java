package org.smartproperty.estate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.smartproperty.platform.testsupport.MessageKeys;

/** Every rule key UnitCode and IdDocuments can return has a zh-CN and an English text (ID-1). */
class EstateMessageKeysTest {

    private static final String BASE = "/org/smartproperty/estate/messages";
    private static final Pattern KEY_LITERAL = Pattern.compile("\"((?:unitCode|idType|idNumber)\\.[A-Za-z]+)\"");

    private static Properties load(String resource) {
        return MessageKeys.load(EstateMessageKeysTest.class, resource);
    }

    /** Keys produced by exercising every rule of UnitCode and IdDocuments. */
    private static Set<String> exercisedKeys() {
        Set<String> keys = new HashSet<>();
        keys.addAll(UnitCode.violations(null));
        keys.addAll(UnitCode.violations("1"));
        keys.addAll(UnitCode.violations("ABCDEFGHIJKL12XYZZZ9ABCDEFGH"));
        keys.add(IdDocuments.violation(null, "x"));
        for (IdType t : IdType.values()) {
            keys.add(IdDocuments.violation(t, null));
            keys.add(IdDocuments.violation(t, "#"));
        }
        keys.add(IdDocuments.violation(IdType.CN_RESIDENT_ID, IdDocumentsTest.cnId("82000019850615123")));
        keys.add(IdDocuments.violation(IdType.RESIDENCE_PERMIT, IdDocumentsTest.cnId("44040219850615123")));
        keys.add(IdDocuments.violation(IdType.CN_RESIDENT_ID, IdDocumentsTest.cnId("44040219850230123")));
        keys.add(IdDocuments.violation(IdType.CN_RESIDENT_ID, IdDocumentsTest.cnIdWithWrongCheck("44040219850615123")));
        keys.remove(null);
        return new TreeSet<>(keys);
    }

    @Test
    void everyExercisedRuleKeyExistsInZhCnAndEnglish_ID1() throws IOException {
        Properties zh = load(BASE + ".properties");
        Properties en = load(BASE + "_en.properties");
        Set<String> keys = exercisedKeys();
        assertEquals(Set.of("unitCode.required", "unitCode.length", "unitCode.county", "unitCode.district",
                "unitCode.ownership", "unitCode.parcelKind", "unitCode.parcelNumber", "unitCode.structure",
                "unitCode.unitNumber", "idType.required", "idNumber.required", "idNumber.cnFormat", "idNumber.cnArea",
                "idNumber.permitArea", "idNumber.cnBirth", "idNumber.cnCheck", "idNumber.moResident",
                "idNumber.hkResident", "idNumber.hkmoPermit", "idNumber.twPermit", "idNumber.passport"), keys);
        for (String key : keys) {
            assertTrue(zh.containsKey(key), "zh-CN lacks " + key);
            assertTrue(en.containsKey(key), "en lacks " + key);
            assertFalse(zh.getProperty(key).isBlank(), key);
            assertFalse(en.getProperty(key).isBlank(), key);
        }
    }

    @Test
    void everyKeyLiteralInTheRuleSourcesExistsInBothFiles_ID1() throws IOException {
        Properties zh = load(BASE + ".properties");
        Properties en = load(BASE + "_en.properties");
        Path src = Path.of("src/main/java/org/smartproperty/estate");
        Set<String> literals = new TreeSet<>();
        for (String file : new String[] {"UnitCode.java", "IdDocuments.java"}) {
            Path p = src.resolve(file);
            if (!Files.exists(p)) {
                continue; // not run from the module directory: the exercised keys still cover the rules
            }
            Matcher m = KEY_LITERAL.matcher(Files.readString(p));
            while (m.find()) {
                literals.add(m.group(1));
            }
        }
        for (String key : literals) {
            assertTrue(zh.containsKey(key), "zh-CN lacks " + key);
            assertTrue(en.containsKey(key), "en lacks " + key);
        }
        assertTrue(literals.isEmpty() || literals.containsAll(exercisedKeys()));
    }

    @Test
    void bothFilesDefineTheSameKeys() throws IOException {
        assertEquals(new TreeSet<>(load(BASE + ".properties").stringPropertyNames()),
                new TreeSet<>(load(BASE + "_en.properties").stringPropertyNames()));
    }

    @Test
    void estateTextsResolveThroughMessagesInBothLanguages_ID1() {
        for (String key : exercisedKeys()) {
            String zh = EstateMessages.TEXTS.format(Locale.SIMPLIFIED_CHINESE, key);
            String en = EstateMessages.TEXTS.format(Locale.ENGLISH, key);
            assertNotEquals(key, zh);
            assertNotEquals(key, en);
            assertNotEquals(zh, en, key);
        }
    }
}
