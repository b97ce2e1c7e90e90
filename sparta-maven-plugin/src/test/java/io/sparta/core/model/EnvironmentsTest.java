package io.sparta.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparta.api.HttpApiSettings;
import io.sparta.core.common.SpartaUserException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One template for every environment; each environment's differences as its configuration's values. */
class EnvironmentsTest {

    private static final EnvironmentSettings TEST = new EnvironmentSettings(
            "test",
            "",
            false,
            Map.of("Stage", "test"),
            Map.of("GREETING", "Hi"),
            Map.of("DB_PASSWORD", "secretsmanager:orders/test/db:SecretString:password"),
            Map.of("env", "test"));
    private static final EnvironmentSettings PROD = new EnvironmentSettings(
            "prod",
            "orders-live",
            true,
            Map.of("Stage", "prod"),
            Map.of("GREETING", "Welcome"),
            Map.of("DB_PASSWORD", "secretsmanager:orders/prod/db:SecretString:password"),
            Map.of("env", "prod"));

    private static ServiceSettings settings(List<EnvironmentSettings> environments, Map<String, String> secrets) {
        return new ServiceSettings(
                "orders",
                "orders",
                Map.of("team", "shop"),
                Map.of("Stage", "", "Owner", "shop"),
                Map.of("GREETING", "Hello", "MODE", "fast"),
                HttpApiSettings.DEFAULTS,
                secrets,
                environments);
    }

    @Test
    void anUndeclaredEnvironmentNameIsRefusedWithTheDeclaredOnesAndTheCommandsToTry() {
        SpartaUserException refused =
                assertThrows(SpartaUserException.class, () -> Environments.named(List.of(TEST, PROD), "production"));
        assertEquals(
                "-Dsparta.environment=production names no environment; declared in <environments>: [test, prod]."
                        + " Run again with -Dsparta.environment=test or -Dsparta.environment=prod",
                refused.getMessage());
    }

    @Test
    void anEnvironmentNameWithoutAnyDeclaredIsRefusedSayingSo() {
        SpartaUserException refused =
                assertThrows(SpartaUserException.class, () -> Environments.named(List.of(), "prod"));
        assertTrue(
                refused.getMessage()
                        .startsWith("-Dsparta.environment=prod names an environment, but the pom declares"
                                + " no <environments>; drop the property"),
                refused.getMessage());
    }

    @Test
    void aDeclaredEnvironmentIsFoundByItsName() throws SpartaUserException {
        assertSame(PROD, Environments.named(List.of(TEST, PROD), "prod"));
    }

    @Test
    void aServiceWithoutEnvironmentsOrSecretsIsTemplatedAsBefore() {
        ServiceSettings plain = settings(List.of(), Map.of());
        assertSame(plain, Environments.templated(plain));
        assertEquals(List.of(), Environments.problems(plain));
    }

    @Test
    void variablesEnvironmentsSetAndSecretsBecomeParametersOfOneTemplate() {
        ServiceSettings templated = Environments.templated(settings(List.of(TEST, PROD), Map.of()));
        assertEquals(
                Map.of("GREETING", "${VarGREETING}", "MODE", "fast", "DB_PASSWORD", "{{resolve:${SecretDBPASSWORD}}}"),
                templated.environment());
        assertEquals(
                Map.of("Stage", "", "Owner", "shop", "VarGREETING", "Hello", "SecretDBPASSWORD", ""),
                templated.parameters());
    }

