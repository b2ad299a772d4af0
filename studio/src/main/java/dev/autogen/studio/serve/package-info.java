/** Deployment: one team served as an HTTP endpoint ({@code autogen studio serve}). */
@NullMarked
package dev.autogen.studio.serve;

import org.jspecify.annotations.NullMarked;
