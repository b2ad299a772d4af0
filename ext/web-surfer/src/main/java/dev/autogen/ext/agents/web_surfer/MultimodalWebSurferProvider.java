package dev.autogen.ext.agents.web_surfer;

import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.models.ChatCompletionClient;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads and writes {@link MultimodalWebSurfer} configs ({@code autogen_ext.agents.web_surfer.MultimodalWebSurfer}).
 * Loading starts no browser: Chromium starts at the agent's first message.
 */
public final class MultimodalWebSurferProvider
        extends AbstractComponentProvider<MultimodalWebSurfer, MultimodalWebSurferConfig> {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public MultimodalWebSurferProvider() {
        super(MultimodalWebSurfer.PROVIDER, ComponentTypes.AGENT, MultimodalWebSurfer.class,
                MultimodalWebSurferConfig.class,
                "An agent that solves tasks by browsing the web using a headless browser.");
    }

    @Override
    public MultimodalWebSurfer fromConfig(MultimodalWebSurferConfig c, ComponentContext context) {
        ChatCompletionClient model = context.load(c.modelClient(), ChatCompletionClient.class, "model_client");
        var builder = MultimodalWebSurfer.builder(c.name(), model);
        try {
            if (c.description() != null) {
                builder.description(c.description());
            }
            if (c.downloadsFolder() != null) {
                builder.downloadsFolder(Path.of(c.downloadsFolder()));
            }
            if (c.debugDir() != null) {
                builder.debugDir(Path.of(c.debugDir()));
            }
            if (c.headless() != null) {
                builder.headless(c.headless());
            }
            if (c.startPage() != null) {
                builder.startPage(c.startPage());
            }
            if (c.toSaveScreenshots() != null) {
                builder.toSaveScreenshots(c.toSaveScreenshots());
            }
            if (c.animateActions() != null) {
                builder.animateActions(c.animateActions());
            }
            if (c.useOcr() != null) {
                builder.useOcr(c.useOcr());
            }
            if (c.browserChannel() != null) {
                builder.browserChannel(c.browserChannel());
            }
            if (c.browserDataDir() != null) {
                builder.browserDataDir(Path.of(c.browserDataDir()));
            }
            if (c.toResizeViewport() != null) {
                builder.toResizeViewport(c.toResizeViewport());
            }
            if (c.browserExecutable() != null) {
                builder.browserExecutable(Path.of(c.browserExecutable()));
            }
            if (c.searchEngineUrl() != null) {
                builder.searchEngineUrl(c.searchEngineUrl());
            }
            if (c.viewportWidth() != null || c.viewportHeight() != null) {
                builder.viewport(c.viewportWidth() == null ? MultimodalWebSurfer.VIEWPORT_WIDTH : c.viewportWidth(),
                        c.viewportHeight() == null ? MultimodalWebSurfer.VIEWPORT_HEIGHT : c.viewportHeight());
            }
            if (c.urlAllowList() != null) {
                builder.urlAllowList(c.urlAllowList());
            }
            Map<String, Path> directories = new LinkedHashMap<>();
            if (c.downloadsFolder() != null) {
                directories.put("downloads_folder", Path.of(c.downloadsFolder()));
            }
            if (c.debugDir() != null) {
                directories.put("debug_dir", Path.of(c.debugDir()));
            }
            if (c.browserDataDir() != null) {
                directories.put("browser_data_dir", Path.of(c.browserDataDir()));
            }
            List<String> allowed = c.urlAllowList() == null ? List.of() : c.urlAllowList();
            Path executable = c.browserExecutable() == null ? BrowserOptions.DEFAULT_EXECUTABLE : Path.of(c.browserExecutable());
            builder.build(); // bad settings fail here, before anyone is asked for consent
            builder.processGate(context.processGate("start the browser " + (c.browserChannel() != null
                    ? "channel '" + c.browserChannel() + "'" : "'" + executable + "'")
                    + " and let its model open " + (allowed.isEmpty() ? "any http, https or file URL" : "URLs under "
                    + allowed) + " on this machine, with your rights", directories));
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw context.invalid("config", e.getMessage());
        }
    }
}
