package io.sparta.maven;

import io.sparta.core.common.Flags;
import org.codehaus.plexus.component.configurator.BasicComponentConfigurator;
import org.codehaus.plexus.component.configurator.ComponentConfigurationException;
import org.codehaus.plexus.component.configurator.ConfigurationListener;
import org.codehaus.plexus.component.configurator.converters.basic.AbstractBasicConverter;
import org.codehaus.plexus.component.configurator.converters.lookup.ConverterLookup;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * How Maven fills every Sparta goal's parameters ({@code @Mojo(configurator = "sparta")}): as its basic configurator
 * does, except that a yes-or-no parameter, at any depth ({@code <environments><environment><approval>}), takes only
 * {@code true} or {@code false} ({@link Flags}). Maven's own converter reads any other text as false, which would
 * let {@code <approval>ture</approval>}, {@code -Dsparta.failOnChanges=yes} or {@code -Dsparta.dryRun=1} turn a
 * guard off without a word; here they stop the goal before it runs, naming the element and the value.
 */
public class SpartaConfigurator extends BasicComponentConfigurator {

    /** The configurator's name, which each goal's {@code @Mojo} gives and META-INF/plexus/components.xml declares. */
    static final String HINT = "sparta";

    public SpartaConfigurator() {
        converterLookup.registerConverter(new StrictBooleanConverter());
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
