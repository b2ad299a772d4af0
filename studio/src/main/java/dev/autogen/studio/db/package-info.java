/** Part of the Studio server; see {@link dev.autogen.studio.StudioServer}. */
@NullMarked
package dev.autogen.studio.db;

import org.jspecify.annotations.NullMarked;
