/**
 * {@link dev.autogen.ext.teams.magentic_one.MagenticOne}, the ready-made Magentic-One team
 * ({@code autogen_ext.teams.magentic_one}): the orchestrator with a web surfer, a file surfer, a coder
 * and a computer terminal, all on one model client.
 */
@org.jspecify.annotations.NullMarked
package dev.autogen.ext.teams.magentic_one;
