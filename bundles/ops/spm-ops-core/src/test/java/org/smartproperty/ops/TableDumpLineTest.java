package org.smartproperty.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The backup's hand-written UTF-8 / JSON encoder (OPS-3) against the JDK's, for 1-, 2-, 3- and 4-byte characters. */
class TableDumpLineTest {

    static final String TEXT = "A \"q\" \\ é 横琴 \uD840\uDC00 end\n\t\u0001";

    @Test
    void rawIsTheJdksUtf8() {
        TableDump.Line line = new TableDump.Line();
        line.raw(TEXT);
        assertEquals(TEXT, new String(line.bytes, 0, line.len, StandardCharsets.UTF_8));
    }

    @Test
    void stringIsAQuotedEscapedJsonString() {
        TableDump.Line line = new TableDump.Line();
        line.string(TEXT);
        assertEquals("\"A \\\"q\\\" \\\\ é 横琴 \uD840\uDC00 end\\n\\t\\u0001\"", new String(line.bytes, 0, line.len, StandardCharsets.UTF_8));
    }
}
