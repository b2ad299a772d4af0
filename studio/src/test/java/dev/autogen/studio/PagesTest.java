package dev.autogen.studio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.studio.web.Pages;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pages over HTTP: served from the jar, page addresses answered with index.html, the API untouched. */
class PagesTest {
    @TempDir
    Path dir;

    private static HttpResponse<String> get(TestStudio studio, String path, String accept) throws Exception {
        return studio.http.send(HttpRequest.newBuilder(URI.create(studio.url(path))).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pageAddressesGetTheAppAndTheApiStaysJson() throws Exception {
        assertThat(Pages.bundled()).as("the build packs the pages into the jar").isTrue();
        try (var studio = new TestStudio(StudioConfig.defaults(dir).withAuthToken("t0ken"))) {
            String html = "text/html,application/xhtml+xml,*/*;q=0.8";
            for (String path : new String[] {"/", "/playground", "/build", "/gallery/anything"}) {
                var page = get(studio, path, html);
                assertThat(page.statusCode()).as(path).isEqualTo(200);
                assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
                assertThat(page.body()).contains("<div id=\"root\"></div>");
            }
            // the page's script, by the name index.html gives it, needs no token either
            var index = get(studio, "/", html).body();
            String script = index.replaceAll("(?s).*src=\"(/assets/[^\"]+\\.js)\".*", "$1");
            var js = get(studio, script, "*/*");
            assertThat(js.statusCode()).isEqualTo(200);
            assertThat(js.headers().firstValue("Content-Type").orElse("")).contains("javascript");
            // never a page where the API or a file is meant
            var api = get(studio, "/api/teams/?user_id=u", html);
            assertThat(api.statusCode()).isEqualTo(401);
            var unknownApi = studio.get("/api/nothing-here");
            assertThat(unknownApi.status()).isEqualTo(404);
            assertThat(unknownApi.body().get("detail").asText()).isEqualTo("Not Found");
            assertThat(get(studio, "/assets/missing.js", html).statusCode()).isEqualTo(404);
            assertThat(get(studio, "/playground", "application/json").statusCode()).isEqualTo(404);
        }
    }
}
