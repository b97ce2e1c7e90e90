package io.sparta.core.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The deployment package of Sparta's own custom resource handlers ({@code sparta-resources}, with the AWS SDK
 * modules they call), built with the plugin and carried inside it, so a service that needs one deploys it beside
 * its archive without resolving anything more. It is the same bytes for every service of one Sparta release.
 */
public final class SpartaResources {

    /** Its name in the package's output directory. */
    public static final String FILE = "sparta-resources.jar";

    private static final String RESOURCE = "sparta-resources.jar";

    private SpartaResources() {}

    /**
     * Writes the jar to {@code target} unless it already holds the same bytes.
     *
     * @throws IllegalStateException when the plugin was built without it, which is Sparta's bug
     */
    public static Path write(Path target) throws IOException {
        byte[] jar;
        try (InputStream in = SpartaResources.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The Sparta plugin was built without " + RESOURCE
                        + " (its build copies it from the sparta-resources module)");
            }
            jar = in.readAllBytes();
        }
        if (!Files.isRegularFile(target) || !Arrays.equals(Files.readAllBytes(target), jar)) {
            Files.createDirectories(target.getParent());
            Files.write(target, jar);
        }
        return target;
    }
}
