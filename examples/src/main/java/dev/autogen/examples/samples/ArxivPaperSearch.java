package dev.autogen.examples.samples;

import dev.autogen.core.CancellationToken;
import dev.autogen.ext.http.HttpTransport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * {@link PaperSearch} over arXiv's query API: {@code GET <endpoint>?search_query=..&start=0&max_results=N
 * &sortBy=relevance&sortOrder=descending}, whose answer is an Atom feed with one {@code entry} per paper
 * (the service the Python sample reaches through the {@code arxiv} package).
 */
public final class ArxivPaperSearch implements PaperSearch {
    /** arXiv's endpoint. */
    public static final URI DEFAULT_ENDPOINT = URI.create("https://export.arxiv.org/api/query");

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI endpoint;
    private final HttpTransport transport;

    /** A search of arXiv at {@code endpoint}. */
    public ArxivPaperSearch(URI endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.transport = SampleHttp.transport("arXiv");
    }

    @Override
    public List<Paper> search(String query, int maxResults, CancellationToken token) {
        if (query.isBlank()) {
            throw new IllegalArgumentException("the arXiv search query must not be blank");
        }
        URI uri = URI.create(endpoint + "?search_query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&start=0&max_results=" + maxResults + "&sortBy=relevance&sortOrder=descending");
        return transport.exchange(() -> HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Accept", "application/atom+xml").GET().build(), TIMEOUT, token,
                (response, body) -> parse(body, uri));
    }

    /**
     * The papers of an arXiv Atom feed, in its order.
     *
     * @throws IllegalArgumentException if {@code feed} is not an Atom feed or an entry lacks a field
     */
    static List<Paper> parse(InputStream feed, URI from) throws IOException {
        Document document;
        try {
            document = parser().parse(feed);
        } catch (SAXException e) {
            throw new IllegalArgumentException("the answer of " + from + " is not XML: " + e.getMessage(), e);
        }
        Element root = document.getDocumentElement();
        if (!ATOM.equals(root.getNamespaceURI()) || !"feed".equals(root.getLocalName())) {
            throw new IllegalArgumentException("the answer of " + from + " is not an Atom feed (its root element is <"
                    + root.getTagName() + ">)");
        }
        List<Paper> papers = new ArrayList<>();
        NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            papers.add(paper((Element) entries.item(i), i + 1, from));
        }
        return papers;
    }

    private static Paper paper(Element entry, int number, URI from) {
        String where = "entry " + number + " of the feed from " + from;
        List<String> authors = new ArrayList<>();
        for (Element author : children(entry, "author")) {
            Element name = first(author, "name");
            if (name != null) {
                authors.add(text(name));
            }
        }
        String pdf = null;
        for (Element link : children(entry, "link")) {
            if ("pdf".equals(link.getAttribute("title")) || "application/pdf".equals(link.getAttribute("type"))) {
                pdf = link.getAttribute("href");
                break;
            }
        }
        if (pdf == null) {
            pdf = required(entry, "id", where).replace("/abs/", "/pdf/");
        }
        String published = required(entry, "published", where);
        LocalDate date;
        try {
            date = OffsetDateTime.parse(published).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": <published> is not a timestamp: '" + published + "'");
        }
        return new Paper(required(entry, "title", where), authors, date, required(entry, "summary", where), pdf);
    }

    private static String required(Element entry, String name, String where) {
        Element element = first(entry, name);
        if (element == null) {
            throw new IllegalArgumentException(where + " has no <" + name + ">");
        }
        return text(element);
    }

    private static @Nullable Element first(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.getFirst();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    /** The element's text with runs of white space (arXiv wraps titles and abstracts) made one space. */
    private static String text(Element element) {
        return element.getTextContent().strip().replaceAll("\\s+", " ");
    }

    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured safely", e);
        }
    }
}
