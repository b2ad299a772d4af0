/**
 * The user guide's end-to-end samples as runnable programs, each with a {@code main}: travel planning
 * ({@link dev.autogen.examples.samples.TravelPlanningSample}), company research
 * ({@link dev.autogen.examples.samples.CompanyResearchSample}), a literature review
 * ({@link dev.autogen.examples.samples.LiteratureReviewSample}) and the migration guide's v0.2
 * patterns written the v0.4 way ({@link dev.autogen.examples.samples.MigrationGuideSamples}). Each
 * takes its model from {@link dev.autogen.examples.agentchat.ExampleModels}: a real one when
 * configured, else scripted replies. Tools that would reach the web have an offline stand-in that
 * says so in every result.
 */
@NullMarked
package dev.autogen.examples.samples;

import org.jspecify.annotations.NullMarked;
