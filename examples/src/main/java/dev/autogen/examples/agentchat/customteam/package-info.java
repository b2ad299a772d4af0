/** A team of one's own, outside the library's package: {@link dev.autogen.examples.agentchat.customteam.MentionGroupChat}. */
@NullMarked
package dev.autogen.examples.agentchat.customteam;

import org.jspecify.annotations.NullMarked;