    @Test
    void eachEnvironmentsConfigurationGivesEveryParameterAndItsTags() throws Exception {
        Map<String, Environments.TemplateConfiguration> configurations =
                Environments.configurations(settings(List.of(TEST, PROD), Map.of()));
        assertEquals(List.of("test", "prod"), List.copyOf(configurations.keySet()));
        assertEquals(
                new Environments.TemplateConfiguration(
                        "orders-test",
                        false,
                        Map.of(
                                "Stage", "test",
                                "Owner", "shop",
                                "VarGREETING", "Hi",
                                "SecretDBPASSWORD", "secretsmanager:orders/test/db:SecretString:password"),
                        Map.of("team", "shop", "env", "test", "sparta:service", "orders")),
                configurations.get("test"),
                "the owner tag too: the pipeline's deploys and provision -Dsparta.environment reach the same stack");
        assertEquals("orders-live", configurations.get("prod").stackName());
        assertEquals(true, configurations.get("prod").approval());
        assertEquals(
                "{\"Parameters\":{\"ArtifactBucket\":\"b\",\"ArtifactKey\":\"k\",\"Owner\":\"shop\","
                        + "\"SecretDBPASSWORD\":\"secretsmanager:orders/prod/db:SecretString:password\","
                        + "\"Stage\":\"prod\",\"VarGREETING\":\"Welcome\"},\"Tags\":{\"env\":\"prod\",\"sparta:service\":\"orders\","
                        + "\"team\":\"shop\"}}",
                new String(io.sparta.core.common.JacksonReader.MAPPER.writeValueAsBytes(
                        configurations.get("prod").file(Map.of("ArtifactBucket", "b", "ArtifactKey", "k")))));
    }

    @Test
    void oneEnvironmentSeenLocallyHasItsOwnStackAndValues() {
        ServiceSettings selected = Environments.select(settings(List.of(TEST, PROD), Map.of()), PROD);
        assertEquals("orders-live", selected.stackName());
        assertEquals("Welcome", selected.environment().get("GREETING"));
        assertEquals("prod", selected.parameters().get("Stage"));
        assertEquals(List.of(), selected.environments());
    }

    @Test
    void environmentsThatDifferInKeysMissingValuesAndLiteralSecretsAreNamed() {
        EnvironmentSettings staging = new EnvironmentSettings(
                "staging",
                "",
                false,
                Map.of("Region", "eu"),
                Map.of("API_TOKEN", "abc123"),
                Map.of("DB_PASSWORD", "hunter2"),
                Map.of());
        assertEquals(
                List.of(
                        "<environments> staging sets parameter Region, which <parameters> does not declare; declare it"
                                + " there (with a default value, or empty for none)",
                        "<environments> staging gives no value for parameter Stage, which has no default in"
                                + " <parameters>",
                        "<environments> staging <secrets> DB_PASSWORD must be a reference,"
                                + " secretsmanager:SECRET-ID[:SecretString:JSON-KEY] or ssm:PARAMETER-NAME, not the"
                                + " secret itself; CloudFormation reads the value at deploy time and no file Sparta"
                                + " writes holds it",
                        "<environments> staging <environment> API_TOKEN looks like a secret but holds a literal value,"
                                + " which would be written to the template, the manifest and the deployed configuration;"
                                + " move it to <secrets> as secretsmanager:SECRET-ID or ssm:PARAMETER-NAME, kept in AWS",
                        "<environments> test does not set parameters [Region] that staging sets; every environment"
                                + " sets the same keys, with its own values",
                        "<environments> staging does not set parameters [Stage] that test sets; every environment sets"
                                + " the same keys, with its own values",
                        "<environments> test does not set <environment> variables [API_TOKEN] that staging sets; every"
                                + " environment sets the same keys, with its own values",
                        "<environments> staging does not set <environment> variables [GREETING] that test sets; every"
                                + " environment sets the same keys, with its own values"),
                Environments.problems(settings(List.of(TEST, staging), Map.of())));
    }

