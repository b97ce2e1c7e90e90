package io.sparta.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Calls one handler the way Lambda's Java runtime does: {@code pkg.Class} for RequestHandler and
 * RequestStreamHandler, {@code pkg.Class::method} for a method; events read and results written with Lambda's
 * own serializers. The handler is instantiated once and reused for every later call.
 */
final class HandlerCall {

    private final String handler;
    private final ClassLoader loader;
    private Class<?> type;
    private Object instance;
    private Method method;

    HandlerCall(String handler, ClassLoader loader) {
        this.handler = handler;
        this.loader = loader;
    }

    /**
     * Lambda's init phase for this handler: the class loaded and initialised, the handler constructed, and the
     * serializers of its input and output made, so the first invocation's duration is the handler's alone.
     */
    void init() throws Throwable {
        try {
            prepare();
        } catch (java.lang.reflect.InvocationTargetException | ExceptionInInitializerError e) {
            throw e.getCause() == null ? e : e.getCause();
        }
        if (method == null && !(instance instanceof RequestStreamHandler)) {
            Map<TypeVariable<?>, Type> bindings = new HashMap<>();
            serializer(requestHandlerArgument(type, 0, bindings));
            serializer(requestHandlerArgument(type, 1, bindings));
        } else if (method != null) {
            for (Type parameter : method.getGenericParameterTypes()) {
                if (parameter != Context.class && parameter != InputStream.class && parameter != OutputStream.class) {
                    serializer(parameter);
                }
            }
            if (method.getReturnType() != void.class) {
                serializer(method.getGenericReturnType());
            }
        }
    }

    boolean initialized() {
        return type != null;
    }

    /** @return the response as JSON bytes (or the stream handler's raw output) */
    byte[] invoke(byte[] event, Context context) throws Throwable {
        if (type == null) {
            prepare();
        }
        if (method == null) {
            if (instance instanceof RequestStreamHandler streams) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                streams.handleRequest(new ByteArrayInputStream(event), out, context);
                return out.toByteArray();
            }
            Map<TypeVariable<?>, Type> bindings = new HashMap<>();
            Type input = requestHandlerArgument(type, 0, bindings);
            Type output = requestHandlerArgument(type, 1, bindings);
            @SuppressWarnings("unchecked")
            RequestHandler<Object, Object> call = (RequestHandler<Object, Object>) instance;
            return toJson(call.handleRequest(fromJson(input, event), context), output);
        }
        Class<?>[] parameters = method.getParameterTypes();
        if (parameters.length >= 2 && parameters[0] == InputStream.class && parameters[1] == OutputStream.class) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Object[] arguments = parameters.length == 3
                    ? new Object[] {new ByteArrayInputStream(event), out, context}
                    : new Object[] {new ByteArrayInputStream(event), out};
            invoke(method, instance, arguments);
            return out.toByteArray();
        }
        Object[] arguments = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            arguments[i] =
                    parameters[i] == Context.class ? context : fromJson(method.getGenericParameterTypes()[i], event);
        }
        Object result = invoke(method, instance, arguments);
        return method.getReturnType() == void.class ? "null".getBytes() : toJson(result, method.getGenericReturnType());
    }

    /** Loads and instantiates the handler once, as Lambda does when an execution environment starts. */
    private void prepare() throws ReflectiveOperationException {
        int separator = handler.indexOf("::");
        Class<?> loaded = Class.forName(separator < 0 ? handler : handler.substring(0, separator), true, loader);
        if (separator < 0) {
            instance = loaded.getConstructor().newInstance();
            if (!(instance instanceof RequestStreamHandler) && !(instance instanceof RequestHandler<?, ?>)) {
                throw new IllegalArgumentException(
                        handler + " implements neither RequestHandler nor RequestStreamHandler");
            }
        } else {
            String name = handler.substring(separator + 2);
            method = Arrays.stream(loaded.getMethods())
                    .filter(m -> m.getName().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new NoSuchMethodException(handler + ": no public method " + name));
            instance = Modifier.isStatic(method.getModifiers())
                    ? null
                    : loaded.getConstructor().newInstance();
        }
        type = loaded;
    }

    private static Object invoke(Method method, Object target, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private Object fromJson(Type type, byte[] event) {
        return serializer(type).fromJson(new ByteArrayInputStream(event));
    }

    private byte[] toJson(Object value, Type type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer(value != null && type instanceof TypeVariable<?> ? value.getClass() : type)
                .toJson(value, out);
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private PojoSerializer<Object> serializer(Type type) {
        Class<?> raw = type instanceof Class<?> c
                ? c
                : type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : Object.class;
        if (LambdaEventSerializers.isLambdaSupportedEvent(raw.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(raw, loader);
        }
        return JacksonFactory.getInstance().getSerializer(type instanceof TypeVariable<?> ? Object.class : type);
    }

    /** The type bound to RequestHandler's I (0) or O (1) for this class, through superclasses and interfaces. */
    private static Type requestHandlerArgument(Class<?> type, int index, Map<TypeVariable<?>, Type> bindings) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            Type found = fromInterfaces(current, index, bindings);
            if (found != null) {
                return found;
            }
            if (current.getGenericSuperclass() instanceof ParameterizedType superType) {
                bind((Class<?>) superType.getRawType(), superType, bindings);
            }
        }
        return Object.class;
    }

    private static Type fromInterfaces(Class<?> type, int index, Map<TypeVariable<?>, Type> bindings) {
        for (Type candidate : type.getGenericInterfaces()) {
            Class<?> raw = candidate instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) candidate;
            if (candidate instanceof ParameterizedType parameterized) {
                bind(raw, parameterized, bindings);
            }
            if (raw == RequestHandler.class && candidate instanceof ParameterizedType parameterized) {
                Type argument = parameterized.getActualTypeArguments()[index];
                while (argument instanceof TypeVariable<?> variable && bindings.containsKey(variable)) {
                    argument = bindings.get(variable);
                }
                return argument;
            }
            Type deeper = fromInterfaces(raw, index, bindings);
            if (deeper != null) {
                return deeper;
            }
        }
        return null;
    }

    private static void bind(Class<?> raw, ParameterizedType type, Map<TypeVariable<?>, Type> bindings) {
        TypeVariable<?>[] variables = raw.getTypeParameters();
        for (int i = 0; i < variables.length; i++) {
            bindings.put(variables[i], type.getActualTypeArguments()[i]);
        }
    }
}
