package io.sparta.core.model;

import io.sparta.annotations.ResourceKind;
import io.sparta.annotations.processing.AnnotationKinds;
import io.sparta.annotations.processing.ResourceTable;
import io.sparta.annotations.processing.RouteTable;
import io.sparta.annotations.processing.ServiceTable;
import java.util.List;
import java.util.Set;

/**
 * One annotation read from the class files, as {@link AnnotationKinds}' checks see it: each problem prefixed with
 * where it is, references and declarations kept in the service's tables.
 */
final class KindUse implements AnnotationKinds.Use {

    private final String location;
    private final String prefix;
    private final List<String> problems;
    private final ResourceTable<String> resources;
    private final RouteTable routes;
    private final ServiceTable<String> service;
    private final Set<String> used;

    /**
     * @param location the class or method, such as {@code acme.Orders#place}
     * @param prefix what every problem starts with, such as {@code acme.Orders#place: @SqsTrigger: }
     * @param used collects the names of the declared resources the function uses
     */
    KindUse(
            String location,
            String prefix,
            List<String> problems,
            ResourceTable<String> resources,
            RouteTable routes,
            ServiceTable<String> service,
            Set<String> used) {
        this.location = location;
        this.prefix = prefix;
        this.problems = problems;
        this.resources = resources;
        this.routes = routes;
        this.service = service;
        this.used = used;
    }

    @Override
    public void problem(String attribute, String message) {
        problems.add(prefix + message);
    }

    @Override
    public void refer(String name, List<ResourceKind> kinds, boolean needsStream, String what, boolean uses) {
        resources.refer(name, kinds, needsStream, what, location);
        if (uses) {
            used.add(name);
        }
    }

    @Override
    public void declare(ResourceKind kind, String name, boolean hasStream) {
        String where = prefix.substring(0, prefix.length() - 2);
        resources.declare(kind, name, hasStream, where, location).ifPresent(message -> problem(null, message));
    }

    @Override
    public RouteTable routes() {
        return routes;
    }

    @Override
    public void note(ServiceTable.Fact fact) {
        service.note(fact, location);
    }

    @Override
    public String location() {
        return location;
    }
}
