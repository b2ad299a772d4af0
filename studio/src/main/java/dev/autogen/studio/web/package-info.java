/** Part of the Studio server; see {@link dev.autogen.studio.StudioServer}. */
@NullMarked
package dev.autogen.studio.web;

import org.jspecify.annotations.NullMarked;
