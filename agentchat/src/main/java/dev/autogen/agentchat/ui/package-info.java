/**
 * Showing runs to people, mirroring {@code autogen_agentchat.ui}: {@link dev.autogen.agentchat.ui.Console}
 * prints a {@link dev.autogen.agentchat.base.MessageStream} in the documentation's layout, and
 * {@link dev.autogen.agentchat.ui.UserInputManager} lets a user proxy prompt only once the Console
 * has caught up.
 */
@NullMarked
package dev.autogen.agentchat.ui;

import org.jspecify.annotations.NullMarked;
