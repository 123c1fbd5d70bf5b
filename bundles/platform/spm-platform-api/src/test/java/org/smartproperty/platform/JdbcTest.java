package org.smartproperty.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Issue 19 item 2: a transaction cut by a database restart fails with the connection failure, not with the failed cleanup. */
class JdbcTest {

    /** A connection whose every call after the first failure answers "Connection is closed", as HikariCP's proxy does. */
    static Connection cutConnection(SQLException cut, List<String> calls) {
        boolean[] broken = {false};
        return (Connection) Proxy.newProxyInstance(JdbcTest.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, m, args) -> {
            calls.add(m.getName());
            if (broken[0]) {
                throw new SQLException("Connection is closed");
            }
            return switch (m.getName()) {
                case "getAutoCommit" -> true;
                case "commit" -> {
                    broken[0] = true;
                    throw cut;
                }
                default -> null;
            };
        });
    }

    @Test
    void theConnectionFailureIsWhatTheCallerSees_issue19_item2() {
        SQLException cut = new SQLException("terminating connection due to administrator command", "57P01");
        List<String> calls = new ArrayList<>();
        SQLException thrown = assertThrows(SQLException.class, () -> Jdbc.transaction(cutConnection(cut, calls), c -> 1));
        assertSame(cut, thrown);
        assertEquals(2, thrown.getSuppressed().length, "the failed rollback and auto-commit reset are kept as suppressed");
        assertEquals(List.of("getAutoCommit", "setAutoCommit", "commit", "rollback", "setAutoCommit"), calls);
    }

    @Test
    void aTransactionThatWorksRestoresAutoCommit() throws Exception {
        List<String> calls = new ArrayList<>();
        Connection c = (Connection) Proxy.newProxyInstance(JdbcTest.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, m, args) -> {
            calls.add(m.getName() + (args == null ? "" : args[0].toString()));
            return "getAutoCommit".equals(m.getName()) ? Boolean.TRUE : null;
        });
        Integer seven = Jdbc.transaction(c, x -> 7);
        assertEquals(7, seven.intValue());
        assertEquals(List.of("getAutoCommit", "setAutoCommitfalse", "commit", "setAutoCommittrue"), calls);
    }
}
