package io.sparta.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.StringReader;
import java.util.Map;
import org.codehaus.plexus.classworlds.ClassWorld;
import org.codehaus.plexus.component.configurator.BasicComponentConfigurator;
import org.codehaus.plexus.component.configurator.ComponentConfigurationException;
import org.codehaus.plexus.component.configurator.ComponentConfigurator;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.codehaus.plexus.configuration.xml.XmlPlexusConfiguration;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sparta's configurator against Maven's basic one, both the real Plexus classes Maven runs, filling a real goal
 * from pom XML and {@code -D} properties.
 */
class SpartaConfiguratorTest {

    /** Maven's expression evaluator in miniature: {@code ${name}} from the properties given, other text as is. */
    private record PropertyEvaluator(Map<String, String> values) implements ExpressionEvaluator {
        @Override
        public Object evaluate(String expression) {
            return expression.startsWith("${") && expression.endsWith("}")
                    ? values.get(expression.substring(2, expression.length() - 1))
                    : expression;
        }

        @Override
        public File alignToBaseDirectory(File path) {
            return path;
        }
    }

    private static PipelineMojo configure(
            ComponentConfigurator configurator, String xml, Map<String, String> properties) throws Exception {
        PipelineMojo goal = new PipelineMojo();
        ClassWorld world = new ClassWorld("sparta-test", SpartaConfiguratorTest.class.getClassLoader());
        configurator.configureComponent(
                goal,
                new XmlPlexusConfiguration(Xpp3DomBuilder.build(new StringReader(xml))),
                new PropertyEvaluator(properties),
                world.getRealm("sparta-test"));
        return goal;
    }

    private static PipelineMojo configure(String xml) throws Exception {
        return configure(new SpartaConfigurator(), xml, Map.of());
    }

    @Test
    void mavensOwnConfiguratorReadsAMisspeltFlagAsFalseWhichIsWhySpartaHasItsOwn() throws Exception {
        PipelineMojo goal = configure(
                new BasicComponentConfigurator(),
                "<configuration><environments><environment><name>prod</name><approval>ture</approval></environment>"
                        + "</environments><dryRun>yes</dryRun></configuration>",
                Map.of());
        assertFalse(goal.environments.get(0).approval, "Maven reads <approval>ture</approval> as false");
        assertFalse(goal.dryRun, "Maven reads <dryRun>yes</dryRun> as false");
    }

    @Test
    void aMisspeltElementInsideAnEnvironmentIsNamedWithTheElementsItsBlockTakes() {
        ComponentConfigurationException refused = assertThrows(
                ComponentConfigurationException.class,
                () -> configure("<configuration><environments><environment><name>prod</name>"
                        + "<stackname>orders-live</stackname></environment></environments></configuration>"));
        assertEquals(
                "<stackname> is not an element of the block that holds it, so Sparta cannot read it; did you mean"
                        + " <stackName>? that block takes <approval>, <environment>, <name>, <parameters>,"
                        + " <secretParameters>, <secrets>, <stackName>, <stackPolicy>, <tags>",
                refused.getMessage());
        assertEquals(null, refused.getCause(), "Maven prints a cause's message, which names a class of Sparta's");
        assertTrue(
                refused.getSuppressed()[0].getMessage().contains("Cannot find 'stackname'"),
                "Maven's words kept for -e");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "True", " true "})
    void trueInAnyCaseIsTrue(String written) throws Exception {
        PipelineMojo goal = configure("<configuration><environments><environment><name>prod</name><approval>" + written
                + "</approval></environment></environments><dryRun>" + written + "</dryRun></configuration>");
        assertTrue(goal.environments.get(0).approval);
        assertTrue(goal.dryRun);
    }

    @Test
    void falseIsFalseAndAnUnsetFlagKeepsItsDefault() throws Exception {
        PipelineMojo goal = configure("<configuration><environments><environment><name>prod</name>"
                + "<approval>FALSE</approval></environment></environments></configuration>");
        assertFalse(goal.environments.get(0).approval);
        assertFalse(goal.dryRun);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ture", "yes", "1", "on", "false!"})
    void aGoalsOwnFlagRefusesAnythingElseNamingThePomElementAndTheProperty(String written) {
        ComponentConfigurationException refused = assertThrows(
                ComponentConfigurationException.class,
                () -> configure("<configuration><dryRun>" + written + "</dryRun></configuration>"));
        assertEquals(
                "<dryRun> \"" + written + "\" is neither true nor false, and Maven alone would read it as false;"
                        + " write <dryRun>true</dryRun> or false in the plugin's <configuration>, or"
                        + " -Dsparta.dryRun=true or false on the command line",
                refused.getMessage());
    }

    @Test
    void aPropertyOnTheCommandLineIsCheckedTheSameWay() {
        ComponentConfigurationException refused = assertThrows(
                ComponentConfigurationException.class,
                () -> configure(
                        new SpartaConfigurator(),
                        "<configuration><dryRun>${sparta.dryRun}</dryRun></configuration>",
                        Map.of("sparta.dryRun", "yes")));
        assertTrue(refused.getMessage().startsWith("<dryRun> \"yes\" is neither true nor false"), refused.getMessage());
    }

    @Test
    void aFlagInsideAConfiguredObjectNamesItsElementOnly() {
        ComponentConfigurationException refused = assertThrows(
                ComponentConfigurationException.class,
                () -> configure("<configuration><environments><environment><name>prod</name>"
                        + "<approval>ture</approval></environment></environments></configuration>"));
        assertEquals(
                "<approval> \"ture\" is neither true nor false, and Maven alone would read it as false; write"
                        + " <approval>true</approval> or <approval>false</approval>",
                refused.getMessage());
    }
}
