package org.smartproperty.web.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleAppTest {

    private static final String INDEX = "<!doctype html><title>app</title>";
    private static final String SCRIPT = "console.log(1)";

    @TempDir
    Path dir;

    private BundleApp app;

    @BeforeEach
    void builtApp() throws IOException {
        Files.createDirectories(dir.resolve("app/assets"));
        Files.writeString(dir.resolve("app/index.html"), INDEX);
        Files.writeString(dir.resolve("app/assets/index-Ab1.js"), SCRIPT);
        app = new BundleApp(FakeHttp.bundle(dir), "app");
    }

    private FakeHttp.Answer serve(String method, String path) throws IOException {
        FakeHttp.Answer answer = new FakeHttp.Answer();
        app.serve(FakeHttp.request(method), answer.response(), path);
        return answer;
    }

    /** 200 with the type, cache header and length of the file, and the body unless HEAD. */
    private static void assertFile(FakeHttp.Answer a, String type, String cache, String content, String body) {
        assertEquals(0, a.error);
        assertEquals(200, a.status);
        assertEquals(type, a.contentType);
        assertEquals(cache, a.headers.get("Cache-Control"));
        assertEquals(content.length(), a.length);
        assertEquals(body, a.body.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFileIsAnsweredWithItsLengthTypeAndCacheHeader() throws IOException {
        assertFile(serve("GET", "assets/index-Ab1.js"), "text/javascript; charset=UTF-8", AppPaths.CACHE_HASHED, SCRIPT,
                SCRIPT);
    }

    @Test
    void headAnswersTheSameHeadersWithoutABody() throws IOException {
        assertFile(serve("HEAD", "index.html"), "text/html; charset=UTF-8", AppPaths.CACHE_NONE, INDEX, "");
    }

    @Test
    void aRouteOfTheAppOrAFolderAnswersIndex() throws IOException {
        for (String route : new String[] {"estates/12", "assets"}) {
            assertFile(serve("GET", route), "text/html; charset=UTF-8", AppPaths.CACHE_NONE, INDEX, INDEX);
        }
    }

    @Test
    void aMissingAssetIsA404ThatIsNotCached() throws IOException {
        FakeHttp.Answer a = serve("GET", "assets/missing-abc.js");
        assertEquals(HttpServletResponse.SC_NOT_FOUND, a.error);
        assertEquals(AppPaths.CACHE_NONE, a.headers.get("Cache-Control"));
        assertEquals(0, a.body.size());
    }

    @Test
    void withoutIndexEvenARouteIsA404() throws IOException {
        Files.delete(dir.resolve("app/index.html"));
        assertEquals(HttpServletResponse.SC_NOT_FOUND, serve("GET", "estates").error);
        assertEquals(HttpServletResponse.SC_NOT_FOUND, serve("GET", "index.html").error);
    }
}
