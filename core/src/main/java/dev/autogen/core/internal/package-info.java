/**
 * Implementation details of the core runtime. Not API: anything here may change without notice.
 */
@NullMarked
package dev.autogen.core.internal;

import org.jspecify.annotations.NullMarked;
