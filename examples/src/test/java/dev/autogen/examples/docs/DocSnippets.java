package dev.autogen.examples.docs;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The Java snippets of markdown documents and the Java examples of Javadoc comments
 * ({@link #extractJavadoc}), made into compilable classes by a simple convention (README.md,
 * "Development"):
 * <ul>
 *   <li>{@code import} lines anywhere in a snippet are hoisted to the top of its class;</li>
 *   <li>top-level type declarations ({@code class}, {@code record}, {@code interface}, {@code enum}) and
 *       method declarations at the start of a line become members of a wrapper class;</li>
 *   <li>everything else becomes the body of a method of that class, which may throw anything;</li>
 *   <li>an HTML comment right before the fence, {@code <!-- java-context: ... -->}, holds Java that is
 *       not shown: imports and members (fields such as {@code ChatCompletionClient model;}) the snippet
 *       uses without declaring;</li>
 *   <li>{@code <!-- java-snippet: not compiled, REASON -->} right before the fence excludes a snippet.</li>
 * </ul>
 */
final class DocSnippets {
    private static final Pattern CONTEXT = Pattern.compile("(?s)<!--\\s*java-context:(.*?)-->\\s*$");
    private static final Pattern IMPORT = Pattern.compile("import\\s+(static\\s+)?[\\w.*]+\\s*;");
    /** The package of the Javadoc snippets' classes. */
    static final String JAVADOC_PACKAGE = "javadoc_snippets";
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;\\s*$");
    private static final Pattern IMPORT_LINE = Pattern.compile("^import\\s+(static\\s+)?[\\w.*]+\\s*;\\s*$");
    private static final Pattern JAVADOC_PRE = Pattern.compile("^\\s*\\*?\\s*<pre>\\{@code\\s*$");
    private static final Pattern LITERAL = Pattern.compile("\\{@literal\\s([^{}]*)}");
    private static final Pattern NOT_JAVA_START = Pattern.compile("[{\\[$]|\\./|java -|mvn |curl ");
    private static final Pattern SKIP = Pattern.compile("<!--\\s*java-snippet:\\s*not compiled\\b.*-->\\s*$");
    private static final Pattern TYPE_DECLARATION = Pattern.compile(
            "^((public|protected|private|static|final|abstract|sealed|non-sealed|strictfp)\\s+)*(class|record|interface|enum|@interface)\\s+\\w+.*");
    private static final Pattern METHOD_DECLARATION = Pattern.compile(
            "^((public|protected|private|static|final|abstract|synchronized|default)\\s+)*(<[^>]+>\\s+)?[\\w.<>\\[\\], ?]+\\s+\\w+\\s*\\(.*");
    private static final List<String> STATEMENT_KEYWORDS = List.of("try", "if", "for", "while", "switch", "return",
            "throw", "new", "var", "do", "else", "synchronized", "catch", "finally", "yield", "assert");

    private DocSnippets() {
    }

    /**
     * One snippet: where it is, its code, its hidden context and the package of its class ("" for the
     * default package).
     */
    record Snippet(String file, int line, String code, String context, String packageName) {
        Snippet(String file, int line, String code, String context) {
            this(file, line, code, context, "");
        }

        /** A class name unique to this snippet. */
        String className() {
            return "Snippet_" + file.replace("/src/main/java/", "/").replaceAll("[^A-Za-z0-9]", "_") + "_" + line;
        }

        /** The class's fully qualified name. */
        String qualifiedName() {
            return packageName.isEmpty() ? className() : packageName + "." + className();
        }

        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    /** The {@code java} snippets of a markdown text, {@code file} naming it in messages. */
    static List<Snippet> extract(String file, String markdown) {
        List<Snippet> snippets = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].strip().equals("```java")) {
                continue;
            }
            int start = i;
            StringBuilder code = new StringBuilder();
            String indent = lines[i].substring(0, lines[i].indexOf('`'));
            for (i++; i < lines.length && !lines[i].strip().equals("```"); i++) {
                code.append(lines[i].startsWith(indent) ? lines[i].substring(indent.length()) : lines[i].strip()).append('\n');
            }
            String before = precedingComment(lines, start);
            if (SKIP.matcher(before).find()) {
                continue;
            }
            Matcher context = CONTEXT.matcher(before);
            snippets.add(new Snippet(file, start + 1, code.toString(), context.find() ? context.group(1).strip() : ""));
        }
        return snippets;
    }

    /** The HTML comment that ends right before line {@code fence}, or "". */
    private static String precedingComment(String[] lines, int fence) {
        int end = fence - 1;
        if (end < 0 || !lines[end].strip().endsWith("-->")) {
            return "";
        }
        int begin = end;
        while (begin > 0 && !lines[begin].contains("<!--")) {
            begin--;
        }
        return String.join("\n", List.of(lines).subList(begin, end + 1)).strip();
    }

    /**
     * The snippets of every file, keyed by the path relative to {@code root}: markdown files' {@code java}
     * fences, Java sources' Javadoc {@code <pre>{@code ...}</pre>} blocks.
     */
    static List<Snippet> extract(Path root, List<Path> files) throws IOException {
        List<Snippet> all = new ArrayList<>();
        for (Path file : files) {
            String name = root.relativize(file).toString().replace('\\', '/');
            String text = Files.readString(file);
            all.addAll(name.endsWith(".java") ? extractJavadoc(name, text) : extract(name, text));
        }
        return all;
    }

    /**
     * The Java examples of a Java source's Javadoc: every {@code <pre>{@code ...}</pre>} block (the
     * {@code {@code} ends where its braces balance, as for the javadoc tool), the leading {@code *} of
     * comment lines stripped and the HTML escapes {@code &#64; &lt; &gt; &amp;} and {@code {@literal ...}}
     * undone. Its hidden context is the source's imports, {@code import <its package>.*;} and an HTML
     * comment {@code <!-- java-context: ... -->} on the comment lines right before {@code <pre>}; its class
     * lives in a package of its own, {@value #JAVADOC_PACKAGE}, so it sees only the public API. Blocks that
     * are not Java are skipped (see {@link #looksLikeJava}), as is one after
     * {@code <!-- java-snippet: not compiled, REASON -->}.
     *
     * @throws IllegalArgumentException if a block's braces do not balance before its {@code </pre>}
     */
    static List<Snippet> extractJavadoc(String file, String source) {
        String[] lines = source.split("\n", -1);
        StringBuilder imports = new StringBuilder();
        for (String line : lines) {
            Matcher packageLine = PACKAGE.matcher(line);
            if (packageLine.matches()) {
                imports.append("import ").append(packageLine.group(1)).append(".*;\n");
            } else if (IMPORT_LINE.matcher(line).matches()) {
                imports.append(line.strip()).append('\n');
            }
        }
        List<Snippet> snippets = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (!JAVADOC_PRE.matcher(lines[i]).matches()) {
                continue;
            }
            int start = i;
            StringBuilder code = new StringBuilder();
            int depth = 1; // the brace of {@code
            boolean closed = false;
            for (i++; i < lines.length && !closed; i++) {
                String line = commentText(lines[i]);
                for (int k = 0; k < line.length(); k++) {
                    char c = line.charAt(k);
                    depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                    if (depth == 0) {
                        if (!line.substring(k + 1).startsWith("</pre>")) {
                            throw new IllegalArgumentException(file + ":" + (i + 1)
                                    + ": the {@code block's braces close before its </pre>");
                        }
                        code.append(line, 0, k);
                        closed = true;
                        break;
                    }
                }
                if (!closed) {
                    code.append(line).append('\n');
                }
                if (lines[i].contains("*/") && !closed) {
                    throw new IllegalArgumentException(file + ":" + (start + 1)
                            + ": the {@code block's braces do not balance before the comment ends");
                }
            }
            i--;
            String before = precedingJavadocComment(lines, start);
            String text = unescape(code.toString());
            if (SKIP.matcher(before).find() || !looksLikeJava(text)) {
                continue;
            }
            Matcher context = CONTEXT.matcher(before);
            snippets.add(new Snippet(file, start + 1, text,
                    imports + (context.find() ? context.group(1).strip() : ""), JAVADOC_PACKAGE));
        }
        return snippets;
    }

    /**
     * Whether a Javadoc block is Java rather than data or a command line, decided by its first non-blank
     * line alone (a Java example may well hold JSON in a text block): it is not Java when that line
     * starts with JSON's {@code {} or {@code [}, a shell prompt {@code $}, or a command: {@code ./},
     * {@code java -}, {@code mvn } or {@code curl }.
     */
    static boolean looksLikeJava(String code) {
        String first = code.strip().lines().findFirst().orElse("");
        return !NOT_JAVA_START.matcher(first).lookingAt();
    }

    /** A Javadoc line without its leading {@code *} and the one space after it. */
    private static String commentText(String line) {
        return line.replaceFirst("^\\s*\\*(?!/) ?", "");
    }

    /** Javadoc's HTML escapes in a {@code {@code} block undone. */
    static String unescape(String text) {
        return LITERAL.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)))
                .replace("&#64;", "@").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** The HTML comment on the Javadoc lines that end right before line {@code pre}, or "". */
    private static String precedingJavadocComment(String[] lines, int pre) {
        String[] text = new String[pre];
        for (int i = 0; i < pre; i++) {
            text[i] = commentText(lines[i]);
        }
        return precedingComment(text, pre);
    }

    /** The compilable class of a snippet. */
    static String wrap(Snippet snippet) {
        StringBuilder imports = new StringBuilder();
        StringBuilder members = new StringBuilder();
        StringBuilder body = new StringBuilder();
        Matcher contextImport = IMPORT.matcher(snippet.context());
        while (contextImport.find()) {
            imports.append(contextImport.group()).append('\n');
        }
        members.append(IMPORT.matcher(snippet.context()).replaceAll("")).append('\n');
        split(snippet.code(), imports, members, body);
        String packageLine = snippet.packageName().isEmpty() ? "" : "package " + snippet.packageName() + ";\n";
        return packageLine + imports + "\n@SuppressWarnings(\"all\")\nclass " + snippet.className() + " {\n" + members
                + "\nvoid snippet() throws Throwable {\n" + body + "}\n}\n";
    }

    private static void split(String code, StringBuilder imports, StringBuilder members, StringBuilder body) {
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("import ")) {
                imports.append(line).append('\n');
                continue;
            }
            int end = isDeclarationStart(lines, i) ? declarationEnd(lines, i) : -1;
            if (end < 0) {
                body.append(line).append('\n');
                continue;
            }
            for (int j = i; j <= end; j++) {
                members.append(lines[j]).append('\n');
            }
            i = end;
        }
    }

    private static boolean isDeclarationStart(String[] lines, int i) {
        int j = i;
        while (j < lines.length && lines[j].startsWith("@")) { // annotations before a declaration
            if (lines[j].matches("@\\w+(\\(.*\\))?\\s+\\S.*")) {
                break; // an annotation and the declaration on one line
            }
            j++;
        }
        if (j >= lines.length) {
            return false;
        }
        String line = lines[j].replaceFirst("^(@\\w+(\\([^)]*\\))?\\s+)+", "");
        if (line.isEmpty() || Character.isWhitespace(lines[j].charAt(0))) {
            return false;
        }
        if (TYPE_DECLARATION.matcher(line).matches()) {
            return true;
        }
        String first = line.split("[\\s(<.]", 2)[0];
        return METHOD_DECLARATION.matcher(line).matches() && !STATEMENT_KEYWORDS.contains(first)
                && !line.substring(0, line.indexOf('(')).contains("=") && !line.stripTrailing().endsWith(";");
    }

    /** The last line of the declaration starting at line {@code i}: where its braces close. */
    private static int declarationEnd(String[] lines, int i) {
        int depth = 0;
        boolean opened = false;
        for (int j = i; j < lines.length; j++) {
            String line = lines[j];
            boolean inString = false;
            for (int k = 0; k < line.length(); k++) {
                char c = line.charAt(k);
                if (c == '"' && (k == 0 || line.charAt(k - 1) != '\\')) {
                    inString = !inString;
                } else if (!inString && c == '/' && k + 1 < line.length() && line.charAt(k + 1) == '/') {
                    break;
                } else if (!inString && c == '{') {
                    depth++;
                    opened = true;
                } else if (!inString && c == '}') {
                    depth--;
                }
            }
            if (opened && depth == 0) {
                return j;
            }
            if (!opened && line.stripTrailing().endsWith(";")) {
                return j;
            }
        }
        return lines.length - 1;
    }

    /** A snippet's compile errors, or an empty list. */
    record Failure(Snippet snippet, List<String> errors) {
        @Override
        public String toString() {
            return snippet + " does not compile:\n  " + String.join("\n  ", errors);
        }
    }

    /**
     * Compiles every snippet against {@code classpath} in one compiler run (into {@code outputDir}) and
     * returns the errors of each snippet that has any.
     */
    static List<Failure> compile(List<Snippet> snippets, String classpath, Path outputDir) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, Snippet> byClass = new LinkedHashMap<>();
        List<JavaFileObject> sources = new ArrayList<>();
        for (Snippet snippet : snippets) {
            byClass.put(snippet.className(), snippet);
            String source = wrap(snippet);
            sources.add(new SimpleJavaFileObject(URI.create("string:///" + snippet.qualifiedName().replace('.', '/') + ".java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                }
            });
        }
        Files.createDirectories(outputDir);
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            javac.getTask(new StringWriter(), files, diagnostics,
                    List.of("-proc:none", "-Xlint:none", "-Xmaxerrs", "10000", "-cp", classpath, "-d", outputDir.toString()),
                    null, sources).call();
        }
        Map<Snippet, List<String>> errors = new LinkedHashMap<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR || d.getSource() == null) {
                continue;
            }
            String name = Path.of(d.getSource().toUri().getPath()).getFileName().toString().replace(".java", "");
            Snippet snippet = byClass.get(name);
            String source = wrap(snippet);
            String[] lines = source.split("\n", -1);
            long line = d.getLineNumber();
            String text = line > 0 && line <= lines.length ? lines[(int) line - 1].strip() : "";
            errors.computeIfAbsent(snippet, s -> new ArrayList<>())
                    .add(String.join(" | ", d.getMessage(Locale.ROOT).lines().map(String::strip).toList()) + "  [at: " + text + "]");
        }
        List<Failure> failures = new ArrayList<>();
        errors.forEach((snippet, messages) -> failures.add(new Failure(snippet, messages)));
        return failures;
    }
}