    @Test
    void namesStacksAndSecretFormsAreChecked() {
        EnvironmentSettings bad = new EnvironmentSettings(
                "Prod_1", "orders-test", false, Map.of("Stage", "x"), Map.of("GREETING", "x"), Map.of(), Map.of());
        assertEquals(
                List.of(
                        "<secrets> TOKEN = \"ssm-secure:/orders/token\": CloudFormation resolves ssm-secure only for"
                                + " some resource properties, not Lambda variables; keep the secret in Secrets Manager"
                                + " and write secretsmanager:SECRET-ID",
                        "<environments> <name> \"Prod_1\" must be 1 to 32 lower-case letters, digits or '-', starting"
                                + " with a letter",
                        "<environments> Prod_1: stack orders-test is test's too; set a distinct <stackName>"),
                Environments.problems(new ServiceSettings(
                        "orders",
                        "orders",
                        Map.of(),
                        Map.of("Stage", ""),
                        Map.of(),
                        HttpApiSettings.DEFAULTS,
                        Map.of("TOKEN", "ssm-secure:/orders/token"),
                        List.of(
                                new EnvironmentSettings(
                                        "test",
                                        "",
                                        false,
                                        Map.of("Stage", "t"),
                                        Map.of("GREETING", "x"),
                                        Map.of(),
                                        Map.of()),
                                bad))));
    }

    @Test
    void noEnvironmentTakesTheServicesThePipelinesOrTheArtifactBucketsStack() {
        List<EnvironmentSettings> environments = List.of(
                new EnvironmentSettings("pipeline", "", false, Map.of(), Map.of(), Map.of(), Map.of()),
                new EnvironmentSettings("own", "orders", false, Map.of(), Map.of(), Map.of(), Map.of()),
                new EnvironmentSettings("bucket", "sparta-artifacts", false, Map.of(), Map.of(), Map.of(), Map.of()));
        assertEquals(
                List.of(
                        "<environments> pipeline: stack orders-pipeline is the pipeline's stack; deploying the"
                                + " environment would replace what is there. Set a distinct <stackName>",
                        "<environments> own: stack orders is the service's own stack; deploying the environment would"
                                + " replace what is there. Set a distinct <stackName>",
                        "<environments> bucket: stack sparta-artifacts is the artifact bucket's stack; deploying the"
                                + " environment would replace what is there. Set a distinct <stackName>"),
                Environments.problems(new ServiceSettings(
                        "orders",
                        "orders",
                        Map.of(),
                        Map.of(),
                        Map.of(),
                        HttpApiSettings.DEFAULTS,
                        Map.of(),
                        environments)));
    }

    @Test
    void aStackPolicyGoesIntoItsEnvironmentsConfigurationAndABadOneIsNamed() {
        EnvironmentSettings guarded = new EnvironmentSettings(
                "prod",
                "",
                true,
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                "{\"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"Update:Delete\", \"Principal\": \"*\","
                        + " \"Resource\": \"*\"}]}");
        ServiceSettings settings = new ServiceSettings(
                "orders", "orders", Map.of(), Map.of(), Map.of(), HttpApiSettings.DEFAULTS, Map.of(), List.of(guarded));
        assertEquals(List.of(), Environments.problems(settings));
        assertEquals(
                "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"Update:Delete\",\"Principal\":\"*\",\"Resource\":\"*\"}]}",
                Environments.configurations(settings)
                        .get("prod")
                        .file(Map.of())
                        .get("StackPolicy")
                        .toString());

        EnvironmentSettings broken = new EnvironmentSettings(
                "prod", "", true, Map.of(), Map.of(), Map.of(), Map.of(), "{\"Statement\": []}");
        assertEquals(
                List.of("<environments> prod <stackPolicy> must be a JSON object with a non-empty \"Statement\" array,"
                        + " such as {\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"Update:*\", \"Principal\":"
                        + " \"*\", \"Resource\": \"*\"}]}"),
                Environments.problems(new ServiceSettings(
                        "orders",
                        "orders",
                        Map.of(),
                        Map.of(),
                        Map.of(),
                        HttpApiSettings.DEFAULTS,
                        Map.of(),
                        List.of(broken))));
    }

    @Test
    void aSecondPolicyPastedBehindTheFirstIsAnErrorNotDropped() {
        EnvironmentSettings pasted = new EnvironmentSettings(
                "prod",
                "",
                true,
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                "{\"Statement\": [{\"Effect\": \"Allow\"}]} {\"Statement\": []}");
        List<String> problems = Environments.problems(new ServiceSettings(
                "orders", "orders", Map.of(), Map.of(), Map.of(), HttpApiSettings.DEFAULTS, Map.of(), List.of(pasted)));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(
                problems.get(0).startsWith("<environments> prod <stackPolicy> is not valid JSON: "), problems.get(0));
    }

