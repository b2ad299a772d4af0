package dev.autogen.ext.agents.web_surfer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A small web site on loopback: links, a form, a long page and a download. */
final class TestSite implements AutoCloseable {
    static final String CSV = "city,population\nParis,2102650\nRome,2746984\n";

    private final HttpServer server;
    final List<String> submissions = new CopyOnWriteArrayList<>();

    TestSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        switch (path) {
            case "/" -> html(exchange, "Test Site", """
                    <h1>Welcome to the test site</h1>
                    <p>Pick a page.</p>
                    <ul>
                      <li><a href="/about">About us</a></li>
                      <li><a href="/form">Contact form</a></li>
                      <li><a href="/long">Long page</a></li>
                      <li><a href="/report.csv" download>Get the report</a></li>
                    </ul>
                    <button onclick="document.getElementById('out').textContent = 'Button pressed'">Press me</button>
                    <p id="out"></p>
                    """);
            case "/search" -> {
                String q = query == null ? "" : URLDecoder.decode(query.replaceFirst("^q=", ""), StandardCharsets.UTF_8);
                html(exchange, "Search", "<h1>Results for " + q.replace("<", "&lt;") + "</h1><p>No results.</p>");
            }
            case "/menu" -> {
                var items = new StringBuilder();
                for (int i = 1; i <= 40; i++) {
                    items.append("<p>Item ").append(i).append("</p>");
                }
                html(exchange, "Menu", "<div tabindex=\"0\" aria-label=\"Menu\" id=\"menu\" "
                        + "style=\"height: 120px; overflow-y: auto; border: 1px solid\">" + items + "</div>");
            }
            case "/about" -> html(exchange, "About", """
                    <h1>About us</h1><p>The company was founded in 1999 by Ada.</p><a href="/">Home</a>
                    <a href="/" target="_blank">Home in a new tab</a>
                    <a href="http://192.0.2.1/elsewhere">Elsewhere</a>""");
            case "/form" -> html(exchange, "Contact", """
                    <h1>Contact us</h1>
                    <form action="/submit" method="get">
                      <label for="name">Your name</label> <input id="name" name="name" type="text">
                      <button type="submit">Send</button>
                    </form>""");
            case "/submit" -> {
                String name = query == null ? "" : URLDecoder.decode(query.replaceFirst("^name=", ""), StandardCharsets.UTF_8);
                submissions.add(name);
                html(exchange, "Thanks", "<h1>Thank you, " + name.replace("<", "&lt;") + "!</h1>");
            }
            case "/long" -> {
                var body = new StringBuilder("<h1>A long page</h1>");
                for (int i = 1; i <= 120; i++) {
                    body.append("<p>Paragraph ").append(i).append(" of filler text about nothing in particular.</p>");
                }
                body.append("<p id=\"secret\">The secret word is PAPAYA.</p><a href=\"/\">Back to start</a>");
                html(exchange, "Long page", body.toString());
            }
            case "/report.csv" -> {
                byte[] bytes = CSV.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/csv");
                exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"report.csv\"");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            }
            default -> {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            }
        }
    }

    private static void html(HttpExchange exchange, String title, String body) throws IOException {
        byte[] bytes = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>" + title + "</title>"
                + "<meta name=\"description\" content=\"" + title + " page of the test site\"></head><body>" + body
                + "</body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
