package dev.autogen.core.internal;

import dev.autogen.core.Event;
import dev.autogen.core.MessageContext;
import dev.autogen.core.MessageHandler;
import dev.autogen.core.Rpc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The message handlers of one {@code RoutedAgent} class, found once by reflection and invoked
 * through method handles. Lookups by message class are cached.
 */
public final class HandlerTable {
    private static final ClassValue<HandlerTable> TABLES = new ClassValue<>() {
        @Override
        protected HandlerTable computeValue(Class<?> type) {
            return new HandlerTable(type);
        }
    };
    private static final MethodType INVOKE_TYPE = MethodType.methodType(Object.class, Object.class, Object.class, Object.class);
    private static final MethodType MATCH_TYPE = MethodType.methodType(boolean.class, Object.class, Object.class, Object.class);
    private static final Handler[] NONE = new Handler[0];

    private final List<Handler> handlers;
    private final ConcurrentHashMap<Class<?>, Handler[]> byMessageClass = new ConcurrentHashMap<>();

    private HandlerTable(Class<?> agentClass) {
        this.handlers = discover(agentClass);
    }

    /**
     * The table of an agent class.
     *
     * @throws IllegalStateException if a handler's signature is invalid
     */
    public static HandlerTable of(Class<?> agentClass) {
        return TABLES.get(agentClass);
    }

    /** The message types this class has handlers for. */
    public Set<Class<?>> handledTypes() {
        Set<Class<?>> types = new LinkedHashSet<>();
        for (Handler h : handlers) {
            types.add(h.messageType);
        }
        return types;
    }

    /** The first handler that accepts the message, or null. */
    public @Nullable Handler find(Object agent, Object message, MessageContext context) throws Exception {
        for (Handler h : candidates(message.getClass())) {
            if (h.accepts(agent, message, context)) {
                return h;
            }
        }
        return null;
    }

    private Handler[] candidates(Class<?> messageClass) {
        Handler[] found = byMessageClass.get(messageClass);
        if (found == null) {
            found = byMessageClass.computeIfAbsent(messageClass, this::rank);
        }
        return found;
    }

    private Handler[] rank(Class<?> messageClass) {
        List<Class<?>> supertypes = supertypesNearestFirst(messageClass);
        List<Handler> ranked = new ArrayList<>();
        for (Class<?> type : supertypes) {
            handlers.stream()
                    .filter(h -> h.messageType == type)
                    .sorted(Comparator.comparing(h -> h.name))
                    .forEach(ranked::add);
        }
        return ranked.isEmpty() ? NONE : ranked.toArray(NONE);
    }