    @Test
    void userParametersMayNotTakeTheNamesSpartaMakesNorMayTwoVariablesShareOne() {
        ServiceSettings settings = new ServiceSettings(
                "orders",
                "orders",
                Map.of(),
                Map.of("Stage", "", "SecretaryEmail", "a@example.com", "VarMode", "x"),
                Map.of(),
                HttpApiSettings.DEFAULTS,
                Map.of(),
                List.of(new EnvironmentSettings(
                        "test", "", false, Map.of(), Map.of("A_B", "1", "AB", "2"), Map.of(), Map.of())));

        assertEquals(
                List.of(
                        "<parameters> name SecretaryEmail starts with Secret, which Sparta keeps for the parameters it"
                                + " makes for variables and secrets; choose another name",
                        "<parameters> name VarMode starts with Var, which Sparta keeps for the parameters it makes for"
                                + " variables and secrets; choose another name",
                        "[AB, A_B] would share the template parameter VarAB (only letters and digits are kept);"
                                + " rename one"),
                Environments.problems(settings).stream()
                        .filter(p -> p.contains("Sparta keeps") || p.contains("would share"))
                        .sorted()
                        .toList());
    }

    private static ServiceSettings withSecretParameters(
            Map<String, String> secretParameters, List<EnvironmentSettings> environments) {
        return new ServiceSettings(
                "orders",
                "orders",
                Map.of(),
                Map.of("Stage", "dev"),
                Map.of(),
                HttpApiSettings.DEFAULTS,
                Map.of("DB_PASSWORD", "ssm:/orders/db-password"),
                environments,
                secretParameters);
    }

    private static EnvironmentSettings environment(String name, Map<String, String> secretParameters) {
        return new EnvironmentSettings(
                name,
                "",
                false,
                Map.of("Stage", name),
                Map.of(),
                Map.of("DB_PASSWORD", "ssm:/orders/" + name + "/db-password"),
                Map.of(),
                "",
                secretParameters);
    }

    @Test
    void aSecretParameterIsDeclaredWithItsReferenceAndMakesNoVariable() {
        ServiceSettings configured =
                withSecretParameters(Map.of("AdminPassword", "secretsmanager:orders/admin:SecretString:pw"), List.of());
        ServiceSettings templated = Environments.templated(configured);

        assertEquals(
                Map.of(
                        "Stage", "dev",
                        "SecretDBPASSWORD", "ssm:/orders/db-password",
                        "SecretAdminPassword", "secretsmanager:orders/admin:SecretString:pw"),
                templated.parameters());
        assertEquals(Map.of("DB_PASSWORD", "{{resolve:${SecretDBPASSWORD}}}"), templated.environment());
        assertEquals(List.of(), Environments.problems(configured));
    }

    @Test
    void eachEnvironmentGivesItsOwnReferenceOfASecretParameter() {
        ServiceSettings settings = withSecretParameters(
                Map.of("AdminPassword", ""),
                List.of(
                        environment("test", Map.of("AdminPassword", "ssm:/orders/test/admin")),
                        environment("prod", Map.of("AdminPassword", "secretsmanager:orders/prod/admin"))));

        assertEquals(List.of(), Environments.problems(settings));
        Map<String, Environments.TemplateConfiguration> configurations = Environments.configurations(settings);
        assertEquals(
                "ssm:/orders/test/admin",
                configurations.get("test").parameters().get("SecretAdminPassword"));
        assertEquals(
                "secretsmanager:orders/prod/admin",
                configurations.get("prod").parameters().get("SecretAdminPassword"));
        assertEquals(
                "secretsmanager:orders/prod/admin",
                Environments.select(settings, settings.environments().get(1))
                        .secretParameters()
                        .get("AdminPassword"));
        assertTrue(!settings.fingerprint()
                .equals(withSecretParameters(
                                Map.of("AdminPassword", ""),
                                List.of(
                                        environment("test", Map.of("AdminPassword", "ssm:/orders/test/admin")),
                                        environment("prod", Map.of("AdminPassword", "ssm:/orders/prod/admin"))))
                        .fingerprint()));
    }

