package dev.autogen.ext.agents.file_surfer;

import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.models.ChatCompletionClient;
import java.nio.file.Path;

/** Loads and writes {@link FileSurfer} configs ({@code autogen_ext.agents.file_surfer.FileSurfer}). */
public final class FileSurferProvider extends AbstractComponentProvider<FileSurfer, FileSurferConfig> {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public FileSurferProvider() {
        super(FileSurfer.PROVIDER, ComponentTypes.AGENT, FileSurfer.class, FileSurferConfig.class,
                "An agent that can handle local files.");
    }

    @Override
    public FileSurfer fromConfig(FileSurferConfig config, ComponentContext context) {
        ChatCompletionClient model = context.load(config.modelClient(), ChatCompletionClient.class, "model_client");
        try {
            return new FileSurfer(config.name(), model,
                    config.description() == null ? FileSurfer.DEFAULT_DESCRIPTION : config.description(),
                    config.basePath() == null ? Path.of("").toAbsolutePath() : Path.of(config.basePath()));
        } catch (IllegalArgumentException e) {
            throw context.invalid(e.getMessage() != null && e.getMessage().startsWith("base path") ? "base_path" : "name",
                    e.getMessage());
        }
    }
}
