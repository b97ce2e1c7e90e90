package io.sparta.core.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnreadSettingsTest {

    private static final Set<String> PARAMETERS =
            Set.of("stackName", "functionOutputs", "environments", "dryRun", "region", "skip");
    private static final Set<String> READ =
            Set.of("sparta.stackName", "sparta.dryRun", "sparta.environment", "sparta.region", "sparta.failOnChanges");
    private static final String HELP = " mvn sparta:help -Ddetail=true lists every goal's parameters and properties";

    @Test
    void anElementNoGoalReadsIsNamedWithTheParameterItMostLikelyMeant() {
        assertEquals(
                List.of(
                        "<enviroments> in the plugin's <configuration> is not a parameter of any Sparta goal, so Maven"
                                + " would ignore it; did you mean <environments>?" + HELP,
                        "<stackname> in the plugin's <configuration> is not a parameter of any Sparta goal, so Maven"
                                + " would ignore it; did you mean <stackName>?" + HELP,
                        "<timeout> in the plugin's <configuration> is not a parameter of any Sparta goal, so Maven"
                                + " would ignore it." + HELP),
                UnreadSettings.elements(
                        "the plugin's <configuration>",
                        List.of("stackname", "region", "timeout", "enviroments", "skip"),
                        PARAMETERS));
    }

    @Test
    void everyParameterOfAnyGoalIsAcceptedInTheConfiguration() {
        assertEquals(List.of(), UnreadSettings.elements("the plugin's <configuration>", PARAMETERS, PARAMETERS));
        assertEquals(List.of(), UnreadSettings.elements("the plugin's <configuration>", List.of(), PARAMETERS));
    }

    @Test
    void aSpartaPropertyNoGoalReadsIsNamedUnlessThePomDeclaresIt() {
        Map<String, String> given = Map.of(
                "sparta.stackname", "orders",
                "sparta.enviroment", "prod",
                "sparta.version", "1.2.0",
                "sparta.nothingLikeIt", "x",
                "sparta.region", "eu-west-1",
                "maven.test.skip", "true",
                "spartan", "yes");
        assertEquals(
                List.of(
                        "-Dsparta.enviroment is not read by any Sparta goal; did you mean -Dsparta.environment?" + HELP
                                + "; if it is a property of your own, declare it in the pom's <properties> (or an"
                                + " active profile's)",
                        "-Dsparta.nothingLikeIt is not read by any Sparta goal." + HELP
                                + "; if it is a property of your own, declare it in the pom's <properties> (or an"
                                + " active profile's)",
                        "-Dsparta.stackname is not read by any Sparta goal; did you mean -Dsparta.stackName?" + HELP
                                + "; if it is a property of your own, declare it in the pom's <properties> (or an"
                                + " active profile's)"),
                UnreadSettings.properties(given, READ, Set.of("sparta.version")));
    }

    @Test
    void aGoalThatChangesAwsRefusesAGuardItDoesNotRead() {
        Set<String> provisionReads = Set.of("sparta.stackName", "sparta.environment");
        assertEquals(
                Optional.of("-Dsparta.dryRun=true is given, but sparta:provision has no dry run and would go ahead;"
                        + " mvn sparta:plan shows the changes it would make without making them. Leave"
                        + " -Dsparta.dryRun out to run sparta:provision"),
                UnreadSettings.ignoredGuard("provision", provisionReads, Map.of("sparta.dryRun", "true")));
        assertEquals(
                Optional.of("-Dsparta.dryRun=yes is given, but sparta:delete has no dry run and would go ahead;"
                        + " mvn sparta:status shows the stack it would act on. Leave -Dsparta.dryRun out to run"
                        + " sparta:delete"),
                UnreadSettings.ignoredGuard("delete", Set.of(), Map.of("sparta.dryRun", "yes")));
        assertEquals(
                Optional.of("-Dsparta.failOnChanges=TRUE is given, but sparta:provision does not read it and would go"
                        + " ahead whatever it changes; only sparta:plan reads it, failing when the stack would change."
                        + " Leave -Dsparta.failOnChanges out to run sparta:provision"),
                UnreadSettings.ignoredGuard("provision", provisionReads, Map.of("sparta.failOnChanges", "TRUE")));
    }

    @Test
    void aGuardIsFineWhereTheGoalReadsItIsFalseOrTheGoalChangesNothing() {
        Map<String, String> dryRun = Map.of("sparta.dryRun", "true");
        assertEquals(Optional.empty(), UnreadSettings.ignoredGuard("pipeline", Set.of("sparta.dryRun"), dryRun));
        // A dry run changes nothing, so no gate is missing.
        assertEquals(
                Optional.empty(),
                UnreadSettings.ignoredGuard(
                        "pipeline",
                        Set.of("sparta.dryRun"),
                        Map.of("sparta.dryRun", "true", "sparta.failOnChanges", "true")));
        assertEquals(
                Optional.of("-Dsparta.failOnChanges=true is given, but sparta:pipeline does not read it and would go"
                        + " ahead whatever it changes; only sparta:plan reads it, failing when the stack would change."
                        + " Leave -Dsparta.failOnChanges out to run sparta:pipeline"),
                UnreadSettings.ignoredGuard(
                        "pipeline", Set.of("sparta.dryRun"), Map.of("sparta.failOnChanges", "true")));
        assertEquals(Optional.empty(), UnreadSettings.ignoredGuard("package", Set.of(), dryRun));
        assertEquals(Optional.empty(), UnreadSettings.ignoredGuard("status", Set.of(), dryRun));
        assertEquals(
                Optional.empty(),
                UnreadSettings.ignoredGuard("provision", Set.of(), Map.of("sparta.dryRun", " False ")));
        assertEquals(
                Optional.empty(),
                UnreadSettings.ignoredGuard(
                        "plan", Set.of("sparta.failOnChanges"), Map.of("sparta.failOnChanges", "true")));
    }

    @Test
    void theNearestNameIsTheFewestEditsAwayCaseIgnoredAndNoMoreThanTwo() {
        assertEquals(Optional.of("stackName"), Typos.nearest("STACKNAME", PARAMETERS));
        assertEquals(Optional.of("dryRun"), Typos.nearest("dryrnu", PARAMETERS));
        assertEquals(Optional.empty(), Typos.nearest("dry", PARAMETERS));
        // Equally near: the first alphabetically, so the message is the same every run.
        assertEquals(Optional.of("abd"), Typos.nearest("abc", Set.of("abe", "abd")));
        assertEquals(3, Typos.distance("kitten", "sitting"));
        assertEquals(0, Typos.distance("Region", "region"));
    }
}
