package org.smartproperty.vote.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.persistence.EntityManagerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.persistence.Migrations;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.testsupport.TestDatabase;
import org.smartproperty.vote.Choice;
import org.smartproperty.vote.MatterCategory;
import org.smartproperty.vote.Tally;
import org.smartproperty.vote.UnsoldRule;
import org.smartproperty.vote.Views;

/**
 * Bench (bench/vote-tally.sh), not a test: the tally of the 4,000-flat estate (VOTE-2..7). Part 1, the pure function:
 * the electorate built from the register (4,000 owners, some with two houses, 400 unsold houses) and the tally of 3 matters
 * over ~95 % turnout, timed over many runs after a warm-up. Part 2, what the service does on PostgreSQL: the close (read the
 * frozen electorate and the ballots, tally, store the snapshot) and the recomputation check ({@code verify}) of a vote with
 * 4,000 electors and ~11,400 ballots in a scratch schema. Prints median, p95 and max in milliseconds.
 *
 * <p>Arguments: owners (default 4,000), runs (default 500), schema (default bench_vote). Database: TestDatabase's settings
 * ({@code SPM_TEST_DB_URL}, {@code SPM_TEST_DB_USER}, {@code SPM_TEST_DB_PASSWORD}).
 */
public final class TallyBench {

    private TallyBench() {
    }

    public static void main(String[] args) throws Exception {
        int owners = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        String schema = args.length > 2 ? args[2] : "bench_vote";
        Random r = new Random(2026);
        List<Tally.Holding> register = new ArrayList<>();
        long house = 1;
        for (long o = 1; o <= owners; o++) {
            register.add(new Tally.Holding(house, "H" + house, o, 8_000 + r.nextInt(6_000), false));
            house++;
            if (r.nextInt(100) < 4) { // a second house of the same owner: one head (VOTE-5)
                register.add(new Tally.Holding(house, "H" + house, o, 8_000 + r.nextInt(6_000), false));
                house++;
            }
        }
        for (int i = 0; i < owners / 10; i++) {
            register.add(new Tally.Holding(house, "H" + house, null, 8_800, true));
            house++;
        }
        List<Tally.Matter> matters = List.of(new Tally.Matter(1, MatterCategory.QUORUM, MatterCategory.PROPERTY_SERVICE.statutoryPass()),
                new Tally.Matter(2, MatterCategory.QUORUM, MatterCategory.FUND_RAISE.statutoryPass()),
                new Tally.Matter(3, MatterCategory.QUORUM, MatterCategory.OTHER.statutoryPass()));
        List<Tally.Elector> electorate = Tally.electorate(register, UnsoldRule.EACH_HOUSE_ONE_HEAD);
        List<Tally.Ballot> ballots = new ArrayList<>();
        for (Tally.Elector e : electorate) {
            if (e.key().startsWith("O") && r.nextInt(100) < 95) {
                for (Tally.Matter m : matters) {
                    ballots.add(new Tally.Ballot(e.key(), m.matterId(), Choice.values()[r.nextInt(10) < 7 ? 0 : r.nextInt(3)]));
                }
            }
        }
        System.out.printf("register: %d houses, electorate: %d electors, %d ballots, %d matters%n", register.size(), electorate.size(),
                ballots.size(), matters.size());
        for (int i = 0; i < 300; i++) { // warm-up (JIT)
            Tally.compute(Tally.electorate(register, UnsoldRule.EACH_HOUSE_ONE_HEAD), matters, ballots, i % 2 == 0).hash();
        }
        double[] pure = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            Tally.Result t = Tally.compute(Tally.electorate(register, UnsoldRule.EACH_HOUSE_ONE_HEAD), matters, ballots, true);
            t.hash();
            pure[i] = (System.nanoTime() - t0) / 1e6;
        }
        print("pure tally (electorate + 3 matters + hash)", pure);

