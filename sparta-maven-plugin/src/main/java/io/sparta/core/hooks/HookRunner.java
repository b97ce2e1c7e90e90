package io.sparta.core.hooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.api.HookException;
import io.sparta.api.LambdaFunction;
import io.sparta.api.PostMarshallHook;
import io.sparta.api.PreMarshallHook;
import io.sparta.api.RollbackHook;
import io.sparta.api.ServiceDecorator;
import io.sparta.api.ServiceModel;
import io.sparta.api.TemplateDecorator;
import io.sparta.api.TemplateFragment;
import io.sparta.api.TemplateValidator;
import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import java.util.List;

/** Calls the configured hooks and decorators at their stages, turning their failures into messages. */
public final class HookRunner {

    private final Extensions extensions;
    private final Console console;

    public HookRunner(Extensions extensions, Console console) {
        this.extensions = extensions;
        this.console = console;
    }

    /** PreMarshall: each hook in turn may replace the model. */
    public ServiceModel preMarshall(ServiceModel service) throws SpartaUserException {
        ServiceModel current = service;
        for (PreMarshallHook hook : extensions.hooksOf(PreMarshallHook.class)) {
            try {
                current = hook.preMarshall(current);
            } catch (HookException | RuntimeException e) {
                throw failed(hook, "PreMarshall", e);
            }
            if (current == null) {
                throw new SpartaUserException(name(hook) + " returned no service model from preMarshall");
            }
        }
        return current;
    }

    /** TemplateDecorators per function, then ServiceDecorators, merged into {@code template}. */
    public void decorate(ServiceModel service, ObjectNode template) throws SpartaUserException {
        TemplateMerger merger = new TemplateMerger(template);
        for (TemplateDecorator decorator : extensions.decoratorsOf(TemplateDecorator.class)) {
            for (LambdaFunction function : service.functions()) {
                TemplateFragment fragment = new TemplateFragment();
                try {
                    decorator.decorate(service, function, fragment);
                } catch (RuntimeException e) {
                    throw failed(decorator, "TemplateDecorator for function " + function.name(), e);
                }
                merger.merge(fragment.tree(), name(decorator) + " (function " + function.name() + ")");
            }
        }
        for (ServiceDecorator decorator : extensions.decoratorsOf(ServiceDecorator.class)) {
            TemplateFragment fragment = new TemplateFragment();
            try {
                decorator.decorate(service, fragment);
            } catch (RuntimeException e) {
                throw failed(decorator, "ServiceDecorator", e);
            }
            merger.merge(fragment.tree(), name(decorator));
        }
        merger.requireTypes();
    }

    /** PostMarshall hooks see a copy of the final template; Validators may then stop the build. */
    public void postMarshall(ServiceModel service, ObjectNode template) throws SpartaUserException {
        for (PostMarshallHook hook : extensions.hooksOf(PostMarshallHook.class)) {
            try {
                hook.postMarshall(service, template.deepCopy());
            } catch (HookException | RuntimeException e) {
                throw failed(hook, "PostMarshall", e);
            }
        }
        for (TemplateValidator validator : extensions.hooksOf(TemplateValidator.class)) {
            List<String> problems;
            try {
                problems = validator.validate(service, template.deepCopy());
            } catch (RuntimeException e) {
                throw failed(validator, "Validator", e);
            }
            if (problems != null && !problems.isEmpty()) {
                throw new SpartaUserException("Validator " + name(validator) + " rejected the template:\n  - "
                        + String.join("\n  - ", problems));
            }
        }
    }

    /** Rollback hooks learn of a failed provision; their own failures are reported, never hide the first. */
    public void rollback(RollbackHook.ProvisionFailure failure) {
        for (RollbackHook hook : extensions.hooksOf(RollbackHook.class)) {
            try {
                hook.onFailure(failure);
            } catch (HookException | RuntimeException e) {
                console.warn("Rollback hook " + name(hook) + " failed: " + e.getMessage());
            }
        }
    }

    private static SpartaUserException failed(Object hook, String stage, Exception e) {
        String reason = e instanceof HookException ? e.getMessage() : e.toString();
        return new SpartaUserException(stage + " " + name(hook) + " failed: " + reason, e);
    }

    private static String name(Object hook) {
        return hook.getClass().getName();
    }
}
