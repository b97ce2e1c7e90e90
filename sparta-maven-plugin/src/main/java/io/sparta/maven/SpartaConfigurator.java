package io.sparta.maven;

import io.sparta.core.common.Flags;
import io.sparta.core.common.UnreadSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.classworlds.realm.ClassRealm;
import org.codehaus.plexus.component.configurator.BasicComponentConfigurator;
import org.codehaus.plexus.component.configurator.ComponentConfigurationException;
import org.codehaus.plexus.component.configurator.ConfigurationListener;
import org.codehaus.plexus.component.configurator.converters.basic.AbstractBasicConverter;
import org.codehaus.plexus.component.configurator.converters.lookup.ConverterLookup;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * How Maven fills every Sparta goal's parameters ({@code @Mojo(configurator = "sparta")}): as its basic configurator
 * does, except that a yes-or-no parameter, at any depth ({@code <environments><environment><approval>}), takes only
 * {@code true} or {@code false} ({@link Flags}). Maven's own converter reads any other text as false, which would
 * let {@code <approval>ture</approval>}, {@code -Dsparta.failOnChanges=yes} or {@code -Dsparta.dryRun=1} turn a
 * guard off without a word; here they stop the goal before it runs, naming the element and the value. And before
 * any parameter is filled, it refuses the settings nothing would read ({@link UnreadSettings}): an element of the
 * plugin's {@code <configuration>} that is no goal's parameter, a {@code -Dsparta.} property no goal reads, and a
 * {@code -Dsparta.dryRun} or {@code -Dsparta.failOnChanges} given to a goal that changes AWS without reading it.
 */
public class SpartaConfigurator extends BasicComponentConfigurator {

    /** The configurator's name, which each goal's {@code @Mojo} gives and META-INF/plexus/components.xml declares. */
    static final String HINT = "sparta";

    /** Marks a project whose configuration and properties were checked, so a build's later goals do not again. */
    private static final String CHECKED = SpartaConfigurator.class.getName() + ".checked";

    public SpartaConfigurator() {
        converterLookup.registerConverter(new StrictBooleanConverter());
    }

    @Override
    public void configureComponent(
            Object component,
            PlexusConfiguration configuration,
            ExpressionEvaluator evaluator,
            ClassRealm realm,
            ConfigurationListener listener)
            throws ComponentConfigurationException {
        List<String> problems = unreadSettings(evaluator);
        if (!problems.isEmpty()) {
            throw new ComponentConfigurationException(String.join("\n", problems));
        }
        try {
            super.configureComponent(component, configuration, evaluator, realm, listener);
        } catch (ComponentConfigurationException e) {
            throw unknownNested(e, realm).orElse(e);
        }
    }

    private static final java.util.regex.Pattern CANNOT_FIND =
            java.util.regex.Pattern.compile("Cannot find '([^']+)' in class ([\\w.$]+)");

    /**
     * Maven's own refusal of an element inside a configured object ({@code <environments><environment>}), "Cannot
     * find 'stackname' in class …", said with the elements that block takes and the one most likely meant.
     */
    static java.util.Optional<ComponentConfigurationException> unknownNested(
            ComponentConfigurationException e, ClassLoader loader) {
        java.util.regex.Matcher found = CANNOT_FIND.matcher(String.valueOf(e.getMessage()));
        if (!found.find()) {
            return java.util.Optional.empty();
        }
        Set<String> elements = new TreeSet<>();
        try {
            for (Class<?> type = Class.forName(found.group(2), false, loader);
                    type != null && type != Object.class;
                    type = type.getSuperclass()) {
                for (java.lang.reflect.Field field : type.getDeclaredFields()) {
                    if (!field.isSynthetic() && !java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                        elements.add(field.getName());
                    }
                }
            }
        } catch (ClassNotFoundException | LinkageError notOurs) {
            return java.util.Optional.empty();
        }
        String element = found.group(1);
        ComponentConfigurationException named = new ComponentConfigurationException("<" + element
                + "> is not an element of the block that holds it, so Sparta cannot read it"
                + io.sparta.core.common.Typos.nearest(element, elements)
                        .map(meant -> "; did you mean <" + meant + ">?")
                        .orElse(";")
                + " that block takes "
                + elements.stream().map(name -> "<" + name + ">").collect(java.util.stream.Collectors.joining(", ")));
        // Kept for -e, not as the cause, whose message (a class of Sparta's) Maven would print after this one.
        named.addSuppressed(e);
        return java.util.Optional.of(named);
    }

