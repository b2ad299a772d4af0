/**
 * Runnable programs that mirror the code samples of the AutoGen documentation, one package per
 * part of the documentation ({@code core}, ...).
 */
@NullMarked
package dev.autogen.examples;

import org.jspecify.annotations.NullMarked;
