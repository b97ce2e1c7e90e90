package io.sparta.core.deploy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparta.core.RecordingConsole;
import java.io.File;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

class PartitionsTest {

    private static final String EVERY_SERVICE = "software.amazon.awssdk.regions.GeneratedServiceMetadataProvider";

    @Test
    void everyRegionTheSdkKnowsIsInThePartitionItsMetadataNames() {
        assertAll(Region.regions().stream()
                .filter(region -> region.metadata() != null)
                .map(region -> () -> {
                    PartitionMetadata expected = region.metadata().partition();
                    PartitionMetadata found = Partitions.of(region);
                    assertEquals(expected.id(), found.id(), region.id());
                    assertEquals(expected.dnsSuffix(), found.dnsSuffix(), region.id());
                }));
    }

    @ParameterizedTest
    @CsvSource({
        // Newer than the SDK's region list: matched by their partition's pattern.
        "cn-southwest-9, aws-cn, amazonaws.com.cn",
        "us-gov-south-9, aws-us-gov, amazonaws.com",
        "us-south-1, aws, amazonaws.com",
        // A name no partition's pattern matches is in the commercial partition, as the SDK's endpoint rules put it.
        "zz-central-1, aws, amazonaws.com",
        "aws-cn-global, aws-cn, amazonaws.com.cn",
        "aws-us-gov-global, aws-us-gov, amazonaws.com",
        "aws-global, aws, amazonaws.com",
    })
    void aRegionOutsideTheSdksListGetsItsPartitionByName(String region, String partition, String dnsSuffix) {
        PartitionMetadata found = Partitions.of(Region.of(region));
        assertEquals(partition, found.id());
        assertEquals(dnsSuffix, found.dnsSuffix());
    }

    @ParameterizedTest
    @CsvSource({
        "eu-west-1, https://artifacts.s3.eu-west-1.amazonaws.com/t.json",
        "cn-north-1, https://artifacts.s3.cn-north-1.amazonaws.com.cn/t.json",
        // Newer than the SDK's region list: Region.metadata() is null there, which made this a NullPointerException.
        "cn-southwest-9, https://artifacts.s3.cn-southwest-9.amazonaws.com.cn/t.json",
        "us-south-1, https://artifacts.s3.us-south-1.amazonaws.com/t.json",
    })
    void theTemplateUrlCloudFormationReadsCarriesThePartitionsDnsSuffix(String region, String url) {
        ArtifactStore store = new ArtifactStore(null, Region.of(region), "artifacts", new RecordingConsole());
        assertEquals(url, store.httpsUrl("t.json"));
    }

    @Test
    void findingAPartitionLeavesTheMetadataOfEveryServiceUnloaded() throws Exception {
        try (Isolated loader = new Isolated()) {
            Class<?> partitions = loader.loadClass(Partitions.class.getName());
            Method of = partitions.getDeclaredMethod("of", loader.loadClass(Region.class.getName()));
            of.setAccessible(true);
            of.invoke(null, loader.region("eu-west-1"));
            assertFalse(loader.loaded(EVERY_SERVICE));
        }
        // The check can fail: the SDK's own look-up, in a loader of its own, makes every service's metadata.
        try (Isolated loader = new Isolated()) {
            Object region = loader.region("eu-west-1");
            region.getClass().getMethod("metadata").invoke(region);
            assertTrue(loader.loaded(EVERY_SERVICE));
        }
    }

    /** Loads the test class path afresh, so a test sees which classes a call loads. */
    private static final class Isolated extends URLClassLoader {

        Isolated() {
            // The test class path (surefire's booter jar names it in its manifest, which this loader follows).
            super(
                    Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                            .map(Isolated::url)
                            .toArray(URL[]::new),
                    ClassLoader.getPlatformClassLoader());
        }

        private static URL url(String path) {
            try {
                return Path.of(path).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(path, e);
            }
        }

        Object region(String id) throws Exception {
            return loadClass(Region.class.getName())
                    .getMethod("of", String.class)
                    .invoke(null, id);
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }
    }
}
