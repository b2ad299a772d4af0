package dev.autogen.ext.agents.file_surfer;

import dev.autogen.ext.documents.UnsupportedFormatException;
import dev.autogen.ext.documents.SampleFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownFileBrowserTest {
    @TempDir
    Path root;
    Path base;
    MarkdownFileBrowser browser;

    @BeforeEach
    void files() throws Exception {
        base = Files.createDirectories(root.resolve("base"));
        SampleFiles.writeAll(base);
        Files.createDirectories(base.resolve("sub"));
        Files.writeString(base.resolve("sub/inner.txt"), "inner file");
        Files.writeString(root.resolve("secret.txt"), "TOP SECRET outside the base");
        Files.createDirectories(root.resolve("outside-dir"));
        Files.writeString(root.resolve("outside-dir/also-secret.txt"), "ALSO SECRET");
        Files.createSymbolicLink(base.resolve("link-out.txt"), root.resolve("secret.txt"));
        Files.createSymbolicLink(base.resolve("dir-out"), root.resolve("outside-dir"));
        Files.createSymbolicLink(base.resolve("link-in.txt"), base.resolve("notes.txt"));
        browser = new MarkdownFileBrowser(base, 5 * 1024);
    }

    @Test
    void showsEveryFormatAsMarkdown() {
        assertThat(browser.openPath("notes.txt")).contains("the meeting is on Tuesday");
        assertThat(browser.openPath("page.html")).contains("# Results").contains("**12%**").contains("* North")
                .contains("[details](https://example.com/)").doesNotContain("var x");
        assertThat(browser.pageTitle()).isEqualTo("Quarterly page");
        assertThat(browser.openPath("cities.csv")).isEqualTo("""
                | city | population |
                | --- | --- |
                | Paris | 2102650 |
                | Rome, Italy | 2746984 |
                """);
        assertThat(browser.openPath("config.json")).startsWith("```json\n{").contains("\"name\" : \"surfer\"");
        assertThat(browser.openPath("paper.pdf")).contains("The PDF says the launch code is ORCHID.");
        assertThat(browser.pageTitle()).isEqualTo("Launch paper");
        assertThat(browser.openPath("report.docx")).contains("The report concludes that sales doubled.")
                .contains("| Region | Sales |").contains("| North | 42 |");
        assertThat(browser.openPath("budget.xlsx")).contains("## Budget").contains("| Rent | 1200 |")
                .contains("| Total | 2400 |");
        assertThat(browser.openPath("slides.pptx")).contains("<!-- Slide number: 1 -->")
                .contains("Slide one mentions the roadmap for 2027.");
        assertThat(browser.openPath("blob.bin")).startsWith("# UnsupportedFormatException");
        assertThat(browser.openPath(".")).contains("# Index of " + browser.basePath()).contains("| sub/ |")
                .contains("| report.docx |");
    }

    @Test
    void neverReadsOutsideTheBaseDirectory() {
        for (String escape : new String[] {"../secret.txt", root.resolve("secret.txt").toString(), "link-out.txt",
                "dir-out/also-secret.txt", "sub/../../secret.txt", "/etc/passwd", "dir-out", "..", "~"}) {
            String shown = browser.openPath(escape);
            assertThat(shown).as(escape).startsWith("# FileNotFoundError").doesNotContain("SECRET").doesNotContain("root:");
            assertThat(browser.pageTitle()).isEqualTo("FileNotFoundError");
        }
        assertThat(browser.openPath("link-in.txt")).as("a link staying inside is fine").contains("Tuesday");
        assertThat(browser.openPath("sub/inner.txt")).contains("inner file");
        assertThat(browser.openPath("../notes.txt")).as("relative to the open file's folder").contains("Tuesday");
    }

    @Test
    void pagesAndFinds() throws Exception {
        var text = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            text.append("line ").append(i).append(i == 1500 ? " the hidden needle here" : "").append(i == 1900 ? " another needle" : "").append('\n');
        }
        Files.writeString(base.resolve("long.txt"), text);
        browser.openPath("long.txt");
        assertThat(browser.pageCount()).isGreaterThan(3);
        browser.pageDown();
        assertThat(browser.currentPage()).isEqualTo(1);
        browser.pageUp();
        browser.pageUp();
        assertThat(browser.currentPage()).isZero();

        assertThat(browser.findOnPage("hidden * here")).hasValueSatisfying(v -> assertThat(v).contains("hidden needle"));
        int first = browser.currentPage();
        assertThat(browser.findOnPage("needle")).hasValueSatisfying(v -> assertThat(v).contains("needle"));
        assertThat(browser.findNext()).hasValueSatisfying(v -> assertThat(v).contains("another needle"));
        assertThat(browser.currentPage()).isGreaterThan(first);
        assertThat(browser.findOnPage("absent words")).isEmpty();
    }
}