    @Test
    void secretParametersAreReferencesWithNamesOfTheirOwn() {
        ServiceSettings settings = withSecretParameters(
                new java.util.TreeMap<>(Map.of(
                        "Admin-Password", "ssm:/orders/admin",
                        "DBPASSWORD", "ssm:/orders/other",
                        "ApiKey", "s3cr3t-literal",
                        "Missing", "")),
                List.of(environment("test", Map.of("Missing", "ssm:/x", "Unknown", "ssm:/y"))));

        assertEquals(
                List.of(
                        "<environments> test sets secret parameter Unknown, which <secretParameters> does not declare;"
                                + " declare it there (with the reference most environments use)",
                        "<secretParameters> ApiKey must be a reference, secretsmanager:SECRET-ID[:SecretString:"
                                + "JSON-KEY] or ssm:PARAMETER-NAME, not the secret itself; CloudFormation reads the"
                                + " value at deploy time and no file Sparta writes holds it",
                        "<secretParameters> name \"Admin-Password\" must be 1 to 249 letters or digits; the template"
                                + " declares it as Secret<name>",
                        "[<secretParameters> DBPASSWORD, DB_PASSWORD] would share the template parameter"
                                + " SecretDBPASSWORD (only letters and digits are kept); rename one"),
                Environments.problems(settings).stream()
                        .filter(p -> p.contains("ecret"))
                        .filter(p -> !p.contains("does not set"))
                        .sorted()
                        .toList());
    }

    @Test
    void aLiteralSecretInParametersIsSentToSecretParameters() {
        ServiceSettings settings =
                new ServiceSettings("orders", "orders", Map.of(), Map.of("DbPassword", "hunter2"), Map.of());
        assertEquals(
                List.of("<parameters> DbPassword looks like a secret but holds a literal value, which would be written"
                        + " to the template, the manifest and the deployed configuration; move it to <secretParameters> (a"
                        + " NoEcho template parameter SecretDbPassword) as secretsmanager:SECRET-ID or"
                        + " ssm:PARAMETER-NAME, kept in AWS"),
                Environments.problems(settings));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders/db-AbCdEf | <secrets> DB_PASSWORD is a"
                        + " Secrets Manager ARN; write it as"
                        + " secretsmanager:arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders/db-AbCdEf"
                        + " (optionally :SecretString:JSON-KEY)",
                "arn:aws:ssm:eu-west-1:123456789012:parameter/orders/db | <secrets> DB_PASSWORD is a Parameter Store"
                        + " ARN; write ssm:/orders/db",
                "secretmanager:orders/db | <secrets> DB_PASSWORD starts with secretmanager:, which is no source"
                        + " CloudFormation resolves; write secretsmanager:SECRET-ID[:SecretString:JSON-KEY] or"
                        + " ssm:PARAMETER-NAME",
                "hunter:2 | <secrets> DB_PASSWORD must be a reference, secretsmanager:SECRET-ID[:SecretString:JSON-KEY]"
                        + " or ssm:PARAMETER-NAME, not the secret itself; CloudFormation reads the value at deploy time"
                        + " and no file Sparta writes holds it"
            })
    void aMalformedReferenceIsNamedForWhatItIsWithoutEchoingWhatMayBeTheSecret(String reference, String expected) {
        ServiceSettings settings = new ServiceSettings(
                "orders",
                "orders",
                Map.of(),
                Map.of(),
                Map.of(),
                HttpApiSettings.DEFAULTS,
                Map.of("DB_PASSWORD", reference),
                List.of());
        assertEquals(List.of(expected), Environments.problems(settings));
    }
}
