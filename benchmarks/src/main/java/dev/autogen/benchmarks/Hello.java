package dev.autogen.benchmarks;

/**
 * The start-up baseline's program: prints one line and exits, so starting it measures a bare JVM
 * start. {@link CliStartup} copies this class alone into a small jar and runs
 * {@code java -cp hello.jar dev.autogen.benchmarks.Hello}.
 */
public final class Hello {
    static final String LINE = "hello";

    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println(LINE);
    }
}
