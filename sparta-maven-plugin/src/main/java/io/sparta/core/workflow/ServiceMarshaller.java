package io.sparta.core.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.api.PreMarshallHook;
import io.sparta.api.ServiceModel;
import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.hooks.Extensions;
import io.sparta.core.hooks.HookRunner;
import io.sparta.core.model.Environments;
import io.sparta.core.model.ModelValidator;
import io.sparta.core.model.ServiceModelBuilder;
import io.sparta.core.model.ServiceSettings;
import io.sparta.core.scan.FunctionScanner;
import io.sparta.core.scan.ScannedClasses;
import io.sparta.core.template.DependencyLayerTemplate;
import io.sparta.core.template.LayerModuleTemplate;
import io.sparta.core.template.ServiceTemplate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Scan → model → PreMarshall (its model checked again) → marshal → decorators → PostMarshall → validators: the final template, offline. */
public final class ServiceMarshaller {

    private final Console console;

    public ServiceMarshaller(Console console) {
        this.console = console;
    }

    /** The final service and template, with the ids of the resources Sparta generated itself. */
    public record Marshalled(ServiceModel service, ObjectNode template, Set<String> spartaResources) {}

    /** @return empty when the classes declare no function */
    public Optional<Marshalled> marshal(
            Path classesDirectory,
            List<Path> classpath,
            ServiceSettings settings,
            Extensions extensions,
            io.sparta.core.archive.LayerModules layerModules)
            throws SpartaUserException, IOException {
        return marshal(classesDirectory, classpath, settings, extensions, false, layerModules);
    }

    /**
     * @param dependencyLayer whether the functions load their dependencies from the service's layer, which the
     *     template then declares before decorators and hooks see it
     * @param layerModules the layer modules functions may name: the module's provided dependencies
     * @return empty when the classes declare no function
     */
    public Optional<Marshalled> marshal(
            Path classesDirectory,
            List<Path> classpath,
            ServiceSettings settings,
            Extensions extensions,
            boolean dependencyLayer,
            io.sparta.core.archive.LayerModules layerModules)
            throws SpartaUserException, IOException {
        ScannedClasses scanned = new FunctionScanner().scan(classesDirectory, classpath);
        if (scanned.functions().isEmpty() && scanned.orphans().isEmpty()) {
            return Optional.empty();
        }
        HookRunner hooks = new HookRunner(extensions, console);
        ServiceModel service = hooks.preMarshall(new ServiceModelBuilder().build(settings, scanned));
        if (!extensions.hooksOf(PreMarshallHook.class).isEmpty()) {
            List<String> problems = ModelValidator.problems(service);
            if (!problems.isEmpty()) {
                throw new SpartaUserException(problems.size() + " problem(s) in the service model the PreMarshall"
                        + " hooks returned; fix the hooks "
                        + extensions.hooksOf(PreMarshallHook.class).stream()
                                .map(hook -> hook.getClass().getName())
                                .toList()
                        + ":\n  - " + String.join("\n  - ", problems));
            }
        }
        ObjectNode template = ServiceTemplate.marshal(service);
        List<String> stackNames = new ArrayList<>(List.of(service.stackName()));
        Environments.configurations(settings).values().forEach(environment -> stackNames.add(environment.stackName()));
        LayerModuleTemplate.add(template, service, layerModules, stackNames);
        if (dependencyLayer) {
            DependencyLayerTemplate.add(template, service);
        }
        Set<String> spartaResources = new LinkedHashSet<>();
        template.path("Resources").fieldNames().forEachRemaining(spartaResources::add);
        hooks.decorate(service, template);
        hooks.postMarshall(service, template);
        return Optional.of(new Marshalled(service, template, Set.copyOf(spartaResources)));
    }
}
