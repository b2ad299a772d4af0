package dev.autogen.core.component.fakes;

import java.util.concurrent.atomic.AtomicBoolean;

/** Set when {@link Trap} is loaded or instantiated. */
public final class TrapFlag {
    public static final AtomicBoolean LOADED = new AtomicBoolean();

    private TrapFlag() {
    }
}
