package org.smartproperty.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.inject.Inject;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.smartproperty.deadline.Deadline;
import org.smartproperty.deadline.DeadlineTracker;
import org.smartproperty.deadline.TrackedItem;
import org.smartproperty.notification.MessageKind;
import org.smartproperty.notification.Notifications;

/**
 * Issue 10 item 1 in the assembled distribution (spm-dev on PostgreSQL): a bundle built in this test, holding nothing
 * but a manifest with {@code SPM-Contributions} and its contribution file, is installed at run time and contributes one
 * permission (granted to DEVELOPER), one message kind and one time limit; each works without a line changed in the
 * platform. The security admin then removes the grant from the role template, and installing the bundle again does not
 * add it back (the suites sharing the container see DEVELOPER's template as before). Uninstalling the bundle leaves the
 * platform ready; a bundle with a bad file is reported by the health check {@code contributions} and nothing else breaks.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(SharedContainer.class)
public class ContributionsIT extends SpmTestSupport {

    static final String CONTRIBUTION = String.join("\n",
            "# the in-container test's domain 'itdemo'",
            "grant.DEVELOPER = sms:read, itdemo:use",
            "message.ITDEMO_READY.number = 990",
            "message.ITDEMO_READY.params = no",
            "message.ITDEMO_READY.zh-CN = 示例事项${no}已就绪。",
            "message.ITDEMO_READY.zh-TW = 示例事項${no}已就緒。",
            "message.ITDEMO_READY.pt = O assunto de demonstração ${no} está pronto.",
            "message.ITDEMO_READY.en = Demo item ${no} is ready.",
            "timeLimit.itdemo.CASE.amount = 3",
            "timeLimit.itdemo.CASE.unit = WORKING_DAYS",
            "timeLimit.itdemo.CASE.pausable = true",
            "timeLimit.itdemo.CASE.description = 示例：3 个工作日",
            "auditKind.itdemo.zh-CN = 示例",
            "auditKind.itdemo.zh-TW = 示例",
            "auditKind.itdemo.pt = Demonstração",
            "auditKind.itdemo.en = Demo",
            "");

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        return sharedContainer();
    }

    @Before
    public void ready() {
        awaitDemoData();
    }

    /** A bundle with no code: a manifest naming its contribution file, and the file. */
    static byte[] contributionBundle(String bsn, String content) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", bsn);
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("SPM-Contributions", "META-INF/spm/itdemo.contributions.properties");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, mf)) {
            jar.putNextEntry(new JarEntry("META-INF/spm/itdemo.contributions.properties"));
            jar.write(content.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return out.toByteArray();
    }

    <S> S service(Class<S> type, String filter) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            java.util.Collection<ServiceReference<S>> refs = context.getServiceReferences(type, filter);
            if (!refs.isEmpty()) {
                return context.getService(refs.iterator().next());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + type.getName() + " service");
    }

    /** Logs in as demo-developer until {@code /sms/messages} answers {@code status} (the grant is seeded when the bundle starts). */
    static String developerWhoGets(int status) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int last = -1;
        while (System.nanoTime() < end) {
            String developer = login("demo-developer", DEMO_PASSWORD, null);
            last = getAs(developer, "/sms/messages").statusCode();
            if (last == status) {
                return developer;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("demo-developer got " + last + " from /sms/messages, not " + status);
    }

    @Test
    public void aBundleInstalledAtRunTimeContributesAPermissionAMessageKindAndATimeLimit_issue10_item1() throws Exception {
        developerWhoGets(403);
        Bundle demo = context.installBundle("itdemo:contributions", new ByteArrayInputStream(contributionBundle("org.smartproperty.itdemo", CONTRIBUTION)));
        demo.start();
        try {
            // the permission: DEVELOPER's role template got sms:read and itdemo:use, so the guarded endpoint answers
            String developer = developerWhoGets(200);
            JsonNode me = json(getAs(developer, "/auth/me"));
            assertTrue(me.toString(), me.get("permissions").toString().contains("\"itdemo:use\""));
            String auditor = login("demo-auditor", DEMO_PASSWORD, "DEMOAUDITORSPMHENGQINAAAAAAAAAAA");
            HttpResponse<String> kinds = send("GET", "/audit/object-kinds", null, "Authorization", "Bearer " + auditor, "Accept-Language", "en");
            assertEquals(kinds.body(), 200, kinds.statusCode());
            assertTrue(kinds.body(), kinds.body().contains("{\"kind\":\"itdemo\",\"label\":\"Demo\",\"bundle\":\"org.smartproperty.itdemo\"}"));
            assertTrue(kinds.body(), kinds.body().contains("\"kind\":\"complaint\""));
            // the audit query takes a contributed kind, and refuses one nobody contributes instead of answering an empty page
            assertEquals(200, send("GET", "/audit?objectType=itdemo", null, "Authorization", "Bearer " + auditor).statusCode());
            HttpResponse<String> misspelt = send("GET", "/audit?objectType=complaints", null, "Authorization", "Bearer " + auditor);
            assertEquals(misspelt.body(), 400, misspelt.statusCode());
            assertTrue(misspelt.body(), misspelt.body().contains("objectType") && misspelt.body().contains("complaint"));

            // the message kind: a notification of it renders its template in the reader's language
            DataSource ds = service(DataSource.class, "(osgi.jndi.service.name=spm)");
            Notifications notifications = service(Notifications.class, null);
            long account = me.get("accountId").asLong();
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                notifications.notify(c, account, MessageKind.of("ITDEMO_READY"), Map.of("no", "IT-77"), "/itdemo/77");
                c.commit();
            }
            assertTrue(MessageKind.of("ITDEMO_READY").contributed());
            HttpResponse<String> zh = send("GET", "/notifications?unread=true", null, "Authorization", "Bearer " + developer);
            assertTrue(zh.body(), zh.body().contains("示例事项IT-77已就绪。"));
            HttpResponse<String> en = send("GET", "/notifications?unread=true", null, "Authorization", "Bearer " + developer, "Accept-Language", "en");
            assertTrue(en.body(), en.body().contains("Demo item IT-77 is ready."));
            assertTrue(en.body(), en.body().contains("\"kind\":\"ITDEMO_READY\""));
            // issue 12 item 8: the same notice in Portuguese and Traditional Chinese, and the answer names its language
            HttpResponse<String> pt = send("GET", "/notifications?unread=true", null, "Authorization", "Bearer " + developer, "Accept-Language", "pt-MO, en;q=0.5");
            assertTrue(pt.body(), pt.body().contains("O assunto de demonstração IT-77 está pronto."));
            assertEquals("pt-PT", pt.headers().firstValue("Content-Language").orElse(""));
            HttpResponse<String> tw = send("GET", "/notifications?unread=true", null, "Authorization", "Bearer " + developer, "Accept-Language", "zh-Hant-MO");
            assertTrue(tw.body(), tw.body().contains("示例事項IT-77已就緒。"));
            assertEquals("zh-TW", tw.headers().firstValue("Content-Language").orElse(""));

            // the time limit: seeded, and a deadline of that domain gets it
            JsonNode limit = json(await("/calendar/time-limits/itdemo/CASE", r -> r.statusCode() == 200, Duration.ofSeconds(30)));
            assertEquals(3, limit.get("amount").asInt());
            assertEquals("WORKING_DAYS", limit.get("unit").asText());
            DeadlineTracker tracker = service(DeadlineTracker.class, null);
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                Deadline d = tracker.start(c, new TrackedItem("itdemo", 77, "CASE", "IT-77", null, null, null, null, null));
                c.commit();
                assertEquals(3, d.amount());
            }
        } finally {
            demo.uninstall();
        }

        // the security admin takes the grants out of DEVELOPER's template; the bundle installed again does not add them back
        String secadmin = login("demo-secadmin", DEMO_PASSWORD, "DEMOSECADMINSPMHENGQINAAAAAAAAAA");
        assertNotNull(secadmin);
        java.util.List<String> template = new java.util.ArrayList<>();
        json(getAs(secadmin, "/roles")).get("DEVELOPER").forEach(p -> template.add(p.asText()));
        assertTrue(template.toString(), template.remove("sms:read") && template.remove("itdemo:use"));
        HttpResponse<String> put = send("PUT", "/roles/DEVELOPER/permissions", JSON.writeValueAsString(template), "Authorization", "Bearer " + secadmin);
        assertEquals(put.body(), 200, put.statusCode());
        Bundle again = context.installBundle("itdemo:contributions-again", new ByteArrayInputStream(contributionBundle("org.smartproperty.itdemo", CONTRIBUTION)));
        again.start();
        try {
            await("/health/ready", r -> r.statusCode() == 200 && r.body().contains("\"org.smartproperty.itdemo\""), Duration.ofSeconds(60));
            assertTrue(MessageKind.of("ITDEMO_READY").contributed());
            assertEquals(403, getAs(login("demo-developer", DEMO_PASSWORD, null), "/sms/messages").statusCode());
        } finally {
            again.uninstall();
        }

        // gone: the platform stays ready; the limit stays (configuration data now), the kind is no longer contributed
        // and what was written with it renders as its name
        await("/health/ready", r -> r.statusCode() == 200 && "UP".equals(json(r).at("/checks/contributions/status").asText()), Duration.ofSeconds(60));
        assertFalse(MessageKind.of("ITDEMO_READY").contributed());
        String developer = developerWhoGets(403);
        HttpResponse<String> after = send("GET", "/notifications?unread=true", null, "Authorization", "Bearer " + developer);
        assertEquals(after.body(), 200, after.statusCode());
        assertTrue(after.body(), after.body().contains("\"text\":\"ITDEMO_READY\""));
        assertEquals(200, get("/calendar/time-limits/itdemo/CASE").statusCode());
        assertEquals(200, get("/estates?size=1").statusCode());
    }

    @Test
    public void aBadContributionFileIsReportedAndBreaksNothing_issue10_item1() throws Exception {
        Bundle bad = context.installBundle("itdemo:bad", new ByteArrayInputStream(contributionBundle("org.smartproperty.itdemo.bad",
                "grant.JANITOR = itdemo:use\nmessage.ITDEMO_BAD.number = 991\n")));
        bad.start();
        try {
            assertEquals(Bundle.ACTIVE, bad.getState());
            HttpResponse<String> ready = await("/health/ready", r -> "DOWN".equals(json(r).at("/checks/contributions/status").asText()), Duration.ofSeconds(60));
            JsonNode detail = json(ready).at("/checks/contributions/details/org.smartproperty.itdemo.bad");
            assertEquals(ready.body(), "FAILED", detail.path("status").asText());
            assertTrue(detail.toString(), detail.path("problems").toString().contains("grant.JANITOR: unknown role JANITOR"));
            assertTrue(detail.toString(), detail.path("problems").toString().contains("message.ITDEMO_BAD.zh-CN: template missing"));
            assertEquals(200, get("/estates?size=1").statusCode());
        } finally {
            bad.uninstall();
        }
        HttpResponse<String> ok = await("/health/ready", r -> r.statusCode() == 200
                && "UP".equals(json(r).at("/checks/contributions/status").asText()), Duration.ofSeconds(60));
        assertNotNull(ok);
    }
}