        try (Connection c = DriverManager.getConnection(TestDatabase.serverUrl(), TestDatabase.serverUser(), TestDatabase.serverPassword());
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
        HikariConfig hc = new HikariConfig();
        String url = TestDatabase.serverUrl();
        hc.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        hc.setUsername(TestDatabase.serverUser());
        hc.setPassword(TestDatabase.serverPassword());
        hc.setMaximumPoolSize(4);
        try (HikariDataSource ds = new HikariDataSource(hc)) {
            Migrations.migrate(ds, "db/vote.changelog.xml", new ClassLoaderResourceAccessor(TallyBench.class.getClassLoader()));
            EntityManagerFactory emf = JpaUnits.create(VoteServiceImpl.UNIT, ds, TallyBench.class.getClassLoader());
            VoteServiceImpl service = new VoteServiceImpl(emf, null, null, null);
            long voteId = 50;
            long now = System.currentTimeMillis();
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO vot_vote (id, estate_id, estate_name, title, initiator_kind, initiator_name, status, starts_at, ends_at,"
                            + " noticed_at, opened_at, ballot_change_allowed, deemed_allowed, unsold_rule, elector_heads, elector_area, unverified_houses,"
                            + " version, created_at, created_by, updated_at, updated_by) VALUES (" + voteId + ", 1, 'bench', 'bench', 'COMMITTEE', 'bench',"
                            + " 'OPEN', " + (now - 86_400_000L) + ", " + (now - 1000) + ", " + (now - 20 * 86_400_000L) + ", " + (now - 86_400_000L)
                            + ", FALSE, TRUE, 'EACH_HOUSE_ONE_HEAD', " + electorate.size() + ", "
                            + electorate.stream().mapToLong(Tally.Elector::area).sum() + ", 0, 1, CURRENT_TIMESTAMP, 'b', CURRENT_TIMESTAMP, 'b')");
                    for (Tally.Matter m : matters) {
                        s.executeUpdate("INSERT INTO vot_matter (id, vote_id, seq, title, category, quorum_num, quorum_den, quorum_cmp, pass_num, pass_den,"
                                + " pass_cmp) VALUES (" + m.matterId() + ", " + voteId + ", " + m.matterId() + ", 'm', 'OTHER', 2, 3, 'GE', "
                                + m.pass().numerator() + ", " + m.pass().denominator() + ", '" + m.pass().comparison() + "')");
                    }
                }
                try (PreparedStatement e = c.prepareStatement("INSERT INTO vot_elector (vote_id, elector_key, kind, owner_id, units, area, heads)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)");
                     PreparedStatement b = c.prepareStatement("INSERT INTO vot_ballot (id, vote_id, matter_id, elector_key, choice, channel, cast_at,"
                             + " cast_by, nonce, receipt, current_key) VALUES (?, ?, ?, ?, ?, 'ONLINE', ?, 'b', 'n', ?, ?)")) {
                    for (Tally.Elector el : electorate) {
                        e.setLong(1, voteId);
                        e.setString(2, el.key());
                        e.setString(3, el.kind().name());
                        e.setObject(4, el.ownerId());
                        e.setString(5, String.join(",", el.units()));
                        e.setLong(6, el.area());
                        e.setInt(7, el.heads());
                        e.addBatch();
                    }
                    e.executeBatch();
                    long id = 100;
                    for (Tally.Ballot x : ballots) {
                        b.setLong(1, id++);
                        b.setLong(2, voteId);
                        b.setLong(3, x.matterId());
                        b.setString(4, x.electorKey());
                        b.setString(5, x.choice().name());
                        b.setLong(6, now - 5000);
                        b.setString(7, Tally.sha256("b" + id));
                        b.setString(8, BallotEntity.currentKey(voteId, x.matterId(), x.electorKey()));
                        b.addBatch();
                    }
                    b.executeBatch();
                }
                c.commit();
            }
            long t0 = System.nanoTime();
            service.close(voteId, now);
            System.out.printf("close on PostgreSQL (read electorate + ballots, tally, store the snapshot): %.1f ms%n", (System.nanoTime() - t0) / 1e6);
            SpmPrincipal regulator = new SpmPrincipal(1, "bench", Set.of(Role.REGULATOR), Set.of("vote:read"), DataScope.ALL, false, "127.0.0.1");
            for (int i = 0; i < 20; i++) {
                service.verify(regulator, voteId);
            }
            int dbRuns = Math.max(20, runs / 10);
            double[] db = new double[dbRuns];
            Views.Verification last = null;
            for (int i = 0; i < dbRuns; i++) {
                long t1 = System.nanoTime();
                last = service.verify(regulator, voteId);
                db[i] = (System.nanoTime() - t1) / 1e6;
            }
            System.out.println("verify: " + last);
            print("recompute on PostgreSQL (verify: read + tally + compare)", db);
            emf.close();
        }
        try (Connection c = DriverManager.getConnection(TestDatabase.serverUrl(), TestDatabase.serverUser(), TestDatabase.serverPassword());
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        System.out.println("at " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version"));
    }

    static void print(String what, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf("%s: median %.2f ms, p95 %.2f ms, max %.2f ms over %d runs%n", what, s[s.length / 2], s[(int) (s.length * 0.95)],
                s[s.length - 1], s.length);
    }
}
