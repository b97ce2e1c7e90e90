package io.sparta.maven;

import io.sparta.core.common.SpartaUserException;
import io.sparta.core.model.EnvironmentSettings;
import io.sparta.core.model.Environments;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that act on a service: every goal but {@code generate-event}. */
abstract class AbstractServiceMojo extends AbstractSpartaMojo {

    /** The service's name: the prefix of its S3 keys and the default stack name. */
    @Parameter(property = "sparta.serviceName", defaultValue = "${project.artifactId}", required = true)
    String serviceName;

    /** The service's own stack: the configured {@code stackName}, else the service's name. */
    String serviceStackName(String stackName) {
        return stackName == null || stackName.isBlank() ? serviceName : stackName;
    }

    static List<EnvironmentSettings> environmentSettings(List<EnvironmentConfiguration> environments) {
        return environments == null
                ? List.of()
                : environments.stream()
                        .map(EnvironmentConfiguration::toSettings)
                        .toList();
    }

    /** The environment {@code -Dsparta.environment} names among those declared, if it names one. */
    static Optional<EnvironmentSettings> environmentNamed(List<EnvironmentSettings> declared, String name)
            throws SpartaUserException {
        return present(name).isEmpty() ? Optional.empty() : Optional.of(Environments.named(declared, name.trim()));
    }
}