    /** What {@link UnreadSettings} refuses in this goal's build; nothing outside a Maven build. */
    static List<String> unreadSettings(ExpressionEvaluator evaluator) throws ComponentConfigurationException {
        Object execution;
        Object session;
        Object project;
        try {
            execution = evaluator.evaluate("${mojoExecution}");
            session = evaluator.evaluate("${session}");
            project = evaluator.evaluate("${project}");
        } catch (ExpressionEvaluationException e) {
            throw new ComponentConfigurationException("Maven could not give the goal its execution: " + e, e);
        }
        if (!(execution instanceof MojoExecution mojo) || !(session instanceof MavenSession maven)) {
            return List.of();
        }
        PluginDescriptor plugin = mojo.getMojoDescriptor().getPluginDescriptor();
        Set<String> parameters = new TreeSet<>();
        Set<String> read = new TreeSet<>();
        Set<String> goalReads = new TreeSet<>();
        for (MojoDescriptor goal : plugin.getMojos()) {
            // Null, not empty, for a goal without parameters.
            List<Parameter> declaredParameters = goal.getParameters() == null ? List.of() : goal.getParameters();
            for (Parameter parameter : declaredParameters) {
                parameters.add(parameter.getName());
                if (parameter.getAlias() != null) {
                    parameters.add(parameter.getAlias());
                }
                property(parameter).ifPresent(property -> {
                    read.add(property);
                    if (goal.getGoal().equals(mojo.getGoal())) {
                        goalReads.add(property);
                    }
                });
            }
        }
        // The JVM's own properties (MAVEN_OPTS=-Dsparta.…) are read like -D ones, which take precedence.
        Map<String, String> given = new TreeMap<>();
        for (java.util.Properties properties : List.of(maven.getSystemProperties(), maven.getUserProperties())) {
            properties.stringPropertyNames().stream()
                    .filter(name -> name.startsWith(UnreadSettings.PROPERTY_PREFIX))
                    .forEach(name -> given.put(name, properties.getProperty(name)));
        }
        List<String> problems = new ArrayList<>();
        if (project instanceof MavenProject built && built.getContextValue(CHECKED) == null) {
            built.setContextValue(CHECKED, Boolean.TRUE);
            Plugin declared = built.getPlugin(plugin.getPluginLookupKey());
            if (declared != null) {
                List<String> shared = elements(declared.getConfiguration());
                problems.addAll(UnreadSettings.elements(
                        "the <configuration> of " + plugin.getArtifactId(), shared, parameters));
                for (PluginExecution declaredExecution : declared.getExecutions()) {
                    // Maven copies the plugin's <configuration> into each execution's: named once, above.
                    List<String> own = elements(declaredExecution.getConfiguration());
                    own.removeAll(shared);
                    problems.addAll(UnreadSettings.elements(
                            "the <configuration> of <execution> " + declaredExecution.getId() + " of "
                                    + plugin.getArtifactId(),
                            own,
                            parameters));
                }
            }
            problems.addAll(
                    UnreadSettings.properties(given, read, built.getProperties().stringPropertyNames()));
        }
        UnreadSettings.ignoredGuard(mojo.getGoal(), goalReads, given).ifPresent(problems::add);
        return problems;
    }

    /** The property a parameter reads, {@code sparta.region} of {@code ${sparta.region}}, if it reads one. */
    private static java.util.Optional<String> property(Parameter parameter) {
        String expression = parameter.getExpression();
        return expression != null
                        && expression.startsWith("${" + UnreadSettings.PROPERTY_PREFIX)
                        && expression.endsWith("}")
                ? java.util.Optional.of(expression.substring(2, expression.length() - 1))
                : java.util.Optional.empty();
    }

    /** The names of a {@code <configuration>} block's elements. */
    private static List<String> elements(Object configuration) {
        List<String> names = new ArrayList<>();
        if (configuration instanceof Xpp3Dom block) {
            for (Xpp3Dom child : block.getChildren()) {
                names.add(child.getName());
            }
        }
        return names;
    }

    /** {@code boolean} and {@code Boolean} parameters from their text, by {@link Flags#parse}. */
    static final class StrictBooleanConverter extends AbstractBasicConverter {

        @Override
        public boolean canConvert(Class<?> type) {
            return type == boolean.class || type == Boolean.class;
        }

        @Override
        public Object fromConfiguration(
                ConverterLookup lookup,
                PlexusConfiguration configuration,
                Class<?> type,
                Class<?> enclosingType,
                ClassLoader loader,
                ExpressionEvaluator evaluator,
                ConfigurationListener listener)
                throws ComponentConfigurationException {
            if (configuration.getChildCount() > 0) {
                throw new ComponentConfigurationException(
                        configuration, "<" + configuration.getName() + "> is true or false, with no elements inside");
            }
            Object value = fromExpression(configuration, evaluator, type);
            if (!(value instanceof String text)) {
                return value; // unset, or already a Boolean
            }
            return Flags.parse(text)
                    .orElseThrow(() -> new ComponentConfigurationException(
                            configuration, refusal(configuration.getName(), text, enclosingType)));
        }

        /**
         * A goal's own parameter is {@code sparta.} and its name as a property; one inside a configured object
         * ({@code <approval>} of an environment) is an element only.
         */
        static String refusal(String element, String value, Class<?> enclosingType) {
            String fix = enclosingType != null && AbstractSpartaMojo.class.isAssignableFrom(enclosingType)
                    ? "write <" + element + ">true</" + element + "> or false in the plugin's <configuration>, or"
                            + " -Dsparta." + element + "=true or false on the command line"
                    : "write <" + element + ">true</" + element + "> or <" + element + ">false</" + element + ">";
            return Flags.problem("<" + element + ">", value) + ", and Maven alone would read it as false; " + fix;
        }
    }
}
