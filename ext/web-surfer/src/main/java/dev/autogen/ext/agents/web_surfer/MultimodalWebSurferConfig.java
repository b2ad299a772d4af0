package dev.autogen.ext.agents.web_surfer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.core.component.ComponentModel;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The component config of a {@link MultimodalWebSurfer}: Python's {@code MultimodalWebSurferConfig} field for
 * field, plus Java's browser settings ({@code browser_executable}, {@code search_engine_url},
 * {@code viewport_width}, {@code viewport_height}, {@code url_allow_list}), written only when set; Python
 * ignores them when it loads the config.
 *
 * @param name the agent's name
 * @param modelClient the model that chooses actions
 * @param downloadsFolder where downloads are saved; null refuses downloads
 * @param description the agent's description for the team; null for the default
 * @param debugDir where screenshots are saved
 * @param headless whether Chromium runs without a window (default true)
 * @param startPage the first page (default Bing)
 * @param animateActions accepted for Python configs; actions are not animated
 * @param toSaveScreenshots whether screenshots are saved to {@code debugDir}
 * @param useOcr accepted for Python configs; no OCR is done
 * @param browserChannel a Playwright browser channel instead of the executable
 * @param browserDataDir a persistent browser profile folder
 * @param toResizeViewport whether the viewport is set to the configured size (default true)
 * @param browserExecutable the Chromium binary (default {@code /usr/bin/chromium})
 * @param searchEngineUrl the search URL, {@code {query}} standing for the encoded query
 * @param viewportWidth viewport width (default 1440)
 * @param viewportHeight viewport height (default 900)
 * @param urlAllowList URL prefixes the surfer may open; null or empty allows any http, https or file URL
 */
@JsonPropertyOrder({"name", "model_client", "downloads_folder", "description", "debug_dir", "headless", "start_page",
        "animate_actions", "to_save_screenshots", "use_ocr", "browser_channel", "browser_data_dir",
        "to_resize_viewport", "browser_executable", "search_engine_url", "viewport_width", "viewport_height",
        "url_allow_list"})
public record MultimodalWebSurferConfig(
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) ComponentModel modelClient,
        @Nullable String downloadsFolder,
        @Nullable String description,
        @Nullable String debugDir,
        @Nullable Boolean headless,
        @Nullable String startPage,
        @Nullable Boolean animateActions,
        @Nullable Boolean toSaveScreenshots,
        @Nullable Boolean useOcr,
        @Nullable String browserChannel,
        @Nullable String browserDataDir,
        @Nullable Boolean toResizeViewport,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String browserExecutable,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String searchEngineUrl,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer viewportWidth,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer viewportHeight,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable List<String> urlAllowList) {
    public MultimodalWebSurferConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(modelClient, "model_client");
    }
}
