package dev.autogen.examples.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.CancellationToken;
import dev.autogen.examples.samples.PaperSearch.Paper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link ArxivPaperSearch} against a loopback server answering as arXiv's API does. */
class ArxivPaperSearchTest {
    /** An answer in the shape of arXiv's (namespaces, wrapped title and summary, pdf link), shortened. */
    static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <link href="http://arxiv.org/api/query?search_query%3Dno%20code%20agents" rel="self" type="application/atom+xml"/>
              <title type="html">ArXiv Query: search_query=no code agents</title>
              <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">2</opensearch:totalResults>
              <entry>
                <id>http://arxiv.org/abs/2408.15247v1</id>
                <updated>2024-08-09T17:59:59Z</updated>
                <published>2024-08-09T17:59:59Z</published>
                <title>AutoGen Studio: A No-Code Developer Tool for Building and
              Debugging Multi-Agent Systems</title>
                <summary>  Multi-agent systems, where multiple agents work together,
            are an effective way to solve long-running tasks.
            </summary>
                <author><name>Victor Dibia</name></author>
                <author><name>Jingya Chen</name><arxiv:affiliation xmlns:arxiv="http://arxiv.org/schemas/atom">Microsoft</arxiv:affiliation></author>
                <link href="http://arxiv.org/abs/2408.15247v1" rel="alternate" type="text/html"/>
                <link title="pdf" href="http://arxiv.org/pdf/2408.15247v1" rel="related" type="application/pdf"/>
                <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.SE" scheme="http://arxiv.org/schemas/atom"/>
              </entry>
              <entry>
                <id>http://arxiv.org/abs/2308.08155v2</id>
                <published>2023-08-16T17:59:01Z</published>
                <title>AutoGen: Enabling Next-Gen LLM Applications via Multi-Agent Conversation</title>
                <summary>AutoGen is an open-source framework.</summary>
                <author><name>Qingyun Wu</name></author>
              </entry>
            </feed>
            """;

    private CannedServer server;

    @BeforeEach
    void start() throws IOException {
        server = new CannedServer("/api/query", "application/atom+xml; charset=utf-8", FEED);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ArxivPaperSearch search() {
        return new ArxivPaperSearch(server.uri());
    }

    @Test
    void asksTheQueryApiByRelevanceAndReadsEveryEntry() {
        List<Paper> papers = search().search("no code agents", 2, new CancellationToken());

        URI request = server.requests.poll().uri();
        assertThat(URLDecoder.decode(request.getRawQuery(), StandardCharsets.UTF_8))
                .isEqualTo("search_query=no code agents&start=0&max_results=2&sortBy=relevance&sortOrder=descending");
        assertThat(papers).containsExactly(
                new Paper("AutoGen Studio: A No-Code Developer Tool for Building and Debugging Multi-Agent Systems",
                        List.of("Victor Dibia", "Jingya Chen"), LocalDate.of(2024, 8, 9),
                        "Multi-agent systems, where multiple agents work together, are an effective way to solve "
                                + "long-running tasks.",
                        "http://arxiv.org/pdf/2408.15247v1"),
                new Paper("AutoGen: Enabling Next-Gen LLM Applications via Multi-Agent Conversation",
                        List.of("Qingyun Wu"), LocalDate.of(2023, 8, 16), "AutoGen is an open-source framework.",
                        "http://arxiv.org/pdf/2308.08155v2"));
    }

    @Test
    void theToolReturnsThePapersAsThePythonSampleNamesThem() throws Exception {
        Object value = PaperSearch.tool(search()).runJson(
                dev.autogen.core.serialization.AutogenJson.mapper().readTree("{\"query\":\"agents\",\"max_results\":1}"),
                new CancellationToken(), "call_1");

        String text = PaperSearch.tool(search()).returnValueAsString(value);
        assertThat(text).startsWith("[{\"title\":\"AutoGen Studio: A No-Code Developer Tool")
                .contains("\"authors\":[\"Victor Dibia\",\"Jingya Chen\"]", "\"published\":\"2024-08-09\"",
                        "\"abstract\":\"Multi-agent systems,", "\"pdf_url\":\"http://arxiv.org/pdf/2408.15247v1\"");
    }

    @Test
    void anErrorAnswerNamesTheStatusAndTheService() {
        server.status = 400;
        server.body = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>Error</title>"
                + "<summary>incorrect id format for 1234.12345</summary></entry></feed>";

        assertThatThrownBy(() -> search().search("x", 1, new CancellationToken()))
                .hasMessageStartingWith("arXiv answered HTTP 400: ").hasMessageContaining("incorrect id format");
    }

    @Test
    void anAnswerThatIsNotAnAtomFeedSaysSo() {
        server.body = "<html><body>Service unavailable</body></html>";

        assertThatThrownBy(() -> search().search("x", 1, new CancellationToken()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an Atom feed (its root element is <html>)");
    }

    @Test
    void anEntryWithoutAPublishedDateIsNamed() {
        server.body = FEED.replace("<published>2023-08-16T17:59:01Z</published>", "");

        assertThatThrownBy(() -> search().search("x", 2, new CancellationToken()))
                .hasMessageContaining("entry 2 of the feed from").hasMessageContaining("has no <published>");
    }

    @Test
    void aDoctypeIsRefusedSoNoEntityIsExpanded() {
        server.body = "<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>&x;</title></entry></feed>";

        assertThatThrownBy(() -> search().search("x", 1, new CancellationToken()))
                .hasMessageContaining("is not XML").hasMessageContaining("DOCTYPE");
    }
}
