package org.smartproperty.platform.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ResourceAccessor;

/**
 * Applies one Liquibase changelog; the same code runs inside Karaf (extender) and in unit tests. The pool's statement
 * timeout is lifted on the migration's connection ({@link StatementTimeouts#lift}).
 */
public final class Migrations {

    private Migrations() {
    }

    /** @return the number of change sets applied by this run (0 when already up to date) */
    public static int migrate(DataSource dataSource, String changelog, ResourceAccessor resources) throws SQLException, LiquibaseException {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(Liquibase.class.getClassLoader());
        // a migration may run one statement longer than the pool's statement timeout (issue 19 item 2); Liquibase closes
        // the connection it is given, so it gets one that stays open, and the timeout is restored before the pool gets it back
        try (Connection pooled = dataSource.getConnection(); StatementTimeouts.Lifted lifted = StatementTimeouts.lift(pooled)) {
            Connection c = keptOpen(pooled);
            Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            try (Liquibase lb = new Liquibase(changelog, resources, db)) {
                int pending = lb.listUnrunChangeSets(new Contexts(), new LabelExpression()).size();
                if (pending > 0) {
                    lb.update(new Contexts(), new LabelExpression());
                }
                return pending;
            } catch (Exception e) {
                if (e instanceof LiquibaseException le) {
                    throw le;
                }
                if (e instanceof SQLException se) {
                    throw se;
                }
                throw new LiquibaseException(e);
            }
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    /** {@code c} with {@code close()} doing nothing (the caller closes {@code c} itself). */
    static Connection keptOpen(Connection c) {
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(Migrations.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if ("close".equals(method.getName()) && method.getParameterCount() == 0) {
                        return null;
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
