/** Part of the Studio server; see {@link dev.autogen.studio.StudioServer}. */
@NullMarked
package dev.autogen.studio.runs;

import org.jspecify.annotations.NullMarked;
