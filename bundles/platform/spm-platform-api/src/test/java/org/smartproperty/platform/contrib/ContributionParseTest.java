package org.smartproperty.platform.contrib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The contribution file format (issue 10 item 1): what is read, and every problem reported at once. */
class ContributionParseTest {

    private static Contribution parse(String text) {
        return Contribution.parse("test.bundle", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsGrantsKindsLimitsAndAuditKinds_issue10_item1() {
        Contribution c = parse("""
                # comment
                grant.REGULATOR = demo:read, demo:write
                grant.OWNER = demo:read
                message.DEMO_DONE.number = 900
                message.DEMO_DONE.params = no, place
                message.DEMO_DONE.zh-CN = 示例（编号${no}，${place}）已办结。
                message.DEMO_DONE.zh-TW = 示例（編號${no}，${place}）已辦結。
                message.DEMO_DONE.pt = Demonstração ${no} (${place}) concluída.
                message.DEMO_DONE.en = Demo ${no} (${place}) is done.
                timeLimit.demo.NORMAL.amount = 5
                timeLimit.demo.NORMAL.unit = WORKING_DAYS
                timeLimit.demo.NORMAL.pausable = true
                timeLimit.demo.NORMAL.description = 示例：5 个工作日
                timeLimit.demo.URGENT.amount = 4
                timeLimit.demo.URGENT.unit = CALENDAR_HOURS
                timeLimit.demo.URGENT.warningRatio = 0.5
                auditKind.demo.zh-CN = 示例
                auditKind.demo.zh-TW = 示例
                auditKind.demo.pt = Demonstração
                auditKind.demo.en = Demo
                """);
        assertEquals("test.bundle", c.bundle());
        assertEquals(List.of(new Contribution.Grant("OWNER", "demo:read"), new Contribution.Grant("REGULATOR", "demo:read"),
                new Contribution.Grant("REGULATOR", "demo:write")), c.grants());
        Contribution.MessageKindDef k = c.messageKinds().get(0);
        assertEquals("DEMO_DONE", k.name());
        assertEquals(900, k.number());
        assertEquals(List.of("no", "place"), k.params());
        assertEquals("Demo ${no} (${place}) is done.", k.templates().get("en"));
        assertEquals("Demonstração ${no} (${place}) concluída.", k.templates().get("pt"));
        assertEquals(List.of("zh-CN", "zh-TW", "pt", "en"), List.copyOf(k.templates().keySet()));
        assertEquals(2, c.timeLimits().size());
        Contribution.TimeLimitDef normal = c.timeLimits().get(0);
        assertEquals(new Contribution.TimeLimitDef("demo", "NORMAL", 5, "WORKING_DAYS", true, new BigDecimal("0.75"), "示例：5 个工作日"), normal);
        assertEquals(new Contribution.TimeLimitDef("demo", "URGENT", 4, "CALENDAR_HOURS", false, new BigDecimal("0.5"), null), c.timeLimits().get(1));
        assertEquals(Map.of("zh-CN", "示例", "zh-TW", "示例", "pt", "Demonstração", "en", "Demo"), c.auditKinds().get(0).labels());
    }

    @Test
    void anEmptyFileContributesNothing() {
        Contribution c = parse("# nothing yet\n");
        assertTrue(c.grants().isEmpty() && c.messageKinds().isEmpty() && c.timeLimits().isEmpty() && c.auditKinds().isEmpty());
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsKey_issue10_item1() {
        ContributionException e = assertThrows(ContributionException.class, () -> parse("""
                grant.JANITOR = demo:read
                grant.OWNER = Demo Read
                permissions.OWNER = demo:read
                message.DEMO_DONE.number = twelve
                message.DEMO_DONE.params = no
                message.DEMO_DONE.zh-CN = 示例（编号${no}）
                message.DEMO_DONE.zh-TW = 示例（編號${nr}）
                timeLimit.demo.NORMAL.amount = 400
                timeLimit.demo.NORMAL.unit = WORKING_DAYS
                timeLimit.demo.FAST.amount = 2
                timeLimit.demo.FAST.unit = MINUTES
                timeLimit.demo.FAST.warningRatio = 1.5
                auditKind.demo.zh-CN = 示例
                """));
        List<String> p = e.problems();
        String all = String.join("\n", p);
        assertTrue(all.contains("grant.JANITOR: unknown role JANITOR"), all);
        assertTrue(all.contains("grant.OWNER: not a permission"), all);
        assertTrue(all.contains("permissions.OWNER: unknown key"), all);
        assertTrue(all.contains("message.DEMO_DONE.number: required"), all);
        assertTrue(all.contains("message.DEMO_DONE.zh-TW: placeholders [nr] differ from params [no]"), all);
        assertTrue(all.contains("message.DEMO_DONE.en: template missing"), all);
        assertTrue(all.contains("timeLimit.demo.NORMAL.amount: 1–366"), all);
        assertTrue(all.contains("timeLimit.demo.FAST.unit: one of"), all);
        assertTrue(all.contains("timeLimit.demo.FAST.warningRatio: 0 < ratio < 1"), all);
        assertTrue(all.contains("auditKind.demo.en: label missing"), all);
        assertTrue(all.contains("message.DEMO_DONE.pt: template missing"), all);
        assertTrue(all.contains("auditKind.demo.zh-TW: label missing"), all);
        assertTrue(all.contains("auditKind.demo.pt: label missing"), all);
        assertEquals(13, p.size(), all);
        assertTrue(e.getMessage().startsWith("test.bundle: "), e.getMessage());
    }

    @Test
    void aNumberUsedTwiceInOneFileIsRefused() {
        String kind = """
                message.%s.number = 7
                message.%s.params =
                message.%s.zh-CN = 好
                message.%s.zh-TW = 好
                message.%s.pt = bom
                message.%s.en = ok
                """;
        ContributionException e = assertThrows(ContributionException.class,
                () -> parse(kind.formatted("A_ONE", "A_ONE", "A_ONE", "A_ONE", "A_ONE", "A_ONE")
                        + kind.formatted("B_TWO", "B_TWO", "B_TWO", "B_TWO", "B_TWO", "B_TWO")));
        assertEquals(List.of("message.B_TWO.number: 7 is used twice in this file"), e.problems());
    }

    @Test
    void thePortugueseTemplateNeedsTheSameParametersAndUnknownLanguagesAreRefused_issue12_item8() {
        ContributionException e = assertThrows(ContributionException.class, () -> parse("""
                message.DEMO_DONE.number = 900
                message.DEMO_DONE.params = no
                message.DEMO_DONE.zh-CN = 示例${no}
                message.DEMO_DONE.zh-TW = 示例${no}
                message.DEMO_DONE.pt = Demonstração ${numero}
                message.DEMO_DONE.en = Demo ${no}
                message.DEMO_DONE.fr = Démo ${no}
                auditKind.demo.zh-CN = 示例
                auditKind.demo.zh-TW = 示例
                auditKind.demo.pt = Demonstração
                auditKind.demo.en = Demo
                auditKind.demo.de = Demo
                """));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("message.DEMO_DONE.pt: placeholders [numero] differ from params [no]"), all);
        assertTrue(all.contains("message.DEMO_DONE.fr: unknown key (number, params, zh-CN, zh-TW, pt, en)"), all);
        assertTrue(all.contains("auditKind.demo.de: unknown key (zh-CN, zh-TW, pt, en)"), all);
        assertEquals(3, e.problems().size(), all);
    }
}
