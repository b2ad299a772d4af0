package dev.autogen.core.internal;

import java.lang.reflect.Method;
import org.jspecify.annotations.Nullable;

/**
 * Whether an object's {@code stateValue()} (the state as records, which durable teams write in their
 * checkpoints) can be trusted to match its {@code saveState()}: not when a subclass overrides
 * {@code saveState()} below the class that wrote {@code stateValue()}, as code written before
 * {@code stateValue()} existed does. Callers then use {@code saveState()}, so a checkpoint never
 * drops state a subclass adds.
 */
public final class StateValues {
    private static final ClassValue<Boolean> PREFERS_SAVE_STATE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            @Nullable Method saveState = find(type, "saveState");
            @Nullable Method stateValue = find(type, "stateValue");
            if (saveState == null || stateValue == null) {
                return false;
            }
            Class<?> saved = saveState.getDeclaringClass();
            Class<?> valued = stateValue.getDeclaringClass();
            return saved != valued && valued.isAssignableFrom(saved);
        }
    };

    private StateValues() {
    }

    /** True when {@code type} overrides {@code saveState()} below the class that declares its {@code stateValue()}. */
    public static boolean prefersSaveState(Class<?> type) {
        return PREFERS_SAVE_STATE.get(type);
    }

    private static @Nullable Method find(Class<?> type, String name) {
        for (@Nullable Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredMethod(name);
            } catch (NoSuchMethodException e) {
                // look further up
            }
        }
        try {
            return type.getMethod(name);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
