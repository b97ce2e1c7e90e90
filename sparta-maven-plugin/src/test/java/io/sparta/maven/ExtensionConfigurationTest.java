package io.sparta.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.sparta.decorators.Dashboard;
import io.sparta.decorators.ErrorAlarms;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.Test;

/** Decorators and hooks are configured the way maven-shade-plugin configures transformers. */
@MojoTest
class ExtensionConfigurationTest {

    @Test
    @InjectMojo(goal = "package", pom = "src/test/resources/projects/decorated/pom.xml")
    void instantiatesEachImplementationAndSetsItsNestedConfiguration(PackageMojo mojo) throws Exception {
        var decorators = mojo.extensions().decorators();
        assertEquals(2, decorators.size());
        ErrorAlarms alarms = assertInstanceOf(ErrorAlarms.class, decorators.get(0));
        assertEquals(5, (int) MojoExtension.getVariableValueFromObject(alarms, "threshold"));
        assertEquals(
                "arn:aws:sns:us-east-1:123456789012:oncall",
                MojoExtension.getVariableValueFromObject(alarms, "topicArn"));
        assertEquals(
                60,
                (int) MojoExtension.getVariableValueFromObject(alarms, "period"),
                "unset fields keep their defaults");
        assertInstanceOf(Dashboard.class, decorators.get(1));
        var hooks = mojo.extensions().hooks();
        assertEquals(1, hooks.size());
        OwnerTagHook hook = assertInstanceOf(OwnerTagHook.class, hooks.get(0));
        assertEquals("payments", hook.owner);
    }
}
