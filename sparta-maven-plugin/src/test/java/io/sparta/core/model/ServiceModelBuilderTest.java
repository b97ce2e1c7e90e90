package io.sparta.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparta.annotations.ApiKind;
import io.sparta.annotations.Architecture;
import io.sparta.annotations.LambdaRuntime;
import io.sparta.annotations.UrlAuth;
import io.sparta.api.FunctionOptions;
import io.sparta.api.FunctionUrlTrigger;
import io.sparta.api.HttpApiSettings;
import io.sparta.api.HttpRouteTrigger;
import io.sparta.api.LambdaFunction;
import io.sparta.api.ScheduleTrigger;
import io.sparta.api.ServiceModel;
import io.sparta.api.SqsQueueTrigger;
import io.sparta.core.JavaSources;
import io.sparta.core.scan.FunctionScanner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceModelBuilderTest {

    private static final ServiceSettings SETTINGS =
            new ServiceSettings("orders", "orders", Map.of(), Map.of("Stage", "dev"));

    @TempDir
    Path work;

    private ServiceModel build(ServiceSettings settings, String source) throws Exception {
        Path classes = JavaSources.compile(work, Map.of("acme/Handlers.java", source));
        return new ServiceModelBuilder()
                .build(settings, new FunctionScanner().scan(classes, JavaSources.testClasspath()));
    }

    private List<String> problems(ServiceSettings settings, String source) {
        return assertThrows(InvalidServiceException.class, () -> build(settings, source))
                .problems();
    }

    private List<String> problems(String source) {
        return problems(SETTINGS, source);
    }

    private static String method(String annotation, String signature) {
        return """
                package acme;
                import io.sparta.annotations.*;
                import com.amazonaws.services.lambda.runtime.Context;
                import java.io.*;
                public class Handlers {
                    %s
                    %s { %s }
                }
                """.formatted(annotation, signature, signature.contains(" void ") ? "" : "return null;");
    }

    @Test
    void appliesTheAnnotationsDefaultsAndDerivesNames() throws Exception {
        ServiceModel model = build(SETTINGS, method("@SpartaLambda", "public String handle(String in)"));

        LambdaFunction function = model.functions().get(0);
        assertEquals("Handlers-handle", function.name());
        assertEquals("HandlersHandle", function.logicalIdPrefix());
        assertEquals("acme.Handlers::handle", function.handler());
        assertEquals(512, function.memory());
        assertEquals(30, function.timeout());
        assertEquals(LambdaRuntime.JAVA21, function.runtime());
        assertEquals(Architecture.X86_64, function.architecture());
        assertEquals(30, function.logRetentionDays());
        assertEquals(Map.of(), function.environment());
    }

    @Test
    void managedPoliciesReachTheModelAndAwsManagedOnesAreWarnedAbout() throws Exception {
        ServiceModel model = build(
                SETTINGS,
                method(
                        "@SpartaLambda(managedPolicies = {\"arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess\","
                                + " \"arn:aws:iam::123456789012:policy/orders-read\"})",
                        "public String handle(String in)"));

        assertEquals(
                List.of(
                        "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess",
                        "arn:aws:iam::123456789012:policy/orders-read"),
                model.functions().get(0).options().managedPolicies());
        assertEquals(
                List.of("Function Handlers-handle (acme.Handlers#handle) attaches AWS managed policy"
                        + " arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess, which grants its actions on every resource"
                        + " (\"*\"), where the statements Sparta writes grant on the function's own resources; prefer"
                        + " @Grant on a declared resource, or a policy of your own scoped to what it needs"),
                ServiceModelBuilder.broadManagedPolicies(model),
                "the account's own policy is the user's to scope: no warning");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "memory, 100, 'memory = 100 is out of range; allowed 128 to 10240 (MB)'",
        "memory, 10241, 'memory = 10241 is out of range; allowed 128 to 10240 (MB)'",
        "timeout, 0, 'timeout = 0 is out of range; allowed 1 to 900 (seconds)'",
        "timeout, 901, 'timeout = 901 is out of range; allowed 1 to 900 (seconds)'",
        "logRetentionDays, 8, 'logRetentionDays = 8 is not a retention CloudWatch Logs accepts; allowed [1, 3, 5, 7, 14'"
    })
    void rejectsOutOfRangeValuesNamingClassMethodAttributeValueAndRange(String attribute, int value, String message) {
        List<String> problems =
                problems(method("@SpartaLambda(" + attribute + " = " + value + ")", "public String handle(String in)"));

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("acme.Handlers#handle: @SpartaLambda: " + message), problems.get(0));
    }

    @Test
    void javacAndPackageWordEveryHandlerProblemAlike() {
        String source = """
                package acme;
                import io.sparta.annotations.*;
                import com.amazonaws.services.lambda.runtime.RequestHandler;
                import com.amazonaws.services.lambda.runtime.Context;
                public class Handlers {
                    @SpartaLambda(memory = 100, timeout = 901) public String a(String in) { return in; }
                    @SpartaLambda(name = "same") public String b(String in) { return in; }
                    @SpartaLambda(name = "same") public String c(String in) { return in; }
                    @SpartaLambda String hidden(String in) { return in; }
                    @SpartaLambda public String pair(String a, String b) { return a; }
                    @SpartaLambda(logRetentionDays = 8) public String kept(String in) { return in; }
                    @SpartaLambda public class Inner implements RequestHandler<String, String> {
                        public String handleRequest(String in, Context context) { return in; }
                    }
                }
                """;
        List<String> javac = JavaSources.processorErrors(work, Map.of("acme/Handlers.java", source)).stream()
                .sorted()
                .toList();
        List<String> located = problems(source);
        // package names the class and method first, where javac gives the source position.
        assertTrue(located.stream().allMatch(problem -> problem.startsWith("acme.Handlers")), located.toString());
        List<String> packaged = located.stream()
                .map(problem -> problem.substring(problem.indexOf(": ") + 2))
                .sorted()
                .toList();

        assertEquals(7, javac.size(), javac.toString());
        assertTrue(javac.stream().allMatch(problem -> problem.startsWith("@SpartaLambda: ")), javac.toString());
        assertEquals(javac, packaged);
    }

    @Test
    void acceptsTheEdgesOfEveryRange() throws Exception {
        ServiceModel model = build(SETTINGS, """
                package acme;
                import io.sparta.annotations.SpartaLambda;
                public class Handlers {
                    @SpartaLambda(memory = 128, timeout = 900, logRetentionDays = 3653) public String a() { return null; }
                    @SpartaLambda(memory = 10240, timeout = 1, logRetentionDays = 1) public String b() { return null; }
                }
                """);
        assertEquals(
                List.of(128, 10240),
                model.functions().stream().map(LambdaFunction::memory).toList());
        assertEquals(
                List.of(900, 1),
                model.functions().stream().map(LambdaFunction::timeout).toList());
    }

    @Test
    void readsFunctionOptionsAndLeavesUndeclaredOnesAtLambdasDefaults() throws Exception {
        ServiceModel model = build(
                SETTINGS,
                method(
                        "@SpartaLambda(reservedConcurrency = 5, tracing = true, ephemeralStorage = 2048,"
                                + " layers = \"arn:aws:lambda:us-east-1:123456789012:layer:shared:3\")",
                        "public String handle()"));
        assertEquals(
                new FunctionOptions(
                        5, true, 2048, List.of("arn:aws:lambda:us-east-1:123456789012:layer:shared:3"), "", false),
                model.functions().get(0).options());
        assertEquals(
                FunctionOptions.DEFAULTS,
                build(SETTINGS, method("@SpartaLambda", "public String handle()"))
                        .functions()
                        .get(0)
                        .options());
    }

    @Test
    void rejectsFunctionOptionsLambdaRefuses() {
        String sixLayers = String.join(
                ", ", java.util.Collections.nCopies(6, "\"arn:aws:lambda:us-east-1:123456789012:layer:x:1\""));
        assertEquals(
                List.of(
                        "acme.Handlers#handle: @SpartaLambda: reservedConcurrency = -2 is out of range; allowed 0 and up, or -1 to reserve none",
                        "acme.Handlers#handle: @SpartaLambda: ephemeralStorage = 100 is out of range; allowed 512 to 10240 (MB)",
                        "acme.Handlers#handle: @SpartaLambda: layers holds 6 layers; Lambda allows at most 5"),
                problems(method(
                        "@SpartaLambda(reservedConcurrency = -2, ephemeralStorage = 100, layers = {" + sixLayers + "})",
                        "public String handle()")));
        assertEquals(
                List.of(
                        "acme.Handlers#handle: @SpartaLambda: layers entry \"shared layer\" is neither a layer version ARN"
                                + " (arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION) nor the artifactId of a layer module"
                                + " (1 to 64 of letters, digits, - and _)"),
                problems(method("@SpartaLambda(layers = \"shared layer\")", "public String handle()")));
        assertEquals(
                List.of(
                        "acme.Handlers#handle: @SpartaLambda: layers entry \"arn:aws:lambda:us-east-1:123456789012:layer:shared\" is"
                                + " not a layer version ARN (arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION)"),
                problems(method(
                        "@SpartaLambda(layers = \"arn:aws:lambda:us-east-1:123456789012:layer:shared\")",
                        "public String handle()")));
        assertEquals(
                List.of("acme.Handlers#handle: @SpartaLambda: role = \"no spaces\" is neither an IAM role ARN"
                        + " (arn:aws:iam::ACCOUNT:role/NAME) nor a role name (1 to 64 of letters, digits and +=,.@_-)"),
                problems(method("@SpartaLambda(role = \"no spaces\")", "public String handle()")));
        assertEquals(
                List.of(
                        "acme.Handlers#handle: @SpartaLambda: snapStart = true and ephemeralStorage = 1024 contradict each other:"
                                + " Lambda's SnapStart takes at most 512 MB of ephemeral storage"),
                problems(method("@SpartaLambda(snapStart = true, ephemeralStorage = 1024)", "public String handle()")));
    }

    @Test
    void theParameterMadeForASecretDoesNotClashWithAFunctionWhoseNameItStartsWith() throws Exception {
        ServiceSettings withSecret = new ServiceSettings(
                "orders",
                "orders",
                Map.of(),
                Map.of(),
                Map.of(),
                io.sparta.api.HttpApiSettings.DEFAULTS,
                Map.of("DB_PASSWORD", "secretsmanager:orders/db"),
                List.of());
        ServiceModel model = build(withSecret, method("@SpartaLambda(name = \"secret\")", "public String handle()"));
        assertEquals(
                "{{resolve:${SecretDBPASSWORD}}}",
                model.functions().get(0).environment().get("DB_PASSWORD"));
        assertEquals("secretsmanager:orders/db", model.parameters().get("SecretDBPASSWORD"));
    }

    @Test
    void aTriggerWithoutSpartaLambdaIsNamedAsJavacNamesIt() {
        assertEquals(
                List.of("acme.Handlers#forgotten: @Schedule needs @SpartaLambda on the same class or method"),
                problems("""
                        package acme;
                        import io.sparta.annotations.*;
                        public class Handlers {
                            @SpartaLambda public void handle() {}
                            @Schedule("rate(1 day)") public void forgotten() {}
                        }
                        """));
    }

    @Test
    void everyProblemOfAnEventRuleIsNamedAsJavacNamesIt() {
        assertEquals(
                List.of(
                        "acme.Handlers#handle: @EventRule: pattern is not valid JSON: '}' at character 10 is"
                                + " unexpected",
                        "acme.Handlers#handle: @EventRule: description is 513 characters long; EventBridge"
                                + " allows at most 512"),
                problems(method(
                        "@SpartaLambda @EventRule(pattern = \"{\\\"kind\\\": }\", description = \"" + "d".repeat(513)
                                + "\")",
                        "public void handle()")));
    }

    @Test
    void schedulesBecomeTriggersAndBadOnesAreNamed() throws Exception {
        ServiceModel model = build(
                SETTINGS,
                method(
                        "@SpartaLambda @Schedule(\"rate(1 day)\") @Schedule(value = \"cron(0 12 * * ? *)\", enabled = false)",
                        "public void handle()"));
        assertEquals(
                List.of(
                        new ScheduleTrigger("rate(1 day)", "", true),
                        new ScheduleTrigger("cron(0 12 * * ? *)", "", false)),
                model.functions().get(0).triggers());
        assertEquals(
                List.of(
                        "acme.Handlers#handle: @Schedule: schedule \"cron(0 12 * * * *)\" needs '?' in exactly one of day-of-month"
                                + " and day-of-week"),
                problems(method("@SpartaLambda @Schedule(\"cron(0 12 * * * *)\")", "public void handle()")));
    }

    @Test
    void queueTriggersAreCheckedAgainstWhatLambdaAccepts() throws Exception {
        assertEquals(
                List.of(new SqsQueueTrigger("arn:aws:sqs:us-east-1:123456789012:orders", 10, 0, false)),
                build(
                                SETTINGS,
                                method(
                                        "@SpartaLambda @SqsTrigger(queue = \"arn:aws:sqs:us-east-1:123456789012:orders\")",
                                        "public void handle(String in)"))
                        .functions()
                        .get(0)
                        .triggers());
        assertEquals(
                List.of(
                        "acme.Handlers#handle: @SqsTrigger: queue = \"arn:aws:sqs:orders\" is not an SQS queue ARN"
                                + " (arn:aws:sqs:REGION:ACCOUNT:NAME; ${AWS::Partition}, ${AWS::Region} and"
                                + " ${AWS::AccountId} may stand in)",
                        "acme.Handlers#handle: @SqsTrigger: batchSize = 100 is out of range; allowed 1 to 10 (up to 10000 with"
                                + " batchingWindowSeconds = 1 or more)"),
                problems(method(
                        "@SpartaLambda @SqsTrigger(queue = \"arn:aws:sqs:orders\", batchSize = 100)",
                        "public void handle(String in)")));
        assertEquals(
                List.of("acme.Handlers#handle: @SqsTrigger refers to \"orders\", but the service declares no @SqsQueue"
                        + " of that name"),
                problems(method("@SpartaLambda @SqsTrigger(queue = \"orders\")", "public void handle(String in)")));
    }

    @Test
    void rejectsTwoFunctionsWithOneNameNamingBoth() {
        List<String> problems = problems("""
                package acme;
                import io.sparta.annotations.SpartaLambda;
                public class Handlers {
                    @SpartaLambda(name = "same") public String a(String in) { return in; }
                    @SpartaLambda(name = "same") public String b(String in) { return in; }
                }
                """);
        assertEquals(
                List.of(
                        "acme.Handlers#b: @SpartaLambda: two functions are named \"same\": acme.Handlers#a and acme.Handlers#b; set a distinct name"
                                + " on one of them"),
                problems);
    }

    @Test
    void rejectsNamesThatMapToOneLogicalId() {
        List<String> problems = problems("""
                package acme;
                import io.sparta.annotations.SpartaLambda;
                public class Handlers {
                    @SpartaLambda(name = "order-api") public String a(String in) { return in; }
                    @SpartaLambda(name = "order_api") public String b(String in) { return in; }
                }
                """);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("both map to the CloudFormation logical id OrderApi"), problems.get(0));
    }

    @Test
    void rejectsANonPublicHandlerMethod() {
        assertEquals(
                List.of(
                        "acme.Handlers#handle: @SpartaLambda: method handle is not public; Lambda can only call public methods"),
                problems(method("@SpartaLambda", "String handle(String in)")));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "public String handle(String a, String b)|(java.lang.String, java.lang.String)",
                "public void handle(InputStream in, OutputStream out, String extra)|(java.io.InputStream, java.io.OutputStream, java.lang.String)",
                "public String handle(String a, String b, Context c, int d)|(java.lang.String, java.lang.String, com.amazonaws.services.lambda.runtime.Context, int)"
            })
    void rejectsSignaturesLambdaCannotCall(String signature, String parameters) {
        assertEquals(
                List.of("acme.Handlers#handle: @SpartaLambda: Lambda cannot call a handler with parameters "
                        + parameters
                        + "; allowed: (), (event), (event, Context), (InputStream, OutputStream) or (InputStream,"
                        + " OutputStream, Context)"),
                problems(method("@SpartaLambda", signature)));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "public String handle()",
                "public String handle(java.util.Map<String, Object> event)",
                "public String handle(String event, Context context)",
                "public void handle(InputStream in, OutputStream out)",
                "public void handle(InputStream in, OutputStream out, Context context)",
                "public static String handle(String event)"
            })
    void acceptsEverySignatureLambdaCanCall(String signature) throws Exception {
        assertEquals(
                1,
                build(SETTINGS, method("@SpartaLambda", signature)).functions().size());
    }

    @Test
    void rejectsAnAmbiguousOverloadedHandler() {
        List<String> problems = problems("""
                package acme;
                public class Handlers {
                    @io.sparta.annotations.SpartaLambda public String handle(String in) { return in; }
                    public String handle(Integer in) { return null; }
                }
                """);
        assertEquals(
                List.of("acme.Handlers#handle: @SpartaLambda: 2 public methods are named handle, so the handler"
                        + " acme.Handlers::handle is ambiguous; rename the annotated one"),
                problems);
    }

    @Test
    void rejectsClassesLambdaCannotInstantiateOrCall() {
        List<String> problems = problems("""
                package acme;
                import io.sparta.annotations.SpartaLambda;
                public class Handlers {
                    @SpartaLambda public class Inner implements com.amazonaws.services.lambda.runtime.RequestHandler<String, String> {
                        public String handleRequest(String in, com.amazonaws.services.lambda.runtime.Context c) { return in; }
                    }
                    @SpartaLambda public static class NoHandlerInterface {}
                    @SpartaLambda public static abstract class Abstract implements com.amazonaws.services.lambda.runtime.RequestHandler<String, String> {}
                    public static class NeedsArguments {
                        public NeedsArguments(String config) {}
                        @SpartaLambda public String handle(String in) { return in; }
                    }
                }
                """);
        assertEquals(
                List.of(
                        "acme.Handlers$Abstract: @SpartaLambda: class acme.Handlers$Abstract is abstract; Lambda must be able to instantiate it",
                        "acme.Handlers$Inner: @SpartaLambda: class acme.Handlers$Inner is an inner class; declare it static so Lambda can instantiate it",
                        "acme.Handlers$NeedsArguments#handle: @SpartaLambda: class acme.Handlers$NeedsArguments has no public no-argument"
                                + " constructor; Lambda instantiates handlers with one",
                        "acme.Handlers$NoHandlerInterface: @SpartaLambda: class acme.Handlers$NoHandlerInterface must implement"
                                + " com.amazonaws.services.lambda.runtime.RequestHandler or RequestStreamHandler;"
                                + " otherwise move @SpartaLambda from the class to a public handler method"),
                problems);
    }

    @Test
    void rejectsNamesOverLambdasLimitCountingTheStackPrefix() throws Exception {
        String name = "f".repeat(57);
        // "orders-" + 57 characters = 64: the longest name Lambda accepts.
        assertEquals(
                name,
                build(SETTINGS, method("@SpartaLambda(name = \"" + name + "\")", "public String handle()"))
                        .functions()
                        .get(0)
                        .name());
        List<String> problems = problems(method("@SpartaLambda(name = \"" + name + "g\")", "public String handle()"));
        assertEquals(1, problems.size());
        assertTrue(
                problems.get(0)
                        .contains("\" 65 characters long; Lambda allows at most 64, so shorten the name (at most"
                                + " 57 characters here) or the stackName"),
                problems.get(0));
    }

    @Test
    void rejectsNamesWithCharactersLambdaRefuses() {
        assertEquals(
                List.of(
                        "acme.Handlers#handle: @SpartaLambda: name = \"hello world\" may only hold letters, digits, '-' and '_'"),
                problems(method("@SpartaLambda(name = \"hello world\")", "public String handle()")));
    }

    @Test
    void checksEnvironmentNamesReservedKeysAndReferences() throws Exception {
        List<String> problems = problems(method("""
                @SpartaLambda(environment = {@Env(name = "AWS_REGION", value = "x"), @Env(name = "1BAD", value = "x"),
                        @Env(name = "STAGE", value = "${Stage}-${Unknown}")})""", "public String handle()"));
        assertEquals(
                List.of(
                        "acme.Handlers#handle: @SpartaLambda: environment variable AWS_REGION is reserved; the Lambda runtime sets it itself",
                        "acme.Handlers#handle: @SpartaLambda: environment variable \"1BAD\" must start with a letter and hold only letters,"
                                + " digits and '_'",
                        "acme.Handlers#handle: @SpartaLambda: environment variable STAGE refers to ${Unknown}, which is neither a"
                                + " <parameters> entry nor one of " + Limits.PSEUDO_PARAMETERS
                                + "; write ${!Unknown} for a"
                                + " literal"),
                problems);

        ServiceModel model = build(
                SETTINGS,
                method(
                        "@SpartaLambda(environment = @Env(name = \"WHERE\", value = \"${Stage}/${AWS::Region}/${!Literal}\"))",
                        "public String handle()"));
        assertEquals(
                Map.of("WHERE", "${Stage}/${AWS::Region}/${!Literal}"),
                model.functions().get(0).environment());
    }

    @Test
    void serviceWideEnvironmentReachesEveryFunctionAndTheFunctionsOwnWins() throws Exception {
        ServiceSettings settings = new ServiceSettings(
                "orders", "orders", Map.of(), Map.of("Stage", "dev"), Map.of("LOG_LEVEL", "info", "STAGE", "${Stage}"));
        ServiceModel model = build(
                settings,
                method(
                        "@SpartaLambda(environment = @Env(name = \"LOG_LEVEL\", value = \"debug\"))",
                        "public String handle()"));
        assertEquals(
                Map.of("LOG_LEVEL", "debug", "STAGE", "${Stage}"),
                model.functions().get(0).environment());

        List<String> problems = problems(
                new ServiceSettings("orders", "orders", Map.of(), Map.of(), Map.of("AWS_REGION", "x", "A", "${Nope}")),
                method("@SpartaLambda", "public String handle()"));
        assertEquals(
                List.of(
                        "<environment>: environment variable A refers to ${Nope}, which is neither a <parameters> entry"
                                + " nor one of " + Limits.PSEUDO_PARAMETERS + "; write ${!Nope} for a literal",
                        "<environment>: environment variable AWS_REGION is reserved; the Lambda runtime sets it itself"),
                problems.stream().sorted().toList());
    }

    @Test
    void aVariableThatReadsASecretsParameterIsSentToSecretsForItHoldsOnlyTheReference() {
        ServiceSettings settings = new ServiceSettings(
                "orders",
                "orders",
                Map.of(),
                Map.of(),
                Map.of("ADMIN", "${SecretAdminPassword}"),
                io.sparta.api.HttpApiSettings.DEFAULTS,
                Map.of(),
                List.of(),
                Map.of("AdminPassword", "ssm:/orders/admin"));
        List<String> problems = problems(
                settings,
                method(
                        "@SpartaLambda(environment = @Env(name = \"PW\", value = \"x${SecretAdminPassword}\"))",
                        "public String handle()"));
        assertEquals(
                List.of(
                        "<environment>: environment variable ADMIN refers to ${SecretAdminPassword}, which holds a"
                                + " secret's reference, not its value; declare the variable in <secrets> with that"
                                + " reference, and CloudFormation puts the value in place",
                        "acme.Handlers#handle: @SpartaLambda: environment variable PW refers to ${SecretAdminPassword}, which holds a"
                                + " secret's reference, not its value; declare the variable in <secrets> with that"
                                + " reference, and CloudFormation puts the value in place"),
                problems.stream().sorted().toList());
    }

    @Test
    void anEnvOfTheNameOfASecretIsRefusedForItWouldReplaceTheSecret() {
        ServiceSettings settings = new ServiceSettings(
                "orders",
                "orders",
                Map.of(),
                Map.of(),
                Map.of(),
                io.sparta.api.HttpApiSettings.DEFAULTS,
                Map.of("DB_PASSWORD", "ssm:/orders/db"),
                List.of());
        assertEquals(
                List.of("acme.Handlers#handle: @Env DB_PASSWORD would replace the <secrets> variable of that name for"
                        + " this function; rename one of them"),
                problems(
                        settings,
                        method(
                                "@SpartaLambda(environment = @Env(name = \"DB_PASSWORD\", value = \"${!x}\"))",
                                "public String handle()")));
    }

    private static ServiceSettings withDefaults(FunctionDefaults defaults) {
        return new ServiceSettings(
                "orders",
                "orders",
                Map.of(),
                Map.of(),
                Map.of("MODE", "fast"),
                io.sparta.api.HttpApiSettings.DEFAULTS,
                Map.of(),
                List.of(),
                Map.of(),
                defaults);
    }

    private static final FunctionDefaults DEFAULTS = new FunctionDefaults(
            Optional.of(1024),
            Optional.of(20),
            Optional.of("java25"),
            Optional.of("arm64"),
            Optional.of("true"),
            Optional.of("TRUE"),
            Optional.of(0),
            Optional.of("-XX:+TieredCompilation -XX:TieredStopAtLevel=1"));

    @Test
    void functionDefaultsFillWhatTheAnnotationDoesNotWriteAndAWrittenValueWins() throws Exception {
        ServiceModel model = build(withDefaults(DEFAULTS), """
                package acme;
                import io.sparta.annotations.*;
                public class Handlers {
                    @SpartaLambda(name = "plain")
                    public String plain(String in) { return in; }
                    @SpartaLambda(name = "own", memory = 512, timeout = 30, runtime = LambdaRuntime.JAVA21,
                            architecture = Architecture.X86_64, snapStart = false, tracing = false,
                            logRetentionDays = 30,
                            environment = @Env(name = "JAVA_TOOL_OPTIONS", value = "-Xshare:auto"))
                    public String own(String in) { return in; }
                }
                """);

        LambdaFunction plain = model.functions().stream()
                .filter(f -> f.name().equals("plain"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                List.of(1024, 20, "java25", "arm64", true, true, 0),
                List.of(
                        plain.memory(),
                        plain.timeout(),
                        plain.runtime().identifier(),
                        plain.architecture().identifier(),
                        plain.options().snapStart(),
                        plain.options().tracing(),
                        plain.logRetentionDays()));
        assertEquals(
                Map.of("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1", "MODE", "fast"),
                plain.environment());

        LambdaFunction own = model.functions().stream()
                .filter(f -> f.name().equals("own"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                List.of(512, 30, "java21", "x86_64", false, false, 30),
                List.of(
                        own.memory(),
                        own.timeout(),
                        own.runtime().identifier(),
                        own.architecture().identifier(),
                        own.options().snapStart(),
                        own.options().tracing(),
                        own.logRetentionDays()));
        assertEquals("-Xshare:auto", own.environment().get("JAVA_TOOL_OPTIONS"));

        // 0 keeps the logs until deleted: CloudWatch's default when the log group gives no RetentionInDays.
        com.fasterxml.jackson.databind.JsonNode resources =
                io.sparta.core.template.ServiceTemplate.marshal(model).path("Resources");
        assertEquals(
                false,
                resources.path(plain.logGroupLogicalId()).path("Properties").has("RetentionInDays"));
        assertEquals(
                30,
                resources
                        .path(own.logGroupLogicalId())
                        .path("Properties")
                        .path("RetentionInDays")
                        .asInt());
    }

    @Test
    void functionDefaultsAreCheckedByTheAnnotationsRulesOnceNamingTheirElement() {
        FunctionDefaults bad = new FunctionDefaults(
                Optional.of(64),
                Optional.of(901),
                Optional.of("java8"),
                Optional.of("sparc"),
                Optional.of("yes"),
                Optional.empty(),
                Optional.of(8),
                Optional.of(" "));
        List<String> problems = problems(withDefaults(bad), """
                package acme;
                import io.sparta.annotations.*;
                public class Handlers {
                    @SpartaLambda(name = "one") public String one(String in) { return in; }
                    @SpartaLambda(name = "two") public String two(String in) { return in; }
                }
                """);
        assertEquals(
                List.of(
                        "<functionDefaults><architecture> \"sparc\" is not a Lambda architecture; allowed [x86_64,"
                                + " arm64]",
                        "<functionDefaults><javaToolOptions> is empty; remove it, or give JVM options such as"
                                + " -XX:+TieredCompilation -XX:TieredStopAtLevel=1",
                        "<functionDefaults><logRetentionDays> = 8 is not a retention CloudWatch Logs accepts; allowed"
                                + " [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192,"
                                + " 2557, 2922, 3288, 3653], or 0 for logs that never expire",
                        "<functionDefaults><memory> = 64 is out of range; allowed 128 to 10240 (MB)",
                        "<functionDefaults><runtime> \"java8\" is not a Lambda Java runtime; allowed [java17, java21,"
                                + " java25]",
                        "<functionDefaults><snapStart> \"yes\" is neither true nor false",
                        "<functionDefaults><timeout> = 901 is out of range; allowed 1 to 900 (seconds)"),
                problems.stream().sorted().toList());
    }

    /** {@code <functionDefaults><snapStart>true</snapStart></functionDefaults>} alone. */
    private static final FunctionDefaults SNAPSTART_DEFAULT = new FunctionDefaults(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of("true"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    @Test
    void aDefaultThatContradictsAFunctionsOwnValueIsNamedAtTheFunction() {
        assertEquals(
                List.of(
                        "acme.Handlers#handle: @SpartaLambda: snapStart = true and ephemeralStorage = 1024 contradict each other:"
                                + " Lambda's SnapStart takes at most 512 MB of ephemeral storage"),
                problems(
                        withDefaults(SNAPSTART_DEFAULT),
                        method("@SpartaLambda(ephemeralStorage = 1024)", "public String handle(String in)")));
    }

    @Test
    void provisionedConcurrencyAndItsScheduleReachTheModelAndAPomSnapStartDefaultContradictingItIsNamed()
            throws Exception {
        String annotation = "@SpartaLambda(provisionedConcurrency = 2, concurrencySchedule = {"
                + " @ScheduledConcurrency(schedule = \"cron(0 8 ? * MON-FRI *)\", concurrency = 20,"
                + " timezone = \"Europe/Berlin\"),"
                + " @ScheduledConcurrency(schedule = \"rate(12 hours)\", concurrency = 2)})";
        io.sparta.api.FunctionOptions options = build(SETTINGS, method(annotation, "public String handle(String in)"))
                .functions()
                .get(0)
                .options();
        assertEquals(2, options.provisionedConcurrency());
        assertEquals(
                List.of(
                        new io.sparta.api.FunctionOptions.ConcurrencyChange(
                                "cron(0 8 ? * MON-FRI *)", 20, "Europe/Berlin"),
                        new io.sparta.api.FunctionOptions.ConcurrencyChange("rate(12 hours)", 2, "UTC")),
                options.concurrencySchedule());
        assertTrue(options.publishesAlias());

        assertEquals(
                List.of(
                        "acme.Handlers#handle: @SpartaLambda: provisionedConcurrency = 2 and snapStart = true contradict each other:"
                                + " Lambda does not combine SnapStart with provisioned concurrency; keep one"),
                problems(
                        withDefaults(SNAPSTART_DEFAULT),
                        method("@SpartaLambda(provisionedConcurrency = 2)", "public String handle(String in)")));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        List<String> problems =
                problems(method("@SpartaLambda(memory = 1, timeout = 0)", "String handle(String a, String b)"));
        assertEquals(4, problems.size(), problems.toString());
    }

    @ParameterizedTest
    @CsvSource({"1orders", "my_stack", "''"})
    void rejectsStackNamesCloudFormationRefuses(String stackName) {
        List<String> problems = problems(
                new ServiceSettings("orders", stackName, Map.of(), Map.of()),
                method("@SpartaLambda", "public String handle()"));
        assertTrue(
                problems.get(0)
                        .startsWith("<stackName> \"" + stackName + "\" must be 1 to 128 letters, digits or '-',"
                                + " starting with a letter"),
                problems.toString());
    }

    @Test
    void rejectsReservedAndMalformedParametersAndTags() {
        List<String> problems = problems(
                new ServiceSettings(
                        "orders",
                        "orders",
                        Map.of("aws:owner", "me"),
                        Map.of("ArtifactKey", "x", "StackSuffix", "z", "bad-name", "y")),
                method("@SpartaLambda", "public String handle()"));
        assertTrue(
                problems.contains("<tags> key \"aws:owner\" must be 1 to 128 characters and not start with aws:"),
                problems.toString());
        assertTrue(
                problems.contains("<parameters> name ArtifactKey is reserved by Sparta; choose another"),
                problems.toString());
        // The Fn::Sub variable ending an owned bucket's name: a parameter of that name would be shadowed there.
        assertTrue(
                problems.contains("<parameters> name StackSuffix is reserved by Sparta; choose another"),
                problems.toString());
        assertTrue(
                problems.contains("<parameters> name \"bad-name\" must be 1 to 255 letters or digits"),
                problems.toString());
    }

    @Test
    void routesAndUrlsBecomeTriggersAndClashesAreNamedWithoutTheProcessor() throws Exception {
        HttpApiSettings http = new HttpApiSettings("v1", HttpApiSettings.Cors.NONE);
        ServiceModel model = build(
                new ServiceSettings("orders", "orders", Map.of(), Map.of(), Map.of(), http),
                method(
                        "@SpartaLambda @HttpRoute(method = \"GET\", path = \"/orders/{id}\")"
                                + " @HttpRoute(method = \"POST\", path = \"/orders\", api = ApiKind.REST)"
                                + " @FunctionUrl(auth = UrlAuth.NONE)",
                        "public String handle(String in)"));
        assertEquals(
                List.of(
                        new HttpRouteTrigger(ApiKind.HTTP, "GET", "/orders/{id}"),
                        new HttpRouteTrigger(ApiKind.REST, "POST", "/orders"),
                        new FunctionUrlTrigger(UrlAuth.NONE)),
                model.functions().get(0).triggers());
        assertEquals(http, model.http());

        assertEquals(
                List.of(
                        "acme.Handlers#handle: @HttpRoute: route GET /orders/{key} on the HTTP API is already declared by"
                                + " acme.Handlers#handle (GET /orders/{id}); each method and path may be routed once"),
                problems(method(
                        "@SpartaLambda @HttpRoute(method = \"GET\", path = \"/orders/{id}\")"
                                + " @HttpRoute(method = \"GET\", path = \"/orders/{key}\")",
                        "public String handle(String in)")));
        assertEquals(
                List.of("acme.Handlers#handle: @HttpRoute: path = \"orders\" must start with /"),
                problems(method(
                        "@SpartaLambda @HttpRoute(method = \"GET\", path = \"orders\")",
                        "public String handle(String in)")));
    }

    @Test
    void rejectsCorsAndStagesApiGatewayRefuses() {
        ServiceSettings settings = new ServiceSettings(
                "orders",
                "orders",
                Map.of(),
                Map.of(),
                Map.of(),
                new HttpApiSettings(
                        "prod stage",
                        new HttpApiSettings.Cors(
                                List.of("*", "https://a.example.com", "ftp:x"),
                                List.of("FETCH"),
                                List.of("Bad Header"),
                                List.of(),
                                86_401,
                                true)));
        assertEquals(
                List.of(
                        "<httpStage> \"prod stage\" must be $default or 1 to 128 letters, digits, '-' or '_'",
                        "<cors><allowOrigins> \"ftp:x\" must be * or scheme://host[:port], such as"
                                + " https://app.example.com",
                        "<cors><allowMethods> \"FETCH\" is not * or one of [GET, POST, PUT, PATCH, DELETE, HEAD,"
                                + " OPTIONS, ANY]",
                        "<cors> header \"Bad Header\" is not a header name",
                        "<cors><maxAgeSeconds> 86401 is out of range; allowed 0 to 86400",
                        "<cors><allowCredentials> true needs explicit origins; browsers refuse credentials with the"
                                + " origin *",
                        "<cors><allowOrigins> lists 3 origins, but a REST API answers preflight with one; list one"
                                + " origin, or move the routes to the HTTP API (api = HTTP), which checks each origin"),
                problems(
                        settings,
                        method(
                                "@SpartaLambda @HttpRoute(method = \"GET\", path = \"/\", api = ApiKind.REST)",
                                "public String handle(String in)")));
    }

    private static ServiceSettings stageSettings(HttpApiSettings.AccessLogs logs, HttpApiSettings.Throttling limits) {
        return new ServiceSettings(
                "orders",
                "orders",
                Map.of(),
                Map.of(),
                Map.of(),
                new HttpApiSettings(HttpApiSettings.DEFAULT_STAGE, HttpApiSettings.Cors.NONE, logs, limits));
    }

    private static final String ROUTED = "@SpartaLambda @HttpRoute(method = \"GET\", path = \"/\")";

    @Test
    void acceptsEveryLogRetentionCloudWatchTakesAndLimitsAtTheirBounds() throws Exception {
        for (int days : io.sparta.annotations.SpartaLambda.LOG_RETENTION_DAYS) {
            HttpApiSettings.AccessLogs logs = new HttpApiSettings.AccessLogs(true, days, "");
            assertEquals(
                    logs,
                    build(
                                    stageSettings(logs, HttpApiSettings.Throttling.NONE),
                                    method(ROUTED, "public String handle(String in)"))
                            .http()
                            .accessLogs());
        }
        for (HttpApiSettings.AccessLogs logs : List.of(
                new HttpApiSettings.AccessLogs(true, 0, "$context.extendedRequestId $context.status"),
                new HttpApiSettings.AccessLogs(true, 30, "{\"id\":\"$context.requestId\"}"))) {
            for (HttpApiSettings.Throttling limits : List.of(
                    new HttpApiSettings.Throttling(0.5, 1),
                    new HttpApiSettings.Throttling(ApiRules.RATE_LIMIT_MAX, ApiRules.BURST_LIMIT_MAX))) {
                HttpApiSettings http = build(
                                stageSettings(logs, limits), method(ROUTED, "public String handle(String in)"))
                        .http();
                assertEquals(logs, http.accessLogs());
                assertEquals(limits, http.throttling());
            }
        }
    }

    @Test
    void rejectsAccessLogsAndThrottlingApiGatewayRefusesOrThatWouldDoNothing() throws Exception {
        String retentions = java.util.Arrays.toString(io.sparta.annotations.SpartaLambda.LOG_RETENTION_DAYS);
        assertEquals(
                List.of(
                        "<accessLogs><logRetentionDays> = 8 is not a retention CloudWatch Logs accepts; allowed "
                                + retentions + ", or 0 for logs that never expire",
                        "<accessLogs><format> must contain $context.requestId or $context.extendedRequestId, which API"
                                + " Gateway needs to tell requests apart; leave <format> out for Sparta's JSON line",
                        "<throttling> needs both <rateLimit> (requests a second) and <burstLimit> (requests at once),"
                                + " so that neither is left to a value the pom does not show"),
                problems(
                        stageSettings(
                                new HttpApiSettings.AccessLogs(true, 8, "$context.status"),
                                new HttpApiSettings.Throttling(100, -1)),
                        method(ROUTED, "public String handle(String in)")));
        assertEquals(
                List.of(
                        "<accessLogs><format> spans lines; API Gateway writes one line a request, so write the format"
                                + " on one line",
                        "<throttling><rateLimit> 0 is out of range; allowed more than 0 to 1000000 requests a"
                                + " second",
                        "<throttling><burstLimit> 1000001 is out of range; allowed 1 to 1000000 requests"),
                problems(
                        stageSettings(
                                new HttpApiSettings.AccessLogs(true, 30, "$context.requestId\n$context.status"),
                                new HttpApiSettings.Throttling(0, ApiRules.BURST_LIMIT_MAX + 1)),
                        method(ROUTED, "public String handle(String in)")));
        assertEquals(
                List.of(
                        "<throttling><rateLimit> 1000000.5 is out of range; allowed more than 0 to 1000000 requests a"
                                + " second",
                        "<throttling><burstLimit> 0 is out of range; allowed 1 to 1000000 requests"),
                problems(
                        stageSettings(HttpApiSettings.AccessLogs.NONE, new HttpApiSettings.Throttling(1_000_000.5, 0)),
                        method(ROUTED, "public String handle(String in)")));
        assertEquals(
                List.of(
                        "<accessLogs> has no effect: no function declares an @HttpRoute, so the service has no API stage"
                                + " to log; remove the section or declare a route",
                        "<throttling> has no effect: no function declares an @HttpRoute, so the service has no API"
                                + " stage to throttle; remove the section or declare a route"),
                problems(
                        stageSettings(
                                new HttpApiSettings.AccessLogs(true, 30, ""), new HttpApiSettings.Throttling(10, 20)),
                        method("@SpartaLambda @FunctionUrl(auth = UrlAuth.NONE)", "public String handle(String in)")));
    }

    private static final String CERTIFICATE = "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-4e5f";

    private static ServiceSettings domainSettings(
            HttpApiSettings.Domain domain, Map<String, String> parameters, List<EnvironmentSettings> environments) {
        return new ServiceSettings(
                "orders",
                "orders",
                Map.of(),
                parameters,
                Map.of(),
                new HttpApiSettings(
                        HttpApiSettings.DEFAULT_STAGE,
                        HttpApiSettings.Cors.NONE,
                        HttpApiSettings.AccessLogs.NONE,
                        HttpApiSettings.Throttling.NONE,
                        domain),
                Map.of(),
                environments);
    }

    private static final String BOTH_APIS = "@SpartaLambda @HttpRoute(method = \"GET\", path = \"/a\")"
            + " @HttpRoute(method = \"GET\", path = \"/b\", api = ApiKind.REST)";

    @Test
    void routesTakeTheirOwnAuthorizerOrThePomsDefaultAndAnUnknownDefaultIsNamed() throws Exception {
        HttpApiSettings iamByDefault = new HttpApiSettings(
                HttpApiSettings.DEFAULT_STAGE,
                HttpApiSettings.Cors.NONE,
                HttpApiSettings.AccessLogs.NONE,
                HttpApiSettings.Throttling.NONE,
                HttpApiSettings.Domain.NONE,
                "AWS_IAM");
        ServiceModel model = build(
                new ServiceSettings("orders", "orders", Map.of(), Map.of(), Map.of(), iamByDefault),
                method(
                        "@SpartaLambda @HttpRoute(method = \"GET\", path = \"/a\")"
                                + " @HttpRoute(method = \"GET\", path = \"/b\", authorizer = HttpRoute.NONE)",
                        "public String handle(String in)"));
        List<HttpRouteTrigger> routes = model.functions().get(0).routes(ApiKind.HTTP);
        assertEquals(new HttpRouteTrigger(ApiKind.HTTP, "GET", "/b", "NONE"), routes.get(1));
        assertEquals("AWS_IAM", model.http().authorizer(routes.get(0)));
        assertEquals("NONE", model.http().authorizer(routes.get(1)));

        HttpApiSettings unknown = new HttpApiSettings(
                HttpApiSettings.DEFAULT_STAGE,
                HttpApiSettings.Cors.NONE,
                HttpApiSettings.AccessLogs.NONE,
                HttpApiSettings.Throttling.NONE,
                HttpApiSettings.Domain.NONE,
                "COGNITO");
        assertEquals(
                List.of("<defaultAuthorizer> \"COGNITO\" is neither one of [AWS_IAM, NONE] nor an @Authorizer's name"
                        + " (1 to 32 lower-case letters, digits or '-', starting with a letter); leave <defaultAuthorizer>"
                        + " out for open routes"),
                problems(
                        new ServiceSettings("orders", "orders", Map.of(), Map.of(), Map.of(), unknown),
                        method(ROUTED, "public String handle(String in)")));
    }

    private static final String SECURED = """
            package acme;
            import io.sparta.annotations.*;
            @Authorizer(name = "users", type = AuthorizerType.JWT, issuer = "https://${IdentityHost}/${Pool}",
                audiences = {"web", "${AWS::Region}"})
            @Authorizer(name = "keys", type = AuthorizerType.LAMBDA, function = "Keys")
            public class Handlers {
                @SpartaLambda(name = "Orders")
                @HttpRoute(method = "GET", path = "/a", scopes = "orders/read")
                @HttpRoute(method = "GET", path = "/b", api = ApiKind.REST)
                @HttpRoute(method = "GET", path = "/c", api = ApiKind.REST, authorizer = "keys")
                public String handle(String in) { return in; }
                @SpartaLambda(name = "Keys")
                public String keys(String in) { return in; }
            }
            """;

    private static ServiceSettings defaulting(String authorizer, Map<String, String> parameters) {
        return new ServiceSettings(
                "orders",
                "orders",
                Map.of(),
                parameters,
                Map.of(),
                new HttpApiSettings(
                        HttpApiSettings.DEFAULT_STAGE,
                        HttpApiSettings.Cors.NONE,
                        HttpApiSettings.AccessLogs.NONE,
                        HttpApiSettings.Throttling.NONE,
                        HttpApiSettings.Domain.NONE,
                        authorizer));
    }

    @Test
    void aDeploymentsAlarmsNameKnownParametersAndAHookIsDeployedAtOnce() {
        assertEquals(
                List.of(
                        "acme.Handlers#orders: @SpartaLambda: deploymentAlarms = \"${Missing}-errors\" refers to ${Missing}, which is"
                                + " neither a <parameters> entry nor one of " + Limits.PSEUDO_PARAMETERS
                                + "; write ${!Missing} for a literal",
                        "acme.Handlers#orders: the hook Check has a deployment of its own (ALL_AT_ONCE); a hook is"
                                + " deployed at once, so remove its deployment or choose another hook"),
                problems("""
                        package acme;
                        import io.sparta.annotations.*;
                        public class Handlers {
                            @SpartaLambda(name = "Orders", deployment = DeploymentType.CANARY_10_PERCENT_5_MINUTES,
                                deploymentAlarms = {"${Missing}-errors", "${AWS::StackName}-latency"},
                                preTrafficHook = "Check")
                            public String orders(String in) { return in; }
                            @SpartaLambda(name = "Check", deployment = DeploymentType.ALL_AT_ONCE)
                            public String check(String in) { return in; }
                        }
                        """));
    }

    @Test
    void theDefaultAuthorizerIsDeclaredAndFitsEveryRouteThatTakesIt() throws Exception {
        ServiceModel model = build(defaulting("users", Map.of("IdentityHost", "id.example.com", "Pool", "p")), """
                package acme;
                import io.sparta.annotations.*;
                @Authorizer(name = "users", type = AuthorizerType.JWT, issuer = "https://${IdentityHost}/${Pool}",
                    audiences = "web")
                public class Handlers {
                    @SpartaLambda(name = "Orders")
                    @HttpRoute(method = "GET", path = "/a", scopes = "orders/read")
                    public String handle(String in) { return in; }
                }
                """);
        HttpRouteTrigger route = model.functions().get(0).routes(ApiKind.HTTP).get(0);
        assertEquals(List.of("orders/read"), route.scopes());
        assertEquals(
                "users", model.http().declaredAuthorizer(route).orElseThrow().name());

        assertEquals(
                List.of(
                        "acme.Handlers#handle: @HttpRoute(method = \"GET\", path = \"/b\"): <defaultAuthorizer>"
                                + " \"users\" is a JWT authorizer, which only the HTTP API has, and this route is on the"
                                + " REST API; declare a COGNITO_USER_POOLS or LAMBDA authorizer for it, or route it"
                                + " with api = ApiKind.HTTP",
                        "@Authorizer(name = \"users\"): issuer \"https://${IdentityHost}/${Pool}\" refers to"
                                + " ${IdentityHost}, which is neither a <parameters> entry nor one of "
                                + Limits.PSEUDO_PARAMETERS + "; write ${!IdentityHost} for a literal"),
                problems(defaulting("users", Map.of("Pool", "p")), SECURED));
        assertEquals(
                List.of("<defaultAuthorizer> \"partners\" names no @Authorizer of this service; declared: [keys,"
                        + " users]; or AWS_IAM, or NONE for open routes"),
                problems(defaulting("partners", Map.of("IdentityHost", "h", "Pool", "p")), SECURED));
        assertEquals(
                List.of("acme.Handlers#handle: @HttpRoute(method = \"GET\", path = \"/a\"): scopes = [orders/read]"
                        + " need a JWT or COGNITO_USER_POOLS authorizer, and the route, without <defaultAuthorizer>,"
                        + " is an open route; remove scopes or name such an authorizer"),
                problems(defaulting("", Map.of("IdentityHost", "h", "Pool", "p")), SECURED));
        assertEquals(
                List.of(
                        "@Authorizer(name = \"users\"): issuer = \"http://id.example.com/p\" is not an https URL without"
                                + " query or fragment, such as https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123;"
                                + " API Gateway fetches the issuer's keys over https"),
                problems(
                        defaulting("users", Map.of("IdentityHost", "id.example.com", "Pool", "p")),
                        SECURED.replace("https://${IdentityHost}", "http://${IdentityHost}")
                                .replace("api = ApiKind.REST)", "api = ApiKind.HTTP)")),
                "a parameter's value is checked as the stack will get it");
    }

    @Test
    void aCustomDomainIsTakenPlainWildcardOrPerEnvironmentThroughParameters() throws Exception {
        for (HttpApiSettings.Domain domain : List.of(
                new HttpApiSettings.Domain("api.example.com", CERTIFICATE, "", "rest", "Z0123456789ABCDEFGHIJ"),
                new HttpApiSettings.Domain("*.shop.example.co.uk", CERTIFICATE, "v1", "", ""),
                new HttpApiSettings.Domain(
                        "${ApiHost}.example.com",
                        "arn:${AWS::Partition}:acm:${AWS::Region}:${AWS::AccountId}:certificate/${CertificateId}",
                        "orders",
                        "ops",
                        ""))) {
            ServiceSettings settings = domainSettings(
                    domain,
                    Map.of("ApiHost", "api-dev", "CertificateId", "abc-123"),
                    List.of(new EnvironmentSettings(
                            "prod", "", false, Map.of("ApiHost", "api"), Map.of(), Map.of(), Map.of())));
            assertEquals(
                    domain,
                    build(settings, method(BOTH_APIS, "public String handle(String in)"))
                            .http()
                            .domain());
        }
    }

    @Test
    void rejectsACustomDomainApiGatewayOrRoute53WouldRefuseNamingTheEnvironmentWhereOnlyOneIsWrong() {
        assertEquals(
                List.of(
                        "<domain><name> \"API.example\" is not a domain name API Gateway takes: lower-case labels of"
                                + " letters, digits and '-', separated by dots, such as api.example.com (or"
                                + " *.example.com)",
                        "<domain><certificateArn> \"arn:aws:iam::123456789012:server-certificate/x\" is not an ACM"
                                + " certificate's ARN, arn:aws:acm:REGION:ACCOUNT:certificate/ID",
                        "<domain><basePath> \"v1/orders\" is not one path segment of letters, digits, '.', '_', '-'"
                                + " or '~', such as orders (leave it out for the root)",
                        "<domain><hostedZoneId> \"example.com\" is not a Route 53 hosted zone's id, such as"
                                + " Z0123456789ABCDEFGHIJ"),
                problems(
                        domainSettings(
                                new HttpApiSettings.Domain(
                                        "API.example",
                                        "arn:aws:iam::123456789012:server-certificate/x",
                                        "v1/orders",
                                        "",
                                        "example.com"),
                                Map.of(),
                                List.of()),
                        method("@SpartaLambda @HttpRoute(method = \"GET\", path = \"/a\")", "public String h()")));
        assertEquals(
                List.of("<domain><name> refers to ${Host}, which is neither a <parameters> entry nor one of"
                        + " [AWS::AccountId, AWS::Partition, AWS::Region, AWS::StackId, AWS::StackName,"
                        + " AWS::URLSuffix]; write ${!Host} for a literal"),
                problems(
                        domainSettings(
                                new HttpApiSettings.Domain("${Host}.example.com", CERTIFICATE, "", "rest", ""),
                                Map.of(),
                                List.of()),
                        method(BOTH_APIS, "public String handle(String in)")));
        EnvironmentSettings staging = new EnvironmentSettings(
                "staging", "", false, Map.of("ApiHost", "api-staging"), Map.of(), Map.of(), Map.of());
        EnvironmentSettings prod =
                new EnvironmentSettings("prod", "", false, Map.of("ApiHost", "-bad-"), Map.of(), Map.of(), Map.of());
        assertEquals(
                List.of("<domain><name> \"-bad-.example.com\" in environment prod is not a domain name API Gateway"
                        + " takes: lower-case labels of letters, digits and '-', separated by dots, such as"
                        + " api.example.com (or *.example.com)"),
                problems(
                        domainSettings(
                                new HttpApiSettings.Domain("${ApiHost}.example.com", CERTIFICATE, "", "rest", ""),
                                Map.of("ApiHost", "api-dev"),
                                List.of(staging, prod)),
                        method(BOTH_APIS, "public String handle(String in)")));
        assertEquals(
                List.of(
                        "<domain> needs <certificateArn>: API Gateway serves a custom domain only with an ACM"
                                + " certificate covering it, in the stack's Region",
                        "<domain> maps the HTTP API and the REST API both at the root of api.example.com; give one of"
                                + " them its own path, such as <restBasePath>rest</restBasePath>"),
                problems(
                        domainSettings(
                                new HttpApiSettings.Domain("api.example.com", "", "", "", ""), Map.of(), List.of()),
                        method(BOTH_APIS, "public String handle(String in)")));
        assertEquals(
                List.of("<domain><restBasePath> has no effect: no function declares a route on the REST API (api ="
                        + " ApiKind.REST); remove it, or set <basePath> for the HTTP API"),
                problems(
                        domainSettings(
                                new HttpApiSettings.Domain("api.example.com", CERTIFICATE, "", "ops", ""),
                                Map.of(),
                                List.of()),
                        method(ROUTED, "public String handle(String in)")));
        assertEquals(
                List.of("<domain><basePath> has no effect: no function declares a route on the HTTP API; remove it,"
                        + " or set <restBasePath> for the REST API"),
                problems(
                        domainSettings(
                                new HttpApiSettings.Domain("api.example.com", CERTIFICATE, "v1", "", ""),
                                Map.of(),
                                List.of()),
                        method(
                                "@SpartaLambda @HttpRoute(method = \"GET\", path = \"/b\", api = ApiKind.REST)",
                                "public String handle(String in)")));
        assertEquals(
                List.of("<domain> has no <name>, so its other settings have no effect; add <name>, such as"
                        + " api.example.com"),
                problems(
                        domainSettings(new HttpApiSettings.Domain("", CERTIFICATE, "", "", ""), Map.of(), List.of()),
                        method(BOTH_APIS, "public String handle(String in)")));
        assertEquals(
                List.of("<domain> has no effect: no function declares an @HttpRoute, so the service has no API to"
                        + " serve at api.example.com; remove the section or declare a route"),
                problems(
                        domainSettings(
                                new HttpApiSettings.Domain("api.example.com", CERTIFICATE, "", "", ""),
                                Map.of(),
                                List.of()),
                        method("@SpartaLambda", "public String handle(String in)")));
    }

    @Test
    void declaredResourcesReachTheirUsersThroughGrantsTriggersAndDiscoverVariables() throws Exception {
        ServiceModel model = build(SETTINGS, """
                package acme;
                import io.sparta.annotations.*;
                @DynamoTable(name = "orders", partitionKey = "id") @S3Bucket(name = "uploads")
                public class Handlers {
                    @SpartaLambda @Grant(resource = "orders", access = Access.WRITE) @S3Trigger(bucket = "uploads")
                    public void handle(String in) {}
                }
                """);
        assertEquals(
                List.of(
                        new io.sparta.api.OwnedResource.Table(
                                "orders",
                                "id",
                                io.sparta.annotations.KeyType.STRING,
                                "",
                                io.sparta.annotations.KeyType.STRING,
                                io.sparta.annotations.StreamView.NONE,
                                true),
                        new io.sparta.api.OwnedResource.Bucket("uploads", false, true)),
                model.resources());
        LambdaFunction function = model.functions().get(0);
        assertEquals(
                List.of(new io.sparta.api.FunctionAccess.ResourceGrant("orders", io.sparta.annotations.Access.WRITE)),
                function.access().grants());
        assertEquals(
                Map.of(
                        "SPARTA_TABLE_ORDERS",
                        "${OrdersTable}",
                        "SPARTA_BUCKET_UPLOADS",
                        "orders-uploads-${AWS::AccountId}-${StackSuffix}"),
                function.environment());
    }

    @Test
    void aVariableNamedLikeADiscoverVariableAndAnEnvironmentOverLambdasSizeAreNamedAtTheFunction() {
        String big = "x".repeat(Limits.ENVIRONMENT_BYTES_MAX);
        List<String> problems = problems("""
                package acme;
                import io.sparta.annotations.*;
                @DynamoTable(name = "orders", partitionKey = "id")
                public class Handlers {
                    @SpartaLambda(environment = @Env(name = "SPARTA_TABLE_ORDERS", value = "mine"))
                    @Grant(resource = "orders", access = Access.READ)
                    public void handle(String in) {}
                    @SpartaLambda(environment = @Env(name = "BIG", value = "%s"))
                    public void big(String in) {}
                }
                """.formatted(big));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(
                problems.contains("acme.Handlers#handle: @SpartaLambda: environment variable SPARTA_TABLE_ORDERS is"
                        + " Sparta's, for Discover; choose another name"),
                problems.toString());
        // The size counts the pom's and Sparta's own variables too, so only the words and the limit are fixed here.
        assertTrue(
                problems.stream()
                        .anyMatch(problem -> problem.matches("acme\\.Handlers#big: @SpartaLambda: environment variables"
                                + " take \\d+ bytes; Lambda allows at most " + Limits.ENVIRONMENT_BYTES_MAX)),
                problems.toString());
    }

    @Test
    void rejectsResourcesAwsRefusesAndBucketNamesOverS3sLimit() {
        ServiceSettings longStack = new ServiceSettings("orders", "orders-service-production-eu", Map.of(), Map.of());
        assertEquals(
                List.of(
                        "acme.Handlers: @S3Bucket(name = \"customer-uploads-archive\"): the bucket's name,"
                                + " <stack>-customer-uploads-archive-<account>-<stack id>, is 75 characters long; S3"
                                + " allows 63, so shorten the name (at most 12 characters here) or the stackName",
                        "acme.Handlers: @KinesisStream(name = \"clicks\"): shards = 0 is out of range; allowed 1 to 500",
                        "acme.Handlers: @SqsQueue(name = \"clicks\"): resource \"clicks\" is declared twice (@KinesisStream"
                                + " and @SqsQueue at acme.Handlers); resource names are unique in a service"),
                problems(longStack, """
                        package acme;
                        import io.sparta.annotations.*;
                        @S3Bucket(name = "customer-uploads-archive") @KinesisStream(name = "clicks", shards = 0) @SqsQueue(name = "clicks")
                        public class Handlers {
                            @SpartaLambda public void handle(String in) {}
                        }
                        """));
    }

    @Test
    void packageReadsIndexesTimeToLiveCapacityFifoAndDeadLetterQueuesAsDeclared() throws Exception {
        ServiceModel model = build(SETTINGS, """
                package acme;
                import io.sparta.annotations.*;
                @DynamoTable(name = "orders", partitionKey = "id", sortKey = "at", sortKeyType = KeyType.NUMBER,
                        readCapacity = 5, writeCapacity = 4, timeToLiveAttribute = "expiresAt",
                        globalIndexes = @TableIndex(name = "by-customer", partitionKey = "customer", projection = Projection.INCLUDE,
                                nonKeyAttributes = {"total", "status"}, readCapacity = 2, writeCapacity = 1),
                        localIndexes = @TableIndex(name = "by-status", sortKey = "status"))
                @SqsQueue(name = "payments", fifo = true, contentBasedDeduplication = true, deadLetterQueue = "payments-failed",
                        maxReceiveCount = 3)
                @SqsQueue(name = "payments-failed", fifo = true)
                @SqsQueue(name = "failed-records")
                @SnsTopic(name = "ledger", fifo = true)
                public class Handlers {
                    @SpartaLambda @KinesisTrigger(stream = "arn:aws:kinesis:us-east-1:123456789012:stream/clicks",
                            onFailure = "failed-records", maximumRetryAttempts = 2)
                    public void handle(String in) {}
                }
                """);
        assertEquals(
                List.of(
                        new io.sparta.api.OwnedResource.Queue("failed-records", 30),
                        new io.sparta.api.OwnedResource.Topic("ledger", true, false),
                        new io.sparta.api.OwnedResource.Table(
                                "orders",
                                "id",
                                io.sparta.annotations.KeyType.STRING,
                                "at",
                                io.sparta.annotations.KeyType.NUMBER,
                                io.sparta.annotations.StreamView.NONE,
                                true,
                                List.of(new io.sparta.api.OwnedResource.Table.Index(
                                        "by-customer",
                                        "customer",
                                        io.sparta.annotations.KeyType.STRING,
                                        "",
                                        io.sparta.annotations.KeyType.STRING,
                                        io.sparta.annotations.Projection.INCLUDE,
                                        List.of("total", "status"),
                                        2,
                                        1)),
                                List.of(new io.sparta.api.OwnedResource.Table.Index(
                                        "by-status",
                                        "",
                                        io.sparta.annotations.KeyType.STRING,
                                        "status",
                                        io.sparta.annotations.KeyType.STRING,
                                        io.sparta.annotations.Projection.ALL,
                                        List.of(),
                                        0,
                                        0)),
                                "expiresAt",
                                5,
                                4),
                        new io.sparta.api.OwnedResource.Queue("payments", 30, true, true, "payments-failed", 3),
                        new io.sparta.api.OwnedResource.Queue("payments-failed", 30, true, false, "", 5)),
                model.resources());
        assertEquals(
                List.of(new io.sparta.api.StreamTrigger(
                        io.sparta.annotations.ResourceKind.STREAM,
                        "arn:aws:kinesis:us-east-1:123456789012:stream/clicks",
                        io.sparta.annotations.StartingPosition.LATEST,
                        100,
                        "failed-records",
                        2)),
                model.functions().get(0).triggers());
    }

    @Test
    void packageHoldsTablesQueuesAndFailedRecordsToTheRulesJavacApplies() {
        assertEquals(
                List.of(
                        "acme.Handlers: @DynamoTable(name = \"orders\"): local index \"by-status\": sortKey = \"at\" is"
                                + " the table's own sort key, so the index would order items as the table does; sort by"
                                + " another attribute",
                        "acme.Handlers: @SqsQueue(name = \"work\"): maxReceiveCount = 1001 is out of range; allowed 1 to"
                                + " 1000",
                        "acme.Handlers#handle: @DynamoDbTrigger: onFailure = \"work\" is a FIFO queue, but Lambda sends"
                                + " failed invocations and records only to a standard SQS queue or SNS topic; name a"
                                + " standard one"),
                problems("""
                        package acme;
                        import io.sparta.annotations.*;
                        @DynamoTable(name = "orders", partitionKey = "id", sortKey = "at", stream = StreamView.NEW_IMAGE,
                                localIndexes = @TableIndex(name = "by-status", sortKey = "at"))
                        @SqsQueue(name = "work", fifo = true, maxReceiveCount = 1001)
                        public class Handlers {
                            @SpartaLambda @DynamoDbTrigger(table = "orders", onFailure = "work")
                            public void handle(String in) {}
                        }
                        """));
    }

    @Test
    void aBucketNameOfSixtyThreeCharactersAtMostIsAcceptedAndOneMoreIsNot() throws Exception {
        ServiceSettings settings = new ServiceSettings("orders", "orders-dev", Map.of(), Map.of());
        String source = """
                package acme;
                import io.sparta.annotations.*;
                @S3Bucket(name = "%s")
                public class Handlers {
                    @SpartaLambda public void handle(String in) {}
                }
                """;
        // orders-dev-<name>-123456789012-<8 hexadecimal digits of the stack's id>: 33 characters besides the name.
        assertEquals(
                1, build(settings, source.formatted("a".repeat(30))).resources().size());
        assertEquals(
                List.of("acme.Handlers: @S3Bucket(name = \"" + "a".repeat(31) + "\"): the bucket's name, <stack>-"
                        + "a".repeat(31) + "-<account>-<stack id>, is 64 characters long; S3 allows 63, so shorten the"
                        + " name (at most 30 characters here) or the stackName"),
                problems(settings, source.formatted("a".repeat(31))));
    }

    @Test
    void rejectsVpcTagsAndOnFailureDestinationsLambdaRefuses() {
        assertEquals(
                List.of(
                        "acme.Handlers#handle: @SpartaLambda: subnetIds and securityGroupIds go together: a function in a VPC needs both",
                        "acme.Handlers#handle: @SpartaLambda: tag key \"aws:owner\" must be 1 to 128 characters and not start with aws:",
                        "acme.Handlers#handle: @SpartaLambda onFailure refers to \"dead-letters\", but the service declares"
                                + " no @SqsQueue or @SnsTopic of that name"),
                problems(method(
                        "@SpartaLambda(subnetIds = \"subnet-0abc1234\", tags = @Tag(key = \"aws:owner\", value = \"x\"),"
                                + " onFailure = \"dead-letters\")",
                        "public void handle(String in)")));
        assertEquals(
                List.of(
                        "acme.Handlers#handle: @SpartaLambda: onFailure = \"arn:aws:s3:::bucket\" is neither a declared @SqsQueue's or"
                                + " @SnsTopic's name nor an SQS queue's or SNS topic's ARN"),
                problems(
                        method("@SpartaLambda(onFailure = \"arn:aws:s3:::bucket\")", "public void handle(String in)")));
    }

    @Test
    void aQueueHidingMessagesForLessThanItsConsumersTimeoutFailsPackageAndEnoughVisibilityPasses() throws Exception {
        String source = """
                package acme;
                import io.sparta.annotations.*;
                @SqsQueue(name = "work"%s)
                public class Handlers {
                    @SpartaLambda(timeout = 120) @SqsTrigger(queue = "work") public void handle(String in) {}
                }
                """;
        assertEquals(
                List.of("acme.Handlers#handle: @SqsTrigger(queue = \"work\") feeds a function with timeout = 120, but"
                        + " @SqsQueue(name = \"work\") on acme.Handlers has visibilityTimeout = 30; Lambda refuses an SQS"
                        + " mapping whose queue's visibility timeout is less than the function's timeout (allowed 120 to"
                        + " 43200): declare the queue with visibilityTimeout = 120 or more (AWS recommends 720, six times"
                        + " the timeout plus the batching window), or lower the timeout"),
                problems(source.formatted("")));
        assertEquals(
                List.of(new SqsQueueTrigger("work", 10, 0, false)),
                build(SETTINGS, source.formatted(", visibilityTimeout = 120"))
                        .functions()
                        .get(0)
                        .triggers());
    }

    @Test
    void rulesBetweenDeclarationsAndLiteralMatchesAreCheckedWithoutTheProcessor() {
        assertEquals(
                List.of(
                        "acme.Handlers#a: @SqsTrigger: batchSize = 20 is out of range for the FIFO queue"
                                + " arn:aws:sqs:us-east-1:123456789012:jobs.fifo; allowed 1 to 10",
                        "acme.Handlers#a: @S3Trigger: suffix = \"*.csv\" holds a wildcard, but S3 matches suffixes"
                                + " literally, so the trigger would never fire; write suffix = \".csv\"",
                        "acme.Handlers#b: @SnsTrigger: filterPolicy matches \"order-*\" exactly, since SNS has no"
                                + " wildcards; write {\"prefix\": \"order-\"} to match what starts with it",
                        "acme.Handlers#b: @S3Trigger(bucket = \"uploads\", prefix = \"\", suffix = \"\") overlaps the"
                                + " one of acme.Handlers#a (prefix = \"\", suffix = \"*.csv\"): both would be notified of"
                                + " s3:ObjectCreated:* for a key such as \"x*.csv\", and S3 refuses such a bucket"
                                + " configuration as ambiguous; give them prefixes or suffixes no key has both of (such as"
                                + " suffix = \".csv\" and suffix = \".json\"), or event types they do not share"),
                problems("""
                        package acme;
                        import io.sparta.annotations.*;
                        @S3Bucket(name = "uploads")
                        public class Handlers {
                            @SpartaLambda
                            @SqsTrigger(queue = "arn:aws:sqs:us-east-1:123456789012:jobs.fifo", batchSize = 20)
                            @S3Trigger(bucket = "uploads", suffix = "*.csv")
                            public void a(String in) {}
                            @SpartaLambda
                            @SnsTrigger(topic = "arn:aws:sns:us-east-1:123456789012:news", filterPolicy = "{\\"kind\\": [\\"order-*\\"]}")
                            @S3Trigger(bucket = "uploads")
                            public void b(String in) {}
                        }
                        """));
    }
}
