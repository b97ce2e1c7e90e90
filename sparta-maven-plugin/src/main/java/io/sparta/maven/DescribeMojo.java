package io.sparta.maven;

import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.describe.DescribeReport;
import io.sparta.core.workflow.ServiceMarshaller;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes {@code target/sparta/describe.html}: the service drawn as a graph (functions, roles with their
 * permissions, log groups, what decorators added) and its template, in one file that opens offline. Needs only
 * compiled classes: {@code mvn compile sparta:describe}.
 */
@Mojo(
        name = "describe",
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME,
        threadSafe = true,
        configurator = SpartaConfigurator.HINT)
public class DescribeMojo extends AbstractBuildMojo {

    @Override
    void run(Console console) throws SpartaUserException, IOException {
        var marshalled = new ServiceMarshaller(console)
                .marshal(
                        classesDirectory.toPath(),
                        ProjectArchive.classpath(project),
                        serviceSettings(),
                        extensions(),
                        layerModules());
        if (marshalled.isEmpty()) {
            console.warn("No @SpartaLambda function in " + classesDirectory + "; nothing to describe");
            return;
        }
        Path report = outputDirectory.toPath().resolve("describe.html");
        DescribeReport.write(
                marshalled.get().service(),
                marshalled.get().template(),
                marshalled.get().spartaResources(),
                report);
        console.info("Describe " + report.toUri());
    }
}
