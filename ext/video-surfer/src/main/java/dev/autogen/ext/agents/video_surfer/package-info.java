/**
 * An agent that answers questions about a local video ({@code autogen_ext.agents.video_surfer} in
 * Python): {@link dev.autogen.ext.agents.video_surfer.VideoSurfer}, its ffmpeg tools
 * {@link dev.autogen.ext.agents.video_surfer.VideoTools} and audio transcription through an
 * OpenAI-compatible endpoint ({@link dev.autogen.ext.agents.video_surfer.OpenAIAudioTranscriber}).
 */
@NullMarked
package dev.autogen.ext.agents.video_surfer;

import org.jspecify.annotations.NullMarked;
