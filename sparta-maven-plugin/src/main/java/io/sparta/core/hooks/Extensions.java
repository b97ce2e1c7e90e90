package io.sparta.core.hooks;

import io.sparta.api.SpartaDecorator;
import io.sparta.api.WorkflowHook;
import java.util.List;

/** The decorators and hooks the user configured, in the order configured. */
public record Extensions(List<SpartaDecorator> decorators, List<WorkflowHook> hooks) {

    public static final Extensions NONE = new Extensions(List.of(), List.of());

    public Extensions {
        decorators = List.copyOf(decorators);
        hooks = List.copyOf(hooks);
    }

    <T> List<T> decoratorsOf(Class<T> kind) {
        return decorators.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    public <T> List<T> hooksOf(Class<T> kind) {
        return hooks.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
