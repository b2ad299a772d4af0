package dev.autogen.core.component.fakes;

/** A class whose loading is observable: a config naming it must never cause it to be loaded. */
public final class Trap {
    static {
        TrapFlag.LOADED.set(true);
    }

    public Trap() {
        TrapFlag.LOADED.set(true);
    }
}