    private static List<Class<?>> supertypesNearestFirst(Class<?> type) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Class<?>> queue = new ArrayDeque<>();
        queue.add(type);
        while (!queue.isEmpty()) {
            Class<?> c = queue.poll();
            if (!seen.add(c)) {
                continue;
            }
            if (c.getSuperclass() != null) {
                queue.add(c.getSuperclass());
            }
            queue.addAll(List.of(c.getInterfaces()));
        }
        return new ArrayList<>(seen);
    }

    private static List<Handler> discover(Class<?> agentClass) {
        List<Handler> found = new ArrayList<>();
        Set<String> overridden = new LinkedHashSet<>();
        for (Class<?> c = agentClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                Kind kind = Kind.of(m);
                if (kind == null || m.isBridge() || m.isSynthetic()) {
                    continue;
                }
                String signature = m.getName() + List.of(m.getParameterTypes());
                if (!Modifier.isPrivate(m.getModifiers()) && !overridden.add(signature)) {
                    continue;
                }
                found.add(Handler.create(agentClass, m, kind));
            }
        }
        return List.copyOf(found);
    }

    private enum Kind {
        EVENT, RPC, BOTH;

        static @Nullable Kind of(Method m) {
            int count = (m.isAnnotationPresent(Event.class) ? 1 : 0) + (m.isAnnotationPresent(Rpc.class) ? 1 : 0)
                    + (m.isAnnotationPresent(MessageHandler.class) ? 1 : 0);
            if (count > 1) {
                throw new IllegalStateException(describe(m) + ": use only one of @Event, @Rpc and @MessageHandler");
            }
            if (m.isAnnotationPresent(Event.class)) {
                return EVENT;
            }
            if (m.isAnnotationPresent(Rpc.class)) {
                return RPC;
            }
            return m.isAnnotationPresent(MessageHandler.class) ? BOTH : null;
        }

        String match(Method m) {
            return switch (this) {
                case EVENT -> m.getAnnotation(Event.class).match();
                case RPC -> m.getAnnotation(Rpc.class).match();
                case BOTH -> m.getAnnotation(MessageHandler.class).match();
            };
        }
    }

    private static String describe(Method m) {
        return "handler " + m.getDeclaringClass().getName() + "." + m.getName();
    }

    /** One handler method. */
    public static final class Handler {
        private final String name;
        private final Class<?> messageType;
        private final Kind kind;
        private final MethodHandle invoker;
        private final @Nullable MethodHandle matcher;

        private Handler(String name, Class<?> messageType, Kind kind, MethodHandle invoker, @Nullable MethodHandle matcher) {
            this.name = name;
            this.messageType = messageType;
            this.kind = kind;
            this.invoker = invoker;
            this.matcher = matcher;
        }

        static Handler create(Class<?> agentClass, Method m, Kind kind) {
            Class<?>[] params = m.getParameterTypes();
            if (params.length < 1 || params.length > 2 || (params.length == 2 && params[1] != MessageContext.class)) {
                throw new IllegalStateException(describe(m)
                        + " must take (MessageType message) or (MessageType message, MessageContext context)");
            }
            if (params[0].isPrimitive()) {
                throw new IllegalStateException(describe(m) + ": the message type must be a class, not " + params[0]);
            }
            if (Modifier.isStatic(m.getModifiers())) {
                throw new IllegalStateException(describe(m) + " must not be static");
            }
            if (kind == Kind.EVENT && m.getReturnType() != void.class) {
                throw new IllegalStateException(describe(m)
                        + " is an @Event handler and must return void; use @Rpc to reply to direct messages");
            }
            MethodHandle invoker = adapt(unreflect(m), params.length, INVOKE_TYPE);
            MethodHandle matcher = null;
            String matchName = kind.match(m);
            if (!matchName.isEmpty()) {
                matcher = findMatcher(agentClass, m, matchName, params[0]);
            }
            return new Handler(m.getName(), params[0], kind, invoker, matcher);
        }

        private static MethodHandle findMatcher(Class<?> agentClass, Method handler, String name, Class<?> messageType) {
            for (Class<?> c = agentClass; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Method m : c.getDeclaredMethods()) {
                    if (!m.getName().equals(name)) {
                        continue;
                    }
                    Class<?>[] p = m.getParameterTypes();
                    boolean shapeOk = (p.length == 1 || (p.length == 2 && p[1] == MessageContext.class))
                            && p[0].isAssignableFrom(messageType) && m.getReturnType() == boolean.class
                            && !Modifier.isStatic(m.getModifiers());
                    if (shapeOk) {
                        return adapt(unreflect(m), p.length, MATCH_TYPE);
                    }
                }
            }
            throw new IllegalStateException(describe(handler) + ": match method '" + name
                    + "' not found; declare boolean " + name + "(" + messageType.getSimpleName()
                    + " message[, MessageContext context]) in " + agentClass.getSimpleName());
        }

        private static MethodHandle unreflect(Method m) {
            try {
                m.setAccessible(true);
                return MethodHandles.lookup().unreflect(m);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalStateException(describe(m) + " is not accessible: " + e.getMessage(), e);
            }
        }

        private static MethodHandle adapt(MethodHandle target, int arity, MethodType type) {
            MethodHandle mh = arity == 1 ? MethodHandles.dropArguments(target, 2, MessageContext.class) : target;
            return mh.asType(type);
        }

        boolean accepts(Object agent, Object message, MessageContext context) throws Exception {
            if (kind == Kind.EVENT && context.isRpc() || kind == Kind.RPC && !context.isRpc()) {
                return false;
            }
            if (matcher == null) {
                return true;
            }
            try {
                return (boolean) matcher.invokeExact(agent, message, (Object) context);
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        /** Calls the handler. */
        public @Nullable Object invoke(Object agent, Object message, MessageContext context) throws Exception {
            try {
                return (Object) invoker.invokeExact(agent, message, (Object) context);
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        @Override
        public String toString() {
            return name + "(" + messageType.getSimpleName() + ")";
        }
    }
}
