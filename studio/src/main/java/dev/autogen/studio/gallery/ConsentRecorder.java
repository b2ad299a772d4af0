package dev.autogen.studio.gallery;

import dev.autogen.core.component.ConsentPolicy;
import dev.autogen.core.component.ConsentRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The consent policy of checks: components that would start processes are built (a check only
 * builds) but can start nothing, as each start asks {@link #approve}, which says no; each such
 * component is noted.
 */
public final class ConsentRecorder implements ConsentPolicy {
    private final List<ConsentRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public Decision decide(ConsentRequest request) {
        requests.add(request);
        return Decision.ASK;
    }

    /** The components noted, in load order. */
    public List<ConsentRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public String howToAllow() {
        return "Enable code execution in the Studio's settings if you trust this config.";
    }
}
