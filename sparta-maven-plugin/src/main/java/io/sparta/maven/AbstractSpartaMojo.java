package io.sparta.maven;

import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every Sparta goal shares: {@code skip}, and the one place core exceptions become Maven's.
 *
 * <p>Each goal declares only the parameters it reads, so its page and {@code sparta:help -Ddetail} list nothing that
 * means nothing to it. The bases below add one kind of setting each: the service's identity
 * ({@link AbstractServiceMojo}), AWS ({@link AbstractAwsMojo}), a stack by name ({@link AbstractStackMojo}), the
 * service's model ({@link AbstractModelMojo}) and what builds, deploys or runs it. Java has one superclass, so where
 * two kinds meet (the AWS settings of the goals with and without the model) a parameter is declared twice, with the
 * same Javadoc; {@code GoalParametersTest} fails when two declarations of one parameter drift apart.
 */
abstract class AbstractSpartaMojo extends AbstractMojo {

    /** Skips the goal. */
    @Parameter(property = "sparta.skip", defaultValue = "false")
    boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping: sparta.skip is true");
            return;
        }
        try {
            run(new MavenConsole(getLog()));
        } catch (SpartaUserException | IOException | RuntimeException e) {
            MojoErrors.raise(e);
        }
    }

    abstract void run(Console console) throws SpartaUserException, IOException;

    /** A configured string, empty when unset or blank, trimmed. */
    static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /**
     * Maven leaves a map unset when the pom has an empty element for it, and an entry's value null when its
     * element is empty ({@code <Stage></Stage>}): both read as empty here.
     */
    static Map<String, String> orEmpty(Map<String, String> configured) {
        if (configured == null) {
            return Map.of();
        }
        Map<String, String> values = new java.util.TreeMap<>();
        configured.forEach((key, value) -> values.put(key, value == null ? "" : value));
        return values;
    }
}
