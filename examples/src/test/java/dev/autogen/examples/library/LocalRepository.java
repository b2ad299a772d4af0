package dev.autogen.examples.library;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lays this build's modules out as a Maven local repository, as {@code mvn install} would. */
final class LocalRepository {
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");

    private LocalRepository() {
    }

    /** The project version, from the root POM. */
    static String version(Path root) throws IOException {
        Matcher m = Pattern.compile("<artifactId>autogen-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(root.resolve("pom.xml")));
        if (!m.find()) {
            throw new IllegalStateException("no version in " + root.resolve("pom.xml"));
        }
        return m.group(1);
    }

    /** The module folders of the root POM, e.g. {@code core}, {@code ext/openai}. */
    static List<String> modules(Path root) throws IOException {
        List<String> modules = new ArrayList<>();
        Matcher m = MODULE.matcher(Files.readString(root.resolve("pom.xml")));
        while (m.find()) {
            modules.add(m.group(1));
        }
        return modules;
    }

    /** A module's artifact id: the first {@code artifactId} of its POM outside {@code <parent>}. */
    static String artifactId(Path pom) throws IOException {
        String text = Files.readString(pom).replaceFirst("(?s)<parent>.*?</parent>", "");
        Matcher m = ARTIFACT.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no artifactId in " + pom);
        }
        return m.group(1);
    }

    /**
     * Puts the parent POM, the BOM and every module that has compiled classes into {@code repo}:
     * each module's POM and a jar of its {@code target/classes}.
     */
    static void installFromBuild(Path root, Path repo) throws IOException {
        String version = version(root);
        put(repo, "autogen-parent", version, root.resolve("pom.xml"), null);
        for (String module : modules(root)) {
            Path dir = root.resolve(module);
            Path pom = dir.resolve("pom.xml");
            Path classes = dir.resolve("target/classes");
            if (module.equals("bom")) {
                put(repo, artifactId(pom), version, pom, null);
            } else if (Files.isDirectory(classes)) {
                put(repo, artifactId(pom), version, pom, classes);
            }
        }
    }

    private static void put(Path repo, String artifactId, String version, Path pom, Path classes) throws IOException {
        Path dir = repo.resolve("dev/autogen").resolve(artifactId).resolve(version);
        Files.createDirectories(dir);
        Files.copy(pom, dir.resolve(artifactId + "-" + version + ".pom"));
        if (classes != null) {
            writeJar(classes, dir.resolve(artifactId + "-" + version + ".jar"));
        }
    }

    private static void writeJar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                var files = Files.walk(classes)) {
            for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
    }
}
