/**
 * Uses LangChain4j tools as AutoGen tools, the Java counterpart of Python's
 * {@code autogen_ext.tools.langchain}. Start at
 * {@link dev.autogen.ext.tools.langchain4j.LangChain4jToolAdapter}.
 */
@NullMarked
package dev.autogen.ext.tools.langchain4j;

import org.jspecify.annotations.NullMarked;
