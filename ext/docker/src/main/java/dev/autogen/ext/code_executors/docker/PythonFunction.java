package dev.autogen.ext.code_executors.docker;

import java.util.List;
import java.util.Objects;

/**
 * A Python function offered to the code the executor runs, the counterpart of Python's
 * {@code FunctionWithRequirementsStr}: its source, the pip packages it needs and the imports it
 * uses. The executor writes all functions to {@code <functions_module>.py} in the working directory
 * before the first block runs, installs the packages in the container and checks that the module
 * loads; code then uses {@code from functions import my_function}.
 *
 * <pre>{@code
 * var add = PythonFunction.of("""
 *         def add(a: int, b: int) -> int:
 *             \"""Adds two numbers.\"""
 *             return a + b
 *         """);
 * var table = PythonFunction.of("def table(rows):\n    return tabulate.tabulate(rows)\n")
 *         .withPythonPackages("tabulate").withGlobalImports("tabulate");
 * }</pre>
 *
 * @param source the function's source; common indentation is removed
 * @param pythonPackages pip requirement strings, installed in the container before first use
 * @param globalImports module names ({@code "os"} becomes {@code import os}) or whole import
 *     statements ({@code "from pathlib import Path"}) placed at the top of the module
 */
public record PythonFunction(String source, List<String> pythonPackages, List<String> globalImports) {
    public PythonFunction {
        Objects.requireNonNull(source, "source");
        if (source.isBlank()) {
            throw new IllegalArgumentException("a PythonFunction needs source code");
        }
        pythonPackages = List.copyOf(pythonPackages);
        globalImports = List.copyOf(globalImports);
    }

    /** A function without requirements. */
    public static PythonFunction of(String source) {
        return new PythonFunction(source, List.of(), List.of());
    }

    /** This function needing {@code packages} from pip as well. */
    public PythonFunction withPythonPackages(String... packages) {
        return new PythonFunction(source, concat(pythonPackages, packages), globalImports);
    }

    /** This function with {@code imports} at the top of the module as well. */
    public PythonFunction withGlobalImports(String... imports) {
        return new PythonFunction(source, pythonPackages, concat(globalImports, imports));
    }

    private static List<String> concat(List<String> first, String[] more) {
        return java.util.stream.Stream.concat(first.stream(), java.util.Arrays.stream(more)).toList();
    }
}
