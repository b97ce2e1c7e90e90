package io.sparta.annotations.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** javac with the processor, as a user's build runs it: every error with its message and its line. */
class SpartaLambdaProcessorTest {

    @TempDir
    Path work;

    /** The errors javac reports, each as "line: message". */
    private List<String> compile(String className, String source) {
        try {
            Path file = work.resolve(className + ".java");
            Files.writeString(file, source);
            Path classes = Files.createDirectories(work.resolve("classes"));
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
                JavaCompiler.CompilationTask task = javac.getTask(
                        null,
                        files,
                        diagnostics,
                        List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path")),
                        null,
                        files.getJavaFileObjects(file));
                task.setProcessors(List.of(new SpartaLambdaProcessor()));
                task.call();
            }
            return diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aValidDeclarationCompilesCleanly() {
        assertEquals(List.of(), compile("Hello", """
                import com.amazonaws.services.lambda.runtime.*;
                import io.sparta.annotations.*;
                @SpartaLambda(memory = 256, timeout = 10, logRetentionDays = 14, environment = @Env(name = "A", value = "1"))
                public class Hello implements RequestHandler<String, String> {
                    public String handleRequest(String in, Context context) { return in; }
                    @SpartaLambda(name = "shout")
                    public static String shout(java.io.InputStream in, java.io.OutputStream out, Context c) { return null; }
                }
                """));
    }

    @Test
    void outOfRangeValuesAreErrorsAtTheirLines() {
        assertEquals(
                List.of(
                        "4: @SpartaLambda: memory = 100 is out of range; allowed 128 to 10240 (MB)",
                        "5: @SpartaLambda: timeout = 901 is out of range; allowed 1 to 900 (seconds)",
                        "6: @SpartaLambda: logRetentionDays = 8 is not a retention CloudWatch Logs accepts; allowed [1, 3, 5,"
                                + " 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653],"
                                + " or 0 for logs that never expire"),
                compile("Orders", """
                        import io.sparta.annotations.SpartaLambda;
                        public class Orders {
                            @SpartaLambda(
                                    memory = 100,
                                    timeout = 901,
                                    logRetentionDays = 8)
                            public String place(String order) { return order; }
                        }
                        """));
    }

    @Test
    void signaturesLambdaCannotCallAndHiddenMethodsAreErrors() {
        assertEquals(
                List.of(
                        "4: @SpartaLambda: Lambda cannot call a handler with parameters (java.lang.String, java.lang.String);"
                                + " allowed: (), (event), (event, Context), (InputStream, OutputStream) or (InputStream,"
                                + " OutputStream, Context)",
                        "5: @SpartaLambda: method hidden is not public; Lambda can only call public methods"),
                compile("Orders", """
                        import io.sparta.annotations.SpartaLambda;
                        public class Orders {
                            @SpartaLambda
                            public String place(String a, String b) { return a; }
                            @SpartaLambda
                            String hidden() { return ""; }
                        }
                        """));
    }

    @Test
    void twoFunctionsWithOneNameAreAnError() {
        assertEquals(
                List.of(
                        "5: @SpartaLambda: two functions are named \"same\": Orders#a and Orders#b; set a distinct name on one"
                                + " of them"),
                compile("Orders", """
                        import io.sparta.annotations.SpartaLambda;
                        public class Orders {
                            @SpartaLambda(name = "same")
                            public String a() { return ""; }
                            @SpartaLambda(name = "same")
                            public String b() { return ""; }
                        }
                        """));
    }

    @Test
    void classesLambdaCannotInstantiateOrCallAreErrors() {
        assertEquals(
                List.of(
                        "3: @SpartaLambda: class Outer$NoInterface must implement"
                                + " com.amazonaws.services.lambda.runtime.RequestHandler or RequestStreamHandler; otherwise"
                                + " move @SpartaLambda from the class to a public handler method",
                        "5: @SpartaLambda: class Outer$Inner is an inner class; declare it static so Lambda can instantiate it"),
                compile("Outer", """
                        import io.sparta.annotations.SpartaLambda;
                        public class Outer {
                            @SpartaLambda public static class NoInterface {}
                            public class Inner {
                                @SpartaLambda public String handle() { return ""; }
                            }
                        }
                        """));
    }

    @Test
    void aLiteralSecretInAnEnvIsAnErrorWithTheRouteThatWorks() {
        assertEquals(
                List.of(
                        "3: @SpartaLambda: environment variable DATABASE_URL holds a URL with a password in it, which"
                                + " would be written to the template, the manifest and the deployed configuration; declare"
                                + " it in the pom's <secrets> as secretsmanager:SECRET-ID or ssm:PARAMETER-NAME, kept"
                                + " in AWS, and drop the @Env",
                        "3: @SpartaLambda: environment variable DB_PASSWORD looks like a secret but holds a literal"
                                + " value, which would be written to the template, the manifest and the deployed"
                                + " configuration; declare it in the pom's <secrets> as secretsmanager:SECRET-ID or"
                                + " ssm:PARAMETER-NAME, kept in AWS, and drop the @Env"),
                compile("Orders", """
                        import io.sparta.annotations.*;
                        public class Orders {
                            @SpartaLambda(environment = {@Env(name = "DB_PASSWORD", value = "hunter2"),
                                    @Env(name = "DATABASE_URL", value = "postgres://app:hunter2@db/app"),
                                    @Env(name = "SECRET_ARN", value = "arn:aws:secretsmanager:eu-west-1:1:secret:x"),
                                    @Env(name = "TOKEN_TTL", value = "300")})
                            public String place() { return ""; }
                        }
                        """).stream().sorted().toList());
    }

    @Test
    void reservedAndMalformedEnvironmentNamesAreErrors() {
        assertEquals(
                List.of(
                        "3: @SpartaLambda: environment variable AWS_REGION is reserved; the Lambda runtime sets it itself",
                        "3: @SpartaLambda: environment variable \"1X\" must start with a letter and hold only letters,"
                                + " digits and '_'"),
                compile("Orders", """
                        import io.sparta.annotations.*;
                        public class Orders {
                            @SpartaLambda(environment = {@Env(name = "AWS_REGION", value = "x"),
                                    @Env(name = "1X", value = "y")})
                            public String place() { return ""; }
                        }
                        """));
    }

    @Test
    void functionOptionsOutOfRangeAreErrorsAtTheirLines() {
        assertEquals(
                List.of(
                        "4: @SpartaLambda: reservedConcurrency = -5 is out of range; allowed 0 and up, or -1 to reserve none",
                        "5: @SpartaLambda: ephemeralStorage = 100 is out of range; allowed 512 to 10240 (MB)",
                        "6: @SpartaLambda: layers entry \"arn:aws:lambda:us-east-1:1:layer:x\" is not a layer"
                                + " version ARN (arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION)"),
                compile("Orders", """
                        import io.sparta.annotations.SpartaLambda;
                        public class Orders {
                            @SpartaLambda(
                                    reservedConcurrency = -5,
                                    ephemeralStorage = 100,
                                    layers = {"shared-lib", "arn:aws:lambda:us-east-1:1:layer:x"})
                            public String place() { return ""; }
                        }
                        """));
    }

    @Test
    void managedPoliciesMustBeManagedPolicyArnsOnAGeneratedRole() {
        assertEquals(
                List.of(
                        "3: @SpartaLambda: managedPolicies entry \"AWSXrayWriteOnlyAccess\" is not a managed policy ARN:"
                                + " write arn:aws:iam::aws:policy/NAME for an AWS managed policy or"
                                + " arn:aws:iam::ACCOUNT:policy/NAME for the account's own",
                        "7: @SpartaLambda: managedPolicies attach to the role Sparta generates, and role = \"shared\""
                                + " names an existing one; attach the policies to that role, or drop role="),
                compile("Orders", """
                        import io.sparta.annotations.SpartaLambda;
                        public class Orders {
                            @SpartaLambda(name = "a", managedPolicies = "AWSXrayWriteOnlyAccess")
                            public String place() { return ""; }

                            @SpartaLambda(name = "b", role = "shared",
                                    managedPolicies = "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess")
                            public String ship() { return ""; }

                            @SpartaLambda(name = "c", managedPolicies = {
                                    "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
                                    "arn:aws:iam::123456789012:policy/orders-read",
                                    "arn:aws-us-gov:iam::aws:policy/AWSXrayWriteOnlyAccess"})
                            public String cancel() { return ""; }
                        }
                        """));
    }

    @Test
    void contradictoryOptionsAreAnError() {
        assertEquals(
                List.of("3: @SpartaLambda: snapStart = true and ephemeralStorage = 2048 contradict each other: Lambda's"
                        + " SnapStart takes at most 512 MB of ephemeral storage"),
                compile("Orders", """
                        import io.sparta.annotations.SpartaLambda;
                        public class Orders {
                            @SpartaLambda(snapStart = true, ephemeralStorage = 2048)
                            public String place() { return ""; }
                        }
                        """));
    }

    @Test
    void aRouteNamingAnAuthorizerTheServiceDoesNotDeclareIsAnError() {
        assertEquals(
                // Repeated, the routes sit in their container, which javac gives no position: the method's line.
                List.of(
                        "8: @HttpRoute: GET /d: authorizer = \"aws_iam\" is neither one of [AWS_IAM, NONE] (write AWS_IAM, upper"
                                + " case) nor an @Authorizer's name (1 to 32 lower-case letters, digits or '-', starting"
                                + " with a letter); leave it out to take the pom's <defaultAuthorizer>",
                        "8: @HttpRoute: GET /b: authorizer = \"users\" names no @Authorizer of this service; declared: []; or"
                                + " HttpRoute.AWS_IAM, or HttpRoute.NONE for an open route"),
                compile("Orders", """
                        import io.sparta.annotations.*;
                        public class Orders {
                            @SpartaLambda
                            @HttpRoute(method = "GET", path = "/a", authorizer = HttpRoute.AWS_IAM)
                            @HttpRoute(method = "GET", path = "/b", authorizer = "users")
                            @HttpRoute(method = "GET", path = "/c", api = ApiKind.REST, authorizer = HttpRoute.NONE)
                            @HttpRoute(method = "GET", path = "/d", authorizer = "aws_iam")
                            public String place() { return ""; }
                        }
                        """));
    }

    @Test
    void eachAuthorizerTypeTakesItsOwnAttributesOnly() {
        List<String> problems = compile("Security", """
                import io.sparta.annotations.*;
                @Authorizer(name = "users", type = AuthorizerType.JWT, issuer = "http://issuer.example.com",
                    function = "Keys")
                @Authorizer(name = "pool", type = AuthorizerType.COGNITO_USER_POOLS,
                    userPoolArns = "arn:aws:cognito-idp:eu-west-1:123456789012:pool/x", resultTtlSeconds = 10)
                @Authorizer(name = "keys", type = AuthorizerType.LAMBDA, resultTtlSeconds = 7200,
                    identitySources = "header.X-Api-Key", audiences = "web")
                @Authorizer(name = "Keys", type = AuthorizerType.LAMBDA, function = "Keys", identitySources = {},
                    resultTtlSeconds = 60)
                public class Security {}
                """);
        assertEquals(
                List.of(
                        "10: @Authorizer(name = \"users\"): issuer = \"http://issuer.example.com\" is not an https URL without query or"
                                + " fragment, such as https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123;"
                                + " API Gateway fetches the issuer's keys over https",
                        "10: @Authorizer(name = \"users\"): a JWT authorizer needs audiences, at least one, none blank: the aud claim (or"
                                + " a Cognito access token's client_id) a token must carry, such as the app client's id",
                        "10: @Authorizer(name = \"users\"): function applies to a LAMBDA authorizer only; this one is JWT",
                        "10: @Authorizer(name = \"pool\"): userPoolArns = \"arn:aws:cognito-idp:eu-west-1:123456789012:pool/x\" is not a"
                                + " user pool's ARN, such as"
                                + " arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEf123",
                        "10: @Authorizer(name = \"pool\"): resultTtlSeconds applies to a LAMBDA authorizer only; this one is"
                                + " COGNITO_USER_POOLS",
                        "10: @Authorizer(name = \"keys\"): a LAMBDA authorizer needs function, the name of the @SpartaLambda function of"
                                + " this service that API Gateway calls",
                        "10: @Authorizer(name = \"keys\"): resultTtlSeconds = 7200 is out of range; 0 (no caching) to 3600",
                        "10: @Authorizer(name = \"keys\"): identitySources = \"header.X-Api-Key\" is not one a LAMBDA authorizer reads;"
                                + " write $request.header.<name> or $request.querystring.<name>, $context.<variable> or"
                                + " $stageVariables.<name>",
                        "10: @Authorizer(name = \"keys\"): audiences applies to a JWT authorizer only; this one is LAMBDA",
                        "10: @Authorizer(name = \"Keys\"): name = \"Keys\" must be 1 to 32 lower-case letters, digits or '-', starting"
                                + " with a letter",
                        "10: @Authorizer(name = \"Keys\"): resultTtlSeconds = 60 caches the answer by the identity sources, and there"
                                + " are none; name at least one, or set resultTtlSeconds = 0",
                        "10: @Authorizer(name = \"Keys\"): function = \"Keys\" names no @SpartaLambda function of this"
                                + " service; functions: []"),
                problems);
    }

    @Test
    void aGradualDeploymentNamesItsHooksAndAlarmsWithinCodeDeploysLimits() {
        assertEquals(
                // Each at the line of its attribute, as javac points at it.
                List.of(
                        "3: @SpartaLambda: deploymentAlarms applies to a CodeDeploy deployment, and deployment is NONE;"
                                + " set deployment = DeploymentType.CANARY_10_PERCENT_5_MINUTES (or another type), or"
                                + " remove deploymentAlarms",
                        "6: @SpartaLambda: deploymentAlarms names 11 alarms; CodeDeploy watches at most 10 in a"
                                + " deployment group",
                        "5: @SpartaLambda: preTrafficHook = \"Orders\" is this function itself; a hook is another"
                                + " function of the service, which tests the new version",
                        "6: @SpartaLambda: postTrafficHook = \"bad name\" may only hold letters, digits, '-' and '_'",
                        "9: @SpartaLambda: deploymentAlarms names \"a\" twice",
                        "8: @SpartaLambda: postTrafficHook = \"Missing\" names no @SpartaLambda function of this"
                                + " service; functions: [Carts, Orders, Plain]"),
                compile("Orders", """
                        import io.sparta.annotations.*;
                        public class Orders {
                            @SpartaLambda(name = "Plain", deploymentAlarms = "errors")
                            public String plain() { return ""; }
                            @SpartaLambda(name = "Orders", deployment = DeploymentType.ALL_AT_ONCE, preTrafficHook = "Orders",
                                postTrafficHook = "bad name", deploymentAlarms = {"a","b","c","d","e","f","g","h","i","j","k"})
                            public String orders() { return ""; }
                            @SpartaLambda(name = "Carts", deployment = DeploymentType.LINEAR_10_PERCENT_EVERY_1_MINUTE,
                                deploymentAlarms = {"a", "a"}, preTrafficHook = "Plain", postTrafficHook = "Missing")
                            public String carts() { return ""; }
                        }
                        """));
    }

    @Test
    void aHookIsAFunctionOfTheServiceNotAnArnOrAParameter() {
        assertEquals(
                List.of("4: @SpartaLambda: preTrafficHook = \"arn:aws:lambda:eu-west-1:123456789012:function:check\" is"
                        + " not a function's name: a hook is a @SpartaLambda function of this service, named as its"
                        + " name attribute says, so that Sparta grants it what a hook needs; a function of another"
                        + " stack is not supported"),
                compile("Orders", """
                        import io.sparta.annotations.*;
                        public class Orders {
                            @SpartaLambda(name = "Orders", deployment = DeploymentType.ALL_AT_ONCE,
                                preTrafficHook = "arn:aws:lambda:eu-west-1:123456789012:function:check")
                            public String orders() { return ""; }
                        }
                        """));
    }

    @Test
    void aRouteMayUseAnAuthorizerOnlyOnItsApiAndScopesOnlyWithATokenAuthorizer() {
        assertEquals(
                List.of(
                        "14: @HttpRoute: GET /a: scopes = [orders/read] need a JWT or COGNITO_USER_POOLS authorizer, and"
                                + " authorizer = \"AWS_IAM\" is AWS_IAM authorization; remove scopes or name such an"
                                + " authorizer",
                        "14: @HttpRoute: GET /b: scopes = \"has space\" is not a scope: 1 to 255 printable characters without"
                                + " spaces, quotes or backslashes, such as orders/read",
                        "14: @HttpRoute: GET /c: authorizer = \"users\" is a JWT authorizer, which only the HTTP API has, and"
                                + " this route is on the REST API; declare a COGNITO_USER_POOLS or LAMBDA authorizer for"
                                + " it, or route it with api = ApiKind.HTTP",
                        "14: @HttpRoute: GET /d: authorizer = \"pool\" is a COGNITO_USER_POOLS authorizer, which only the REST"
                                + " API has, and this route is on the HTTP API; declare a JWT authorizer with issuer"
                                + " https://cognito-idp.<region>.amazonaws.com/<pool id> for it, or route it with"
                                + " api = ApiKind.REST",
                        "14: @HttpRoute: GET /e: scopes = [orders/read] need a JWT or COGNITO_USER_POOLS authorizer, and"
                                + " authorizer = \"keys\" is a LAMBDA authorizer, which decides itself what a caller"
                                + " may do; remove scopes or name such an authorizer"),
                compile("Orders", """
                        import io.sparta.annotations.*;
                        @Authorizer(name = "users", type = AuthorizerType.JWT, issuer = "https://id.example.com",
                            audiences = "web")
                        @Authorizer(name = "pool", type = AuthorizerType.COGNITO_USER_POOLS,
                            userPoolArns = "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEf123")
                        @Authorizer(name = "keys", type = AuthorizerType.LAMBDA, function = "Orders")
                        public class Orders {
                            @SpartaLambda(name = "Orders")
                            @HttpRoute(method = "GET", path = "/a", authorizer = HttpRoute.AWS_IAM, scopes = "orders/read")
                            @HttpRoute(method = "GET", path = "/b", authorizer = "users", scopes = "has space")
                            @HttpRoute(method = "GET", path = "/c", api = ApiKind.REST, authorizer = "users")
                            @HttpRoute(method = "GET", path = "/d", authorizer = "pool")
                            @HttpRoute(method = "GET", path = "/e", authorizer = "keys", scopes = "orders/read")
                            public String place() { return ""; }
                        }
                        """));
    }

    @Test
    void provisionedConcurrencyThatLambdaOrApplicationAutoScalingWouldRefuseIsAnError() {
        assertEquals(
                List.of(
                        "4: @SpartaLambda: provisionedConcurrency = 2 and snapStart = true contradict each other:"
                                + " Lambda does not combine SnapStart with provisioned concurrency; keep one",
                        "7: @SpartaLambda: provisionedConcurrency = 10 exceeds reservedConcurrency = 5, which Lambda"
                                + " allocates it from; raise reservedConcurrency or lower provisionedConcurrency",
                        "8: @SpartaLambda: concurrencySchedule[0]: concurrency = 6 exceeds reservedConcurrency = 5,"
                                + " which Lambda allocates it from",
                        "11: @SpartaLambda: concurrencySchedule needs provisionedConcurrency, the number each deployment"
                                + " sets before the schedule changes it; set provisionedConcurrency to 1 or more",
                        "11: @SpartaLambda: concurrencySchedule[0]: schedule \"cron(0 8 * * MON-FRI *)\" needs '?' in"
                                + " exactly one of day-of-month and day-of-week",
                        "11: @SpartaLambda: concurrencySchedule[1]: timezone = \"Berlin Time\" is not an IANA time zone"
                                + " name, such as Europe/Berlin or America/New_York",
                        "11: @SpartaLambda: concurrencySchedule[1]: concurrency = 0 is out of range; allowed 1 or more",
                        "17: @SpartaLambda: provisionedConcurrency = -1 is out of range; allowed 0 (none) or more"),
                compile("Orders", """
                        import io.sparta.annotations.ScheduledConcurrency;
                        import io.sparta.annotations.SpartaLambda;
                        public class Orders {
                            @SpartaLambda(provisionedConcurrency = 2, snapStart = true)
                            public String place() { return ""; }

                            @SpartaLambda(provisionedConcurrency = 10, reservedConcurrency = 5, concurrencySchedule =
                                    @ScheduledConcurrency(schedule = "rate(1 day)", concurrency = 6))
                            public String ship() { return ""; }

                            @SpartaLambda(concurrencySchedule = {
                                    @ScheduledConcurrency(schedule = "cron(0 8 * * MON-FRI *)", concurrency = 4),
                                    @ScheduledConcurrency(schedule = "at(2027-01-01T09:30:00)", concurrency = 0,
                                            timezone = "Berlin Time")})
                            public String bill() { return ""; }

                            @SpartaLambda(provisionedConcurrency = -1)
                            public String refund() { return ""; }
                        }
                        """));
        assertEquals(List.of(), compile("Orders", """
                        import io.sparta.annotations.ScheduledConcurrency;
                        import io.sparta.annotations.SpartaLambda;
                        public class Orders {
                            @SpartaLambda(provisionedConcurrency = 5, reservedConcurrency = 5, concurrencySchedule = {
                                    @ScheduledConcurrency(schedule = "cron(0 8 ? * MON-FRI *)", concurrency = 5,
                                            timezone = "Europe/Berlin"),
                                    @ScheduledConcurrency(schedule = "at(2027-01-01T09:30:00)", concurrency = 1)})
                            public String place() { return ""; }
                        }
                        """));
    }

    @Test
    void badSchedulesAndSchedulesWithoutAFunctionAreErrors() {
        assertEquals(
                List.of(
                        "4: @Schedule: schedule \"rate(5 minute)\" must say 5 minutes: EventBridge wants the"
                                + " singular unit for 1 and the plural otherwise",
                        "6: @Schedule needs @SpartaLambda on the same class or method"),
                compile("Jobs", """
                        import io.sparta.annotations.*;
                        public class Jobs {
                            @SpartaLambda @Schedule("rate(1 day)") @Schedule("rate(5 minute)")
                            public void nightly() {}

                            @Schedule("rate(1 day)")
                            public void forgotten() {}
                        }
                        """));
    }

    @Test
    void badQueueTriggersAreErrors() {
        assertEquals(
                List.of("3: @SqsTrigger: batchingWindowSeconds = 301 is out of range; allowed 0 to 300"),
                compile("Workers", """
                        import io.sparta.annotations.*;
                        public class Workers {
                            @SpartaLambda @SqsTrigger(queue = "arn:aws:sqs:us-east-1:123456789012:q", batchingWindowSeconds = 301)
                            public void work(String message) {}
                        }
                        """));
    }

    @Test
    void badAndDuplicateRoutesAndUrlsWithoutAFunctionAreErrors() {
        assertEquals(
                List.of(
                        "4: @HttpRoute: method = \"FETCH\" is not one of [GET, POST, PUT, PATCH, DELETE, HEAD,"
                                + " OPTIONS, ANY]",
                        "7: @HttpRoute: path = \"/files/{rest+}/meta\" has the greedy parameter {rest+} before its"
                                + " end; only the last segment may be greedy",
                        "10: @HttpRoute: route GET /orders/{orderId} on the HTTP API is already declared by"
                                + " Api#get (GET /orders/{id}); each method and path may be routed once",
                        "13: @HttpRoute: route GET /carts/{cart}/items calls the parameter after /carts {cart},"
                                + " but another REST route calls it {id}; a REST API takes one name per position",
                        "15: @FunctionUrl needs @SpartaLambda on the same class or method"),
                compile("Api", """
                        import io.sparta.annotations.*;
                        public class Api {
                            @SpartaLambda
                            @HttpRoute(method = "FETCH", path = "/a")
                            public void fetch() {}
                            @SpartaLambda
                            @HttpRoute(method = "GET", path = "/files/{rest+}/meta")
                            public void files() {}
                            @SpartaLambda @HttpRoute(method = "GET", path = "/orders/{id}") public void get() {}
                            @SpartaLambda @HttpRoute(method = "GET", path = "/orders/{orderId}") public void again() {}
                            @SpartaLambda @HttpRoute(method = "GET", path = "/carts/{id}", api = ApiKind.REST)
                            public void cart() {}
                            @SpartaLambda @HttpRoute(method = "GET", path = "/carts/{cart}/items", api = ApiKind.REST)
                            public void items() {}
                            @FunctionUrl
                            public void forgotten() {}
                        }
                        """));
    }

    /** By line, for checks whose order javac does not keep; the list still says what each error is and where. */
    private static List<String> sorted(List<String> errors) {
        return errors.stream()
                .sorted(java.util.Comparator.comparingInt(
                                (String e) -> Integer.parseInt(e.substring(0, e.indexOf(':'))))
                        .thenComparing(e -> e))
                .toList();
    }

    @Test
    void resourcesGrantsAndTriggersAreCheckedAndUndeclaredReferencesAreErrors() {
        assertEquals(
                List.of(
                        "2: @DynamoTable(name = \"Orders\"): name = \"Orders\" must be 1 to 32 lower-case letters, digits or '-', starting"
                                + " with a letter",
                        "2: @SqsQueue(name = \"work\"): visibilityTimeout = 50000 is out of range; allowed 0 to 43200 (seconds)",
                        "7: @DynamoDbTrigger reads the stream of table \"Orders\", which has none; set stream on its"
                                + " @DynamoTable",
                        "8: @Grant refers to \"payments\", but the service declares no @DynamoTable or @S3Bucket or"
                                + " @SqsQueue or @SnsTopic or @KinesisStream of that name; declared: [Orders, uploads,"
                                + " work]",
                        "10: @S3Trigger: events: \"s3:ObjectMade\" is not an S3 event type, such as"
                                + " s3:ObjectCreated:* or s3:ObjectRemoved:Delete",
                        "12: @SqsTrigger refers to \"uploads\", a @S3Bucket, where it needs a @SqsQueue",
                        "13: @SnsTrigger: topic = \"arn:aws:sns:us-east-1:1:t\" is neither a declared @SnsTopic's name"
                                + " nor an ARN like arn:aws:sns:REGION:ACCOUNT:TOPIC",
                        "16: @Allow: @Allow action \"send email\" is not service:Action, such as ses:SendEmail",
                        "18: @Grant needs @SpartaLambda on the same class or method"),
                sorted(compile("Shop", """
                        import io.sparta.annotations.*;
                        @DynamoTable(name = "Orders", partitionKey = "id") @S3Bucket(name = "uploads") @SqsQueue(name = "work", visibilityTimeout = 50000)
                        public class Shop {
                            @SpartaLambda @Grant(resource = "Orders", access = Access.WRITE)
                            public void place() {}
                            @SpartaLambda
                            @DynamoDbTrigger(table = "Orders")
                            @Grant(resource = "payments")
                            public void audit() {}
                            @SpartaLambda @S3Trigger(bucket = "uploads", events = "s3:ObjectMade")
                            public void upload() {}
                            @SpartaLambda @SqsTrigger(queue = "uploads")
                            @SnsTrigger(topic = "arn:aws:sns:us-east-1:1:t")
                            public void work() {}
                            @SpartaLambda
                            @Allow(actions = "send email", resources = "*")
                            public void mail() {}
                            @Grant(resource = "work")
                            public void forgotten() {}
                        }
                        """)));
    }

    @Test
    void everyProblemOfOneAnnotationIsReportedAndJsonIsParsed() {
        // javac and package share one rule list: an event rule with two faults reports both, and a filter policy
        // that only looks like JSON is caught here, not first at package time.
        assertEquals(
                List.of(
                        "4: @EventRule: description is 513 characters long; EventBridge allows at most 512",
                        "4: @EventRule: pattern must be a JSON object, such as {\"source\": [\"com.example\"]}",
                        "5: @SnsTrigger: filterPolicy is not valid JSON: '}' at character 10 is unexpected"),
                sorted(compile("Shop", """
                        import io.sparta.annotations.*;
                        public class Shop {
                            @SpartaLambda
                            @EventRule(pattern = "source = shop", description = "%s")
                            @SnsTrigger(topic = "arn:aws:sns:us-east-1:123456789012:t", filterPolicy = "{\\"kind\\": }")
                            public void react() {}
                        }
                        """.formatted("d".repeat(513)))));
    }

    @Test
    void schedulerSchedulesAreCheckedLikeEveryOtherKind() {
        // javac keeps no source position for the container it writes around repeated annotations, so their
        // problems stand at the method they annotate.
        assertEquals(
                List.of(
                        "6: @SchedulerSchedule: flexibleWindowMinutes = 2000 is out of range; allowed 0 (off) to 1440",
                        "6: @SchedulerSchedule: schedule \"at(2027-02-30T09:00:00)\" needs the time as"
                                + " yyyy-mm-ddThh:mm:ss, such as at(2027-01-01T09:30:00)",
                        "6: @SchedulerSchedule: timezone = \"Berlin time\" is not an IANA time zone name, such as"
                                + " Europe/Berlin or America/New_York",
                        "7: @SchedulerSchedule needs @SpartaLambda on the same class or method"),
                sorted(compile("Timed", """
                        import io.sparta.annotations.*;
                        public class Timed {
                            @SpartaLambda
                            @SchedulerSchedule("at(2027-02-30T09:00:00)")
                            @SchedulerSchedule(value = "rate(1 hour)", timezone = "Berlin time", flexibleWindowMinutes = 2000)
                            public void run() {}
                            @SchedulerSchedule("cron(0 9 ? * MON-FRI *)")
                            public void forgotten() {}
                        }
                        """)));
    }

    @Test
    void s3KeyFiltersWithWildcardsAreRefusedWithTheLiteralForm() {
        assertEquals(
                List.of("4: @S3Trigger: suffix = \"*.csv\" holds a wildcard, but S3 matches suffixes literally, so the"
                        + " trigger would never fire; write suffix = \".csv\""),
                compile("Imports", """
                        import io.sparta.annotations.*;
                        public class Imports {
                            @SpartaLambda
                            @S3Trigger(bucket = "arn:aws:s3:::their-drop", suffix = "*.csv")
                            public void onFile() {}
                        }
                        """));
    }

    @Test
    void aTriggersProblemStandsAtTheAttributeThatHasIt() {
        assertEquals(
                List.of(
                        "6: @SqsTrigger: batchSize = 100 is out of range; allowed 1 to 10 (up to 10000 with batchingWindowSeconds = 1"
                                + " or more)"),
                compile("Worker", """
                        import io.sparta.annotations.*;
                        public class Worker {
                            @SpartaLambda
                            @SqsTrigger(
                                    queue = "arn:aws:sqs:us-east-1:123456789012:jobs",
                                    batchSize = 100)
                            public void work() {}
                        }
                        """));
    }

    @Test
    void vpcTagsAndOnFailureDestinationsAreChecked() {
        assertEquals(
                List.of(
                        "4: @SpartaLambda: subnetIds and securityGroupIds go together: a function in a VPC needs both",
                        "5: @SpartaLambda: tags names one key twice",
                        "6: @SpartaLambda onFailure refers to \"dead-letters\", but the service declares no @SqsQueue or"
                                + " @SnsTopic of that name; declared: [work]"),
                sorted(compile("Guarded", """
                        import io.sparta.annotations.*;
                        @SqsQueue(name = "work")
                        public class Guarded {
                            @SpartaLambda(subnetIds = "subnet-0abc1234") public void a() {}
                            @SpartaLambda(tags = {@Tag(key = "team", value = "a"), @Tag(key = "team", value = "b")}) public void b() {}
                            @SpartaLambda(onFailure = "dead-letters") public void c() {}
                            @SpartaLambda(onFailure = "work", subnetIds = "subnet-0abc1234", securityGroupIds = "sg-0abc1234") public void d() {}
                        }
                        """)));
    }

    @Test
    void patternsLogGroupsBatchesKeysAndDuplicateResourcesAreChecked() {
        assertEquals(
                List.of(
                        "2: @DynamoTable(name = \"orders\"): partitionKey = \"\" must be 1 to 255 characters",
                        "2: @SnsTopic(name = \"orders\"): resource \"orders\" is declared twice (@DynamoTable and @SnsTopic at Feeds);"
                                + " resource names are unique in a service",
                        "4: @EventRule: pattern must be a JSON object, such as {\"source\": [\"com.example\"]}",
                        "5: @LogSubscription: logGroup = \"bad group\" is not a log group name (1 to 512 of letters,"
                                + " digits and ._-/#)",
                        "7: @KinesisTrigger: batchSize = 0 is out of range; allowed 1 to 10000",
                        "8: @DynamoDbTrigger: table = \"arn:aws:dynamodb:us-east-1:123456789012:table/orders\" is neither"
                                + " a declared @DynamoTable's name nor an ARN like"
                                + " arn:aws:dynamodb:REGION:ACCOUNT:table/TABLE/stream/LABEL"),
                sorted(compile("Feeds", """
                        import io.sparta.annotations.*;
                        @DynamoTable(name = "orders", partitionKey = "") @SnsTopic(name = "orders")
                        public class Feeds {
                            @SpartaLambda @EventRule(pattern = "source = shop")
                            @LogSubscription(logGroup = "bad group")
                            public void react() {}
                            @SpartaLambda @KinesisTrigger(stream = "arn:aws:kinesis:us-east-1:123456789012:stream/c", batchSize = 0)
                            @DynamoDbTrigger(table = "arn:aws:dynamodb:us-east-1:123456789012:table/orders")
                            public void feed() {}
                        }
                        """)));
    }

    @Test
    void aQueueHidingMessagesForLessThanItsConsumersTimeoutIsAnErrorAtTheTrigger() {
        // The queue keeps its default visibility timeout, 30 s; Lambda refuses the mapping of a 120 s function.
        assertEquals(
                List.of("5: @SqsTrigger(queue = \"work\") feeds a function with timeout = 120, but @SqsQueue(name ="
                        + " \"work\") on Workers has visibilityTimeout = 30; Lambda refuses an SQS mapping whose queue's"
                        + " visibility timeout is less than the function's timeout (allowed 120 to 43200): declare the"
                        + " queue with visibilityTimeout = 120 or more (AWS recommends 720, six times the timeout plus"
                        + " the batching window), or lower the timeout"),
                compile("Workers", """
                        import io.sparta.annotations.*;
                        @SqsQueue(name = "work") @SqsQueue(name = "slow", visibilityTimeout = 120)
                        public class Workers {
                            @SpartaLambda(timeout = 120)
                            @SqsTrigger(queue = "work")
                            public void tooSlow() {}
                            @SpartaLambda(timeout = 120)
                            @SqsTrigger(queue = "slow")
                            public void fits() {}
                        }
                        """));
    }

    @Test
    void fifoSourcesAndDestinationsAreHeldToWhatLambdaAcceptsOfThem() {
        assertEquals(
                List.of(
                        "4: @SqsTrigger: batchSize = 20 is out of range for the FIFO queue"
                                + " arn:aws:sqs:us-east-1:123456789012:orders.fifo; allowed 1 to 10",
                        "7: @SqsTrigger: batchingWindowSeconds = 5 is set for the FIFO queue"
                                + " arn:aws:sqs:us-east-1:123456789012:orders.fifo, but Lambda supports no batching"
                                + " window on FIFO queues; remove batchingWindowSeconds (0)",
                        "9: @SpartaLambda: onFailure = \"arn:aws:sqs:us-east-1:123456789012:dead.fifo\" is a FIFO queue,"
                                + " but Lambda sends failed invocations and records only to a standard SQS queue or SNS"
                                + " topic; name a standard one",
                        "10: @SnsTrigger: topic = \"arn:aws:sns:us-east-1:123456789012:news.fifo\" is an SNS FIFO"
                                + " topic, which delivers only to SQS queues, not to Lambda: subscribe an SQS FIFO queue to"
                                + " the topic and feed the function from that queue with @SqsTrigger"),
                sorted(compile("Ordered", """
                        import io.sparta.annotations.*;
                        public class Ordered {
                            @SpartaLambda
                            @SqsTrigger(queue = "arn:aws:sqs:us-east-1:123456789012:orders.fifo", batchSize = 20)
                            public void big() {}
                            @SpartaLambda
                            @SqsTrigger(queue = "arn:aws:sqs:us-east-1:123456789012:orders.fifo", batchingWindowSeconds = 5)
                            public void windowed() {}
                            @SpartaLambda(onFailure = "arn:aws:sqs:us-east-1:123456789012:dead.fifo")
                            @SnsTrigger(topic = "arn:aws:sns:us-east-1:123456789012:news.fifo")
                            public void news() {}
                        }
                        """)));
    }

    @Test
    void patternsWhereAwsMatchesLiterallyAreRefusedWithTheFormThatWorks() {
        assertEquals(
                List.of(
                        "4: @SnsTrigger: filterPolicy matches \"order-*\" exactly, since SNS has no wildcards; write"
                                + " {\"prefix\": \"order-\"} to match what starts with it",
                        "5: @EventRule: pattern matches \"com.shop.*\" exactly, since EventBridge reads * as a wildcard"
                                + " only in a wildcard match; write {\"wildcard\": \"com.shop.*\"} or {\"prefix\":"
                                + " \"com.shop.\"}",
                        "6: @LogSubscription: logGroup = \"/aws/lambda/*\" holds a wildcard, but a subscription filter"
                                + " belongs to one log group, named exactly; declare one @LogSubscription per log group,"
                                + " such as logGroup = \"/aws/lambda/orders\"",
                        "9: @DynamoDbTrigger: table = \"arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/*\""
                                + " holds a wildcard, but AWS reads a trigger's source as one exact ARN (wildcards work in"
                                + " IAM policies, not here); write the stream's own ARN, whose label is the time the stream"
                                + " was enabled (such as 2024-01-01T00:00:00.000; aws dynamodbstreams list-streams"
                                + " --table-name TABLE lists it)",
                        "10: @SqsTrigger: queue = \"arn:aws:sqs:us-east-1:123456789012:jobs-*\" holds a wildcard, but"
                                + " AWS reads a trigger's source as one exact ARN (wildcards work in IAM policies, not"
                                + " here); write the ARN of one queue, like arn:aws:sqs:REGION:ACCOUNT:QUEUE, and one"
                                + " trigger per queue",
                        "12: @HttpRoute: method = \"*\" is not one of [GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS,"
                                + " ANY]; API Gateway reads the method literally: write ANY for every method",
                        "13: @HttpRoute: path = \"/files/*\" has the segment \"*\", but API Gateway matches a path's"
                                + " segments literally; to route the rest of the path, end it with a greedy parameter,"
                                + " such as /files/{proxy+}",
                        "14: @HttpRoute: path = \"/orders/:id\" has the segment \":id\", but API Gateway names a path"
                                + " parameter in braces; write {id}",
                        "15: @Grant refers to \"orders-*\", but a reference names one @DynamoTable or @S3Bucket or"
                                + " @SqsQueue or @SnsTopic or @KinesisStream exactly, not a pattern; name each resource in"
                                + " an annotation of its own; declared: [orders-eu]"),
                sorted(compile("Wild", """
                        import io.sparta.annotations.*;
                        @DynamoTable(name = "orders-eu", partitionKey = "id") public class Wild {
                            @SpartaLambda
                            @SnsTrigger(topic = "arn:aws:sns:us-east-1:123456789012:news", filterPolicy = "{\\"kind\\": [\\"order-*\\"]}")
                            @EventRule(pattern = "{\\"source\\": [\\"com.shop.*\\"]}")
                            @LogSubscription(logGroup = "/aws/lambda/*")
                            public void patterns() {}
                            @SpartaLambda
                            @DynamoDbTrigger(table = "arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/*")
                            @SqsTrigger(queue = "arn:aws:sqs:us-east-1:123456789012:jobs-*")
                            public void sources() {}
                            @SpartaLambda @HttpRoute(method = "*", path = "/files") public void any() {}
                            @SpartaLambda @HttpRoute(method = "GET", path = "/files/*") public void files() {}
                            @SpartaLambda @HttpRoute(method = "GET", path = "/orders/:id") public void order() {}
                            @SpartaLambda @Grant(resource = "orders-*") public void grant() {}
                        }
                        """)));
    }

    @Test
    void overlappingNotificationsRepeatedMappingsAndAThirdSubscriptionFilterAreErrors() {
        assertEquals(
                List.of(
                        "6: @S3Trigger(bucket = \"uploads\", prefix = \"\", suffix = \".csv\") overlaps the one of"
                                + " Busy#incoming (prefix = \"in/\", suffix = \"\"): both would be notified of"
                                + " s3:ObjectCreated:* for a key such as \"in/x.csv\", and S3 refuses such a bucket"
                                + " configuration as ambiguous; give them prefixes or suffixes no key has both of (such as"
                                + " suffix = \".csv\" and suffix = \".json\"), or event types they do not share",
                        "11: @KinesisTrigger(stream = \"clicks\") is declared twice on this function; Lambda allows one"
                                + " event source mapping per function and stream and refuses the second: declare it once",
                        "16: @LogSubscription(logGroup = \"/aws/lambda/a\") is declared 3 times in the service"
                                + " (Busy#one, Busy#two, Busy#three); CloudWatch Logs allows at most 2 subscription"
                                + " filters on a log group (fewer when it already has its own): subscribe at most 2"
                                + " functions to it"),
                sorted(compile("Busy", """
                        import io.sparta.annotations.*;
                        @S3Bucket(name = "uploads") @KinesisStream(name = "clicks")
                        public class Busy {
                            @SpartaLambda @S3Trigger(bucket = "uploads", prefix = "in/")
                            public void incoming() {}
                            @SpartaLambda @S3Trigger(bucket = "uploads", suffix = ".csv")
                            public void csv() {}
                            @SpartaLambda @S3Trigger(bucket = "uploads", events = "s3:ObjectRemoved:*", suffix = ".csv")
                            public void removed() {}
                            @SpartaLambda @KinesisTrigger(stream = "clicks") @KinesisTrigger(stream = "clicks", batchSize = 10)
                            public void twice() {}
                            @SpartaLambda @LogSubscription(logGroup = "/aws/lambda/a")
                            public void one() {}
                            @SpartaLambda @LogSubscription(logGroup = "/aws/lambda/a")
                            public void two() {}
                            @SpartaLambda @LogSubscription(logGroup = "/aws/lambda/a")
                            public void three() {}
                        }
                        """)));
    }

    @Test
    void theFormsTheMessagesSuggestCompileCleanly() {
        assertEquals(List.of(), compile("Fixed", """
                import io.sparta.annotations.*;
                @SqsQueue(name = "work", visibilityTimeout = 120) @S3Bucket(name = "uploads")
                public class Fixed {
                    @SpartaLambda(timeout = 120, onFailure = "arn:aws:sqs:us-east-1:123456789012:dead")
                    @SqsTrigger(queue = "work", batchSize = 100, batchingWindowSeconds = 1)
                    @SqsTrigger(queue = "arn:aws:sqs:us-east-1:123456789012:orders.fifo", batchSize = 10)
                    public void work() {}
                    @SpartaLambda
                    @SnsTrigger(topic = "arn:aws:sns:us-east-1:123456789012:news", filterPolicy = "{\\"kind\\": [{\\"prefix\\": \\"order-\\"}]}")
                    @EventRule(pattern = "{\\"source\\": [{\\"wildcard\\": \\"com.shop.*\\"}]}")
                    @LogSubscription(logGroup = "/aws/lambda/orders")
                    public void patterns() {}
                    @SpartaLambda @LogSubscription(logGroup = "/aws/lambda/orders") public void second() {}
                    @SpartaLambda
                    @DynamoDbTrigger(table = "arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2024-01-01T00:00:00.000")
                    @S3Trigger(bucket = "uploads", prefix = "in/", suffix = ".csv")
                    public void csv() {}
                    @SpartaLambda @S3Trigger(bucket = "uploads", prefix = "in/", suffix = ".json") public void json() {}
                    @SpartaLambda @HttpRoute(method = "ANY", path = "/files/{proxy+}") public void files() {}
                    @SpartaLambda @HttpRoute(method = "GET", path = "/orders/{id}") public void order() {}
                }
                """));
    }

    /** A custom resource handler {@code Seeder} under the annotations given, with more members. */
    private static String seeder(String annotations, String members) {
        return """
                %s
                public class Seeder extends io.sparta.runtime.customresource.CustomResourceFunction {
                    protected io.sparta.runtime.customresource.CustomResourceResult create(
                            io.sparta.runtime.customresource.CustomResourceRequest r) { return null; }
                    protected io.sparta.runtime.customresource.CustomResourceResult update(
                            io.sparta.runtime.customresource.CustomResourceRequest r) { return null; }
                    protected void delete(io.sparta.runtime.customresource.CustomResourceRequest r) {}
                    %s
                }
                """.formatted(annotations, members);
    }

    @Test
    void aCustomResourceHandledByACustomResourceFunctionCompilesCleanly() {
        assertEquals(List.of(), compile("Seeder", """
                import io.sparta.annotations.*;
                @DynamoTable(name = "products", partitionKey = "id")
                @CustomResource(name = "seed", type = "Custom::TableSeed", function = "Seeder",
                    properties = {@ResourceProperty(name = "TableName", ref = "products"),
                                  @ResourceProperty(name = "TableArn", ref = "products", attribute = "Arn"),
                                  @ResourceProperty(name = "Ids", value = "a,b")},
                    outputs = "RowCount")
                @CustomResource(name = "after-seed", type = "Custom::Echo", function = "Seeder",
                    properties = @ResourceProperty(name = "Rows", ref = "seed", attribute = "RowCount"))
                """ + seeder("@SpartaLambda(name = \"Seeder\")", "")));
    }

    /** Repeated annotations are reported where javac puts their container: at the class. */
    @Test
    void customResourceMisusesAreErrorsNamingTheFix() {
        assertEquals(
                List.of(
                        "16: @CustomResource(name = \"b\"): type = \"TableSeed\" must be Custom:: followed by 1 to 60"
                                + " letters, digits or _@-, such as Custom::TableSeed",
                        "16: @CustomResource(name = \"c\"): type = \"Custom::SpartaSeed\": types starting with"
                                + " Custom::Sparta are Sparta's own; choose another name, such as Custom::Seed",
                        "16: @CustomResource(name = \"d\"): property ServiceToken is CloudFormation's own (the handler's"
                                + " ARN, which Sparta writes); give the property another name",
                        "16: @CustomResource(name = \"e\"): property Rows has both value and ref; give one",
                        "16: @CustomResource(name = \"f\"): property Rows has attribute = \"Arn\" without ref; name the"
                                + " declared resource whose attribute it is",
                        "16: @CustomResource(name = \"g\"): property Me refers to the resource itself (ref = \"g\"),"
                                + " which CloudFormation refuses as a circular dependency",
                        "16: @CustomResource(name = \"h\"): property A is given twice; each property once",
                        "16: @CustomResource(name = \"i\"): outputs: \"Row-Count\" is not a data key a stack output can"
                                + " be named after (1 to 255 letters or digits)",
                        "16: @CustomResource(name = \"l\"): type = \"AWS::CloudFormation::CustomResource\": Sparta"
                                + " writes custom resources as Custom::Name, the form that names what the resource is in"
                                + " the stack's events; name yours, such as Custom::Seed",
                        "16: @CustomResource(name = \"m\"): property Empty has neither value nor ref; give one, or"
                                + " leave the property out",
                        "15: @Grant refers to \"a\", a @CustomResource, where it needs a @DynamoTable or @S3Bucket or"
                                + " @SqsQueue or @SnsTopic or @KinesisStream",
                        "16: @CustomResource(name = \"i\") property T refers to \"nothing\", but the service declares no"
                                + " @DynamoTable or @S3Bucket or @SqsQueue or @SnsTopic or @KinesisStream or"
                                + " @CustomResource of that name; declared: [a, b, c, d, e, f, g, h, i, j, k, l, m]",
                        "16: @CustomResource(name = \"j\"): function = \"Plain\" does not extend"
                                + " io.sparta.runtime.customresource.CustomResourceFunction, so it cannot answer"
                                + " CloudFormation; the functions extending CustomResourceFunction: [Seeder]",
                        "16: @CustomResource(name = \"k\"): function = \"Missing\" is not a @SpartaLambda function of the"
                                + " service; the functions extending CustomResourceFunction: [Seeder]"),
                compile(
                        "Seeder",
                        """
                        import io.sparta.annotations.*;
                        @CustomResource(name = "a", type = "Custom::Ok", function = "Seeder")
                        @CustomResource(name = "b", type = "TableSeed", function = "Seeder")
                        @CustomResource(name = "c", type = "Custom::SpartaSeed", function = "Seeder")
                        @CustomResource(name = "d", type = "Custom::Ok", function = "Seeder", properties = @ResourceProperty(name = "ServiceToken", value = "x"))
                        @CustomResource(name = "e", type = "Custom::Ok", function = "Seeder", properties = @ResourceProperty(name = "Rows", value = "x", ref = "a"))
                        @CustomResource(name = "f", type = "Custom::Ok", function = "Seeder", properties = @ResourceProperty(name = "Rows", attribute = "Arn"))
                        @CustomResource(name = "g", type = "Custom::Ok", function = "Seeder", properties = @ResourceProperty(name = "Me", ref = "g"))
                        @CustomResource(name = "h", type = "Custom::Ok", function = "Seeder", properties = {@ResourceProperty(name = "A", value = "1"), @ResourceProperty(name = "A", value = "2")})
                        @CustomResource(name = "i", type = "Custom::Ok", function = "Seeder", outputs = "Row-Count", properties = @ResourceProperty(name = "T", ref = "nothing"))
                        @CustomResource(name = "j", type = "Custom::Ok", function = "Plain")
                        @CustomResource(name = "k", type = "Custom::Ok", function = "Missing")
                        @CustomResource(name = "l", type = "AWS::CloudFormation::CustomResource", function = "Seeder")
                        @CustomResource(name = "m", type = "Custom::Ok", function = "Seeder", properties = @ResourceProperty(name = "Empty"))
                        """
                                + seeder(
                                        "@SpartaLambda(name = \"Seeder\") @Grant(resource = \"a\")",
                                        "@SpartaLambda(name = \"Plain\") public void plain() {}")));
    }

    @Test
    void tableIndexesTimeToLiveAndCapacityAreCheckedAtTheirAttributes() {
        assertEquals(
                List.of(
                        "17: @DynamoTable(name = \"carts\"): readCapacity = 40001 is out of range; allowed 1 to 40000 (capacity"
                                + " units), or 0 with writeCapacity = 0 for on-demand capacity",
                        "17: @DynamoTable(name = \"orders\"): attribute \"id\" is a key of type STRING and of type NUMBER;"
                                + " DynamoDB keeps one type per attribute: declare it with one type everywhere",
                        "17: @DynamoTable(name = \"orders\"): global index \"by\": partitionKey is empty; a global index"
                                + " needs a partition key of its own, such as partitionKey = \"customerId\"",
                        "17: @DynamoTable(name = \"orders\"): index \"by-customer\": projection = INCLUDE names no"
                                + " nonKeyAttributes; list the attributes to copy, or use KEYS_ONLY",
                        "17: @DynamoTable(name = \"orders\"): index name = \"by\" must be 3 to 255 of letters, digits, '_',"
                                + " '-' and '.'",
                        "17: @DynamoTable(name = \"orders\"): local index \"by-status\": the table has no sortKey, and"
                                + " DynamoDB creates local indexes only on a table with a partition and a sort key; give"
                                + " the table a sortKey, or make this a global index (globalIndexes) with partitionKey ="
                                + " \"id\"",
                        "17: @DynamoTable(name = \"orders\"): readCapacity = 5 and writeCapacity = 0: set both (1 to"
                                + " 40000) for provisioned capacity, or neither for on-demand capacity",
                        "17: @DynamoTable(name = \"orders\"): timeToLiveAttribute = \"id\" is a key of type STRING, but"
                                + " DynamoDB expires only items whose time-to-live attribute is a Number (seconds since the"
                                + " epoch) and ignores the others: name a Number attribute",
                        "17: @DynamoTable(name = \"sessions\"): global index \"by-day\": readCapacity = 2, writeCapacity"
                                + " = 2 on a table with on-demand capacity, which has no capacity units to set; remove"
                                + " them, or give the table readCapacity and writeCapacity",
                        "17: @DynamoTable(name = \"sessions\"): index \"by-day\": nonKeyAttributes are set with"
                                + " projection = ALL; DynamoDB reads them with projection = INCLUDE only: set that, or"
                                + " remove them",
                        "17: @DynamoTable(name = \"sessions\"): index \"by-day\": the name is declared twice; index"
                                + " names are unique in a table, global and local together",
                        "17: @DynamoTable(name = \"sessions\"): local index \"by-at\": sortKey = \"at\" is the table's"
                                + " own sort key, so the index would order items as the table does; sort by another"
                                + " attribute",
                        "17: @DynamoTable(name = \"sessions\"): local index \"by-day\": partitionKey = \"day\", but a"
                                + " local index shares the table's partition key \"user\"; leave partitionKey empty, or"
                                + " make this a global index (globalIndexes)"),
                sorted(compile("Tables", """
                        import io.sparta.annotations.*;
                        @DynamoTable(name = "orders", partitionKey = "id", readCapacity = 5,
                                globalIndexes = {
                                        @TableIndex(name = "by", sortKey = "at"),
                                        @TableIndex(name = "by-customer", partitionKey = "id", partitionKeyType = KeyType.NUMBER,
                                                projection = Projection.INCLUDE)},
                                localIndexes = @TableIndex(name = "by-status", sortKey = "status"),
                                timeToLiveAttribute = "id")
                        @DynamoTable(name = "sessions", partitionKey = "user", sortKey = "at",
                                globalIndexes = @TableIndex(name = "by-day", partitionKey = "day", readCapacity = 2, writeCapacity = 2,
                                        nonKeyAttributes = "total"),
                                localIndexes = {
                                        @TableIndex(name = "by-at", sortKey = "at"),
                                        @TableIndex(name = "by-day", partitionKey = "day", sortKey = "status")})
                        @DynamoTable(name = "carts", partitionKey = "id", readCapacity = 40001, writeCapacity = 40000,
                                timeToLiveAttribute = "expiresAt")
                        public class Tables {}
                        """)));
    }

    @Test
    void fifoDeadLetterAndFailedRecordSettingsAreCheckedAcrossDeclarations() {
        assertEquals(
                List.of(
                        "9: @SnsTopic(name = \"alerts\"): contentBasedDeduplication = true on a standard topic; SNS"
                                + " deduplicates FIFO topics only: set fifo = true, or remove contentBasedDeduplication",
                        "9: @SqsQueue(name = \"jobs\") deadLetterQueue refers to \"missing\", but the service declares"
                                + " no @SqsQueue of that name; declared: [jobs, payments, payments-failed, work]",
                        "9: @SqsQueue(name = \"payments\"): deadLetterQueue = \"payments-failed\" is a standard queue, but the dead-letter queue of a"
                                + " FIFO queue must be FIFO too: declare @SqsQueue(name = \"payments-failed\", fifo ="
                                + " true)",
                        "9: @SqsQueue(name = \"payments\"): maxReceiveCount = 0 is out of range; allowed 1 to 1000",
                        "9: @SqsQueue(name = \"work\"): contentBasedDeduplication = true on a standard queue; SQS"
                                + " deduplicates FIFO queues only: set fifo = true, or remove contentBasedDeduplication",
                        "9: @SqsQueue(name = \"work\"): deadLetterQueue = \"work\" is the queue itself; declare another"
                                + " @SqsQueue to hold the messages that fail, such as @SqsQueue(name = \"work-failed\")",
                        "11: @SqsTrigger: batchingWindowSeconds = 5 is set for the FIFO queue payments, but Lambda supports no"
                                + " batching window on FIFO queues; remove batchingWindowSeconds (0)",
                        "12: @SnsTrigger: topic = \"ledger\" is an SNS FIFO topic, which delivers only to SQS queues, not to Lambda:"
                                + " subscribe an SQS FIFO queue to the topic and feed the function from that queue with"
                                + " @SqsTrigger",
                        "14: @SpartaLambda: onFailure = \"payments\" is a FIFO queue, but Lambda sends failed invocations and records"
                                + " only to a standard SQS queue or SNS topic; name a standard one",
                        "15: @DynamoDbTrigger: maximumRetryAttempts = -2 is out of range; allowed 0 to 10000, or -1 to"
                                + " retry until the records expire",
                        "15: @DynamoDbTrigger: onFailure = \"ledger\" is a FIFO topic, but Lambda sends failed invocations and records"
                                + " only to a standard SQS queue or SNS topic; name a standard one",
                        "17: @KinesisTrigger: maximumRetryAttempts = 10001 is out of range; allowed 0 to 10000, or -1 to"
                                + " retry until the records expire",
                        "17: @KinesisTrigger: onFailure = \"arn:aws:sqs:us-east-1:123456789012:failed.fifo\" is a FIFO"
                                + " queue, but Lambda sends failed invocations and records only to a standard SQS queue or"
                                + " SNS topic; name a standard one"),
                sorted(compile("Queues", """
                        import io.sparta.annotations.*;
                        @SqsQueue(name = "payments", fifo = true, deadLetterQueue = "payments-failed", maxReceiveCount = 0)
                        @SqsQueue(name = "payments-failed")
                        @SqsQueue(name = "work", contentBasedDeduplication = true, deadLetterQueue = "work")
                        @SqsQueue(name = "jobs", deadLetterQueue = "missing")
                        @SnsTopic(name = "ledger", fifo = true)
                        @SnsTopic(name = "alerts", contentBasedDeduplication = true)
                        @DynamoTable(name = "orders", partitionKey = "id", stream = StreamView.NEW_IMAGE)
                        public class Queues {
                            @SpartaLambda(timeout = 10)
                            @SqsTrigger(queue = "payments", batchSize = 10, batchingWindowSeconds = 5)
                            @SnsTrigger(topic = "ledger")
                            public void pay() {}
                            @SpartaLambda(onFailure = "payments")
                            @DynamoDbTrigger(table = "orders", onFailure = "ledger", maximumRetryAttempts = -2)
                            @KinesisTrigger(stream = "arn:aws:kinesis:us-east-1:123456789012:stream/clicks",
                                    onFailure = "arn:aws:sqs:us-east-1:123456789012:failed.fifo", maximumRetryAttempts = 10001)
                            public void audit() {}
                            @SpartaLambda
                            @DynamoDbTrigger(table = "orders", onFailure = "work", maximumRetryAttempts = 10000)
                            @KinesisTrigger(stream = "arn:aws:kinesis:us-east-1:123456789012:stream/clicks", onFailure = "alerts",
                                    maximumRetryAttempts = -1)
                            public void fine() {}
                        }
                        """)));
    }
}
