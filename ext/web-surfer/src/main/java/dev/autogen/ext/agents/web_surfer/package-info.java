/**
 * {@link dev.autogen.ext.agents.web_surfer.MultimodalWebSurfer}, Magentic-One's web browsing agent
 * ({@code autogen_ext.agents.web_surfer}): a model chooses browser actions (visit a URL, search, click,
 * type, scroll, summarize, answer questions) from a screenshot whose interactive elements are marked
 * with numbered boxes, and Playwright carries them out in the machine's Chromium.
 */
@org.jspecify.annotations.NullMarked
package dev.autogen.ext.agents.web_surfer;
