package io.sparta.annotations.processing;

import io.sparta.annotations.DeploymentType;
import io.sparta.annotations.Env;
import io.sparta.annotations.ScheduledConcurrency;
import io.sparta.annotations.SpartaLambda;
import io.sparta.annotations.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of AWS Lambda for one {@link SpartaLambda} declaration, shared by the annotation processor (at
 * compile time) and the Maven plugin (at package time, for builds that run no processors). Each check returns
 * the problem in words, or nothing.
 */
public final class FunctionRules {

    public static final int MEMORY_MIN = 128;
    public static final int MEMORY_MAX = 10_240;
    public static final int TIMEOUT_MIN = 1;
    public static final int TIMEOUT_MAX = 900;
    public static final int DESCRIPTION_MAX = 256;
    public static final int FUNCTION_NAME_MAX = 64;
    public static final int EPHEMERAL_STORAGE_MIN = 512;
    public static final int EPHEMERAL_STORAGE_MAX = 10_240;
    public static final int LAYERS_MAX = 5;

    /**
     * The longest layer module name. The layer is named {@code <stack>-<name>} within Lambda's 140 characters, which
     * {@code package} checks against the stack's name.
     */
    public static final int LAYER_MODULE_NAME_MAX = 64;

    /**
     * A problem of a {@code @SpartaLambda} handler as javac's processor and {@code package} both word it: the
     * annotation's name, a colon and the problem ({@code package} puts the handler's class and method before it,
     * which javac shows as the source position).
     */
    public static String labelled(String problem) {
        return "@" + SpartaLambda.class.getSimpleName() + ": " + problem;
    }

    /** The handler signatures Lambda's Java runtime can call, in words. */
    public static final String ACCEPTED_SIGNATURES =
            "(), (event), (event, Context), (InputStream, OutputStream) or (InputStream, OutputStream, Context)";

    private static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern LAYER_VERSION_ARN =
            Pattern.compile("arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:layer:[A-Za-z0-9_-]+:\\d+");
    /**
     * A layer module's name: the artifactId of the module that builds it, as Lambda's layer names allow (the layer is
     * named {@code <stack>-<name>}).
     */
    private static final Pattern LAYER_MODULE_NAME = Pattern.compile("[A-Za-z0-9_-]{1," + LAYER_MODULE_NAME_MAX + "}");

    private static final Pattern ROLE_ARN =
            Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/(?:[\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}");
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";
    private static final String INPUT_STREAM = "java.io.InputStream";
    private static final String OUTPUT_STREAM = "java.io.OutputStream";

    /** Variables the Lambda runtime sets itself and refuses in a function's configuration. */
    public static final Set<String> RESERVED_ENVIRONMENT = Set.of(
            "_HANDLER",
            "_X_AMZN_TRACE_ID",
            "AWS_DEFAULT_REGION",
            "AWS_REGION",
            "AWS_EXECUTION_ENV",
            "AWS_LAMBDA_FUNCTION_NAME",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_INITIALIZATION_TYPE",
            "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME",
            "AWS_ACCESS_KEY",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN",
            "AWS_LAMBDA_RUNTIME_API",
            "LAMBDA_TASK_ROOT",
            "LAMBDA_RUNTIME_DIR");

    private FunctionRules() {}

    public static Optional<String> memory(int memory) {
        return memory < MEMORY_MIN || memory > MEMORY_MAX
                ? Optional.of("memory = " + memory + " is out of range; allowed " + MEMORY_MIN + " to " + MEMORY_MAX
                        + " (MB)")
                : Optional.empty();
    }

    public static Optional<String> timeout(int timeout) {
        return timeout < TIMEOUT_MIN || timeout > TIMEOUT_MAX
                ? Optional.of("timeout = " + timeout + " is out of range; allowed " + TIMEOUT_MIN + " to " + TIMEOUT_MAX
                        + " (seconds)")
                : Optional.empty();
    }

    public static Optional<String> logRetentionDays(int days) {
        return days == SpartaLambda.LOGS_NEVER_EXPIRE
                        || Arrays.stream(SpartaLambda.LOG_RETENTION_DAYS).anyMatch(allowed -> allowed == days)
                ? Optional.empty()
                : Optional.of("logRetentionDays = " + days + " is not a retention CloudWatch Logs accepts; allowed "
                        + Arrays.toString(SpartaLambda.LOG_RETENTION_DAYS) + ", or " + SpartaLambda.LOGS_NEVER_EXPIRE
                        + " for logs that never expire");
    }

    public static Optional<String> reservedConcurrency(int reserved) {
        return reserved < -1
                ? Optional.of("reservedConcurrency = " + reserved
                        + " is out of range; allowed 0 and up, or -1 to reserve" + " none")
                : Optional.empty();
    }

    public static Optional<String> ephemeralStorage(int megabytes) {
        return megabytes < EPHEMERAL_STORAGE_MIN || megabytes > EPHEMERAL_STORAGE_MAX
                ? Optional.of("ephemeralStorage = " + megabytes + " is out of range; allowed " + EPHEMERAL_STORAGE_MIN
                        + " to " + EPHEMERAL_STORAGE_MAX + " (MB)")
                : Optional.empty();
    }

    public static Optional<String> layers(List<String> layers) {
        if (layers.size() > LAYERS_MAX) {
            return Optional.of("layers holds " + layers.size() + " layers; Lambda allows at most " + LAYERS_MAX);
        }
        return layers.stream()
                .filter(layer -> !LAYER_VERSION_ARN.matcher(layer).matches()
                        && (layer.startsWith("arn:")
                                || !LAYER_MODULE_NAME.matcher(layer).matches()))
                .findFirst()
                .map(layer -> "layers entry \"" + layer + "\" is "
                        + (layer.startsWith("arn:")
                                ? "not a layer version ARN (arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION)"
                                : "neither a layer version ARN (arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION) nor"
                                        + " the artifactId of a layer module (1 to " + LAYER_MODULE_NAME_MAX
                                        + " of letters, digits, - and _)"));
    }

    /**
     * Whether a {@code layers} entry names a layer module, built from a module of the build, rather than a layer
     * version by ARN.
     */
    public static boolean isLayerModule(String layer) {
        return !layer.startsWith("arn:");
    }

    /** IAM's hard limit of managed policies attached to one role. */
    public static final int MANAGED_POLICIES_MAX = 20;

    private static final Pattern MANAGED_POLICY_ARN =
            Pattern.compile("arn:aws[a-z-]*:iam::(aws|\\d{12}):policy/[\\w+=,.@/-]{1,512}");

    /**
     * @param role the function's existing role, or empty when Sparta generates one
     * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html">IAM quotas</a>
     */
    public static Optional<String> managedPolicies(List<String> arns, String role) {
        if (arns.isEmpty()) {
            return Optional.empty();
        }
        if (!role.isEmpty()) {
            return Optional.of("managedPolicies attach to the role Sparta generates, and role = \"" + role + "\" names"
                    + " an existing one; attach the policies to that role, or drop role=");
        }
        if (arns.size() > MANAGED_POLICIES_MAX) {
            return Optional.of("managedPolicies holds " + arns.size() + " policies; IAM attaches at most "
                    + MANAGED_POLICIES_MAX + " to a role");
        }
        return arns.stream()
                .filter(arn -> !MANAGED_POLICY_ARN.matcher(arn).matches())
                .findFirst()
                .map(arn -> "managedPolicies entry \"" + arn + "\" is not a managed policy ARN: write"
                        + " arn:aws:iam::aws:policy/NAME for an AWS managed policy or arn:aws:iam::ACCOUNT:policy/NAME"
                        + " for the account's own");
    }

    /** Whether a managed policy is AWS's own, which grants on every resource rather than the function's. */
    public static boolean awsManaged(String arn) {
        return arn.contains(":iam::aws:policy/");
    }

    public static Optional<String> snapStart(boolean snapStart, int ephemeralStorage) {
        return snapStart && ephemeralStorage > EPHEMERAL_STORAGE_MIN
                ? Optional.of("snapStart = true and ephemeralStorage = " + ephemeralStorage + " contradict each other:"
                        + " Lambda's SnapStart takes at most " + EPHEMERAL_STORAGE_MIN + " MB of ephemeral storage")
                : Optional.empty();
    }

    /** Application Auto Scaling's quota of scheduled actions on one scalable target. */
    public static final int SCHEDULED_ACTIONS_MAX = 200;

    /**
     * A function's provisioned concurrency against its other settings: never negative, not with SnapStart (Lambda
     * refuses the pair on one version), at most its reserved concurrency, which it is allocated from.
     */
    public static Optional<String> provisionedConcurrency(int provisioned, int reserved, boolean snapStart) {
        if (provisioned < 0) {
            return Optional.of(
                    "provisionedConcurrency = " + provisioned + " is out of range; allowed 0 (none) or more");
        }
        if (provisioned > 0 && snapStart) {
            return Optional.of("provisionedConcurrency = " + provisioned + " and snapStart = true contradict each"
                    + " other: Lambda does not combine SnapStart with provisioned concurrency; keep one");
        }
        if (reserved >= 0 && provisioned > reserved) {
            return Optional.of("provisionedConcurrency = " + provisioned + " exceeds reservedConcurrency = " + reserved
                    + ", which Lambda allocates it from; raise reservedConcurrency or lower provisionedConcurrency");
        }
        return Optional.empty();
    }

    /** One {@code @ScheduledConcurrency}, as its rules read it. */
    public record ConcurrencyChange(String schedule, int concurrency, String timezone) {}

    /**
     * The changes of a function's provisioned concurrency over time: each a schedule Application Auto Scaling takes,
     * in an IANA time zone, to 1 or more environments (at most the reserved concurrency); only beside a
     * provisioned concurrency, and at most {@link #SCHEDULED_ACTIONS_MAX}.
     */
    public static List<String> concurrencySchedule(int provisioned, int reserved, List<ConcurrencyChange> changes) {
        List<String> problems = new ArrayList<>();
        if (changes.isEmpty()) {
            return problems;
        }
        if (provisioned <= 0) {
            problems.add("concurrencySchedule needs provisionedConcurrency, the number each deployment sets before"
                    + " the schedule changes it; set provisionedConcurrency to 1 or more");
        }
        if (changes.size() > SCHEDULED_ACTIONS_MAX) {
            problems.add("concurrencySchedule holds " + changes.size() + " changes; Application Auto Scaling allows "
                    + SCHEDULED_ACTIONS_MAX);
        }
        for (int i = 0; i < changes.size(); i++) {
            ConcurrencyChange change = changes.get(i);
            String where = "concurrencySchedule[" + i + "]: ";
            ScheduleRules.schedulerExpression(change.schedule()).ifPresent(problem -> problems.add(where + problem));
            ScheduleRules.timezone(change.timezone()).ifPresent(problem -> problems.add(where + problem));
            if (change.concurrency() < 1) {
                problems.add(where + "concurrency = " + change.concurrency() + " is out of range; allowed 1 or more");
            } else if (reserved >= 0 && change.concurrency() > reserved) {
                problems.add(where + "concurrency = " + change.concurrency() + " exceeds reservedConcurrency = "
                        + reserved + ", which Lambda allocates it from");
            }
        }
        return problems;
    }

    public static final int SUBNETS_MAX = 16;

    public static final int SECURITY_GROUPS_MAX = 5;
    public static final int FUNCTION_TAGS_MAX = 50;
    public static final int TAG_KEY_MAX = 128;
    public static final int TAG_VALUE_MAX = 256;

    private static final Pattern SUBNET = Pattern.compile("subnet-[0-9a-f]{8,17}");
    private static final Pattern SECURITY_GROUP = Pattern.compile("sg-[0-9a-f]{8,17}");

    /** Both lists or neither: Lambda places a function in a VPC through subnets and security groups together. */
    public static Optional<String> vpc(List<String> subnetIds, List<String> securityGroupIds) {
        if (subnetIds.isEmpty() != securityGroupIds.isEmpty()) {
            return Optional.of("subnetIds and securityGroupIds go together: a function in a VPC needs both");
        }
        if (subnetIds.size() > SUBNETS_MAX) {
            return Optional.of(
                    "subnetIds holds " + subnetIds.size() + " subnets; Lambda allows at most " + SUBNETS_MAX);
        }
        if (securityGroupIds.size() > SECURITY_GROUPS_MAX) {
            return Optional.of("securityGroupIds holds " + securityGroupIds.size() + " groups; Lambda allows at most "
                    + SECURITY_GROUPS_MAX);
        }
        return subnetIds.stream()
                .filter(id -> !SUBNET.matcher(id).matches())
                .findFirst()
                .map(id -> "subnetIds entry \"" + id + "\" is not a subnet id (subnet-0abc1234)")
                .or(() -> securityGroupIds.stream()
                        .filter(id -> !SECURITY_GROUP.matcher(id).matches())
                        .findFirst()
                        .map(id -> "securityGroupIds entry \"" + id + "\" is not a security group id (sg-0abc1234)"));
    }

    /** @param keys the tags' keys, in declaration order, each with its value at the same index in values */
    public static List<String> tags(List<String> keys, List<String> values) {
        if (keys.size() > FUNCTION_TAGS_MAX) {
            return List.of("tags holds " + keys.size() + " tags; Lambda allows at most " + FUNCTION_TAGS_MAX);
        }
        List<String> problems = new ArrayList<>();
        if (keys.stream().distinct().count() != keys.size()) {
            problems.add("tags names one key twice");
        }
        for (int i = 0; i < keys.size(); i++) {
            tag(keys.get(i), values.get(i)).ifPresent(problem -> problems.add("tag " + problem));
        }
        return problems;
    }

    /**
     * One tag as AWS accepts it on a function or a stack: the message starts with the key, for the caller to say
     * which tag ({@code tag key ...} on an annotation, {@code <tags> key ...} in the pom).
     */
    public static Optional<String> tag(String key, String value) {
        boolean badKey = key.isEmpty()
                || key.length() > TAG_KEY_MAX
                || key.toLowerCase(Locale.ROOT).startsWith("aws:");
        boolean longValue = value.length() > TAG_VALUE_MAX;
        if (!badKey && !longValue) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        if (badKey) {
            parts.add("key \"" + key + "\" must be 1 to " + TAG_KEY_MAX + " characters and not start with aws:");
        }
        if (longValue) {
            parts.add((badKey ? "its value has " : "key " + key + " has a value of ") + value.length()
                    + " characters; at most " + TAG_VALUE_MAX);
        }
        return Optional.of(String.join(", and ", parts));
    }

    /** {@code Orders} for a class, {@code Orders-place} for a method: a function's name when none is set. */
    public static String defaultName(String binaryClassName, String methodName) {
        String simple =
                binaryClassName.substring(binaryClassName.lastIndexOf('.') + 1).replace('$', '-');
        return methodName == null ? simple : simple + "-" + methodName;
    }

    public static String duplicateName(String name, String earlier, String where) {
        return "two functions are named \"" + name + "\": " + earlier + " and " + where
                + "; set a distinct name on one of them";
    }

    /**
     * Every rule of one {@code @SpartaLambda} that the declaration alone decides, each problem at its attribute;
     * the deployed name's length and {@code ${...}} substitutions need the pom and are checked at package time.
     */
    public static void check(AttributeValues values, AnnotationKinds.Use use) {
        report(use, "memory", memory(values.integer("memory")));
        report(use, "timeout", timeout(values.integer("timeout")));
        use.note(new ServiceTable.Function(use.location(), values.integer("timeout")));
        report(use, "logRetentionDays", logRetentionDays(values.integer("logRetentionDays")));
        report(use, "description", description(values.string("description")));
        report(use, "reservedConcurrency", reservedConcurrency(values.integer("reservedConcurrency")));
        report(use, "ephemeralStorage", ephemeralStorage(values.integer("ephemeralStorage")));
        report(use, "layers", layers(values.strings("layers")));
        report(use, "managedPolicies", managedPolicies(values.strings("managedPolicies"), values.string("role")));
        report(use, "role", role(values.string("role")));
        report(use, "snapStart", snapStart(values.bool("snapStart"), values.integer("ephemeralStorage")));
        report(
                use,
                "provisionedConcurrency",
                provisionedConcurrency(
                        values.integer("provisionedConcurrency"),
                        values.integer("reservedConcurrency"),
                        values.bool("snapStart")));
        reportAll(
                use,
                "concurrencySchedule",
                concurrencySchedule(
                        values.integer("provisionedConcurrency"),
                        values.integer("reservedConcurrency"),
                        concurrencyChanges(values)));
        DeploymentType deployment = values.enumeration("deployment", DeploymentType.class);
        deployment(
                        deployment,
                        values.strings("deploymentAlarms"),
                        values.string("preTrafficHook"),
                        values.string("postTrafficHook"),
                        values.string("name"))
                .forEach(problem -> use.problem(problem.getKey(), problem.getValue()));
        if (deployment != DeploymentType.NONE) {
            for (String hook : List.of("preTrafficHook", "postTrafficHook")) {
                String named = values.string(hook);
                // A malformed name or the function itself is reported above; looking it up would say it twice.
                if (!named.isEmpty() && name(named).isEmpty() && !named.equals(values.string("name"))) {
                    use.note(new ServiceTable.TrafficHook(use.location(), hook, named));
                }
            }
        }
        if (!values.string("name").isEmpty()) {
            report(use, "name", name(values.string("name")));
        }
        report(use, "subnetIds", vpc(values.strings("subnetIds"), values.strings("securityGroupIds")));
        List<AttributeValues> tags = values.annotations("tags", Tag.class);
        reportAll(
                use,
                "tags",
                tags(
                        tags.stream().map(tag -> tag.string("key")).toList(),
                        tags.stream().map(tag -> tag.string("value")).toList()));
        Set<String> variables = new HashSet<>();
        for (AttributeValues variable : values.annotations("environment", Env.class)) {
            String name = variable.string("name");
            report(use, "environment", environmentName(name));
            report(use, "environment", environmentValue(name, variable.string("value")));
            if (!variables.add(name)) {
                use.problem("environment", "environment variable " + name + " is declared twice");
            }
        }
        AnnotationKinds.failureDestination(use, values.string("onFailure"), "@SpartaLambda");
    }

    /** Alarms CodeDeploy watches in one deployment group. */
    public static final int DEPLOYMENT_ALARMS_MAX = 10;
    /** The longest CloudWatch alarm name. */
    public static final int ALARM_NAME_MAX = 255;

    /**
     * A gradual deployment's settings, each problem with its attribute.
     *
     * @param ownName the function's declared name; empty when it takes the default one
     */
    public static List<Map.Entry<String, String>> deployment(
            DeploymentType type, List<String> alarms, String preTrafficHook, String postTrafficHook, String ownName) {
        List<Map.Entry<String, String>> problems = new ArrayList<>();
        if (type == DeploymentType.NONE) {
            for (var set : List.of(
                    Map.entry("deploymentAlarms", !alarms.isEmpty()),
                    Map.entry("preTrafficHook", !preTrafficHook.isEmpty()),
                    Map.entry("postTrafficHook", !postTrafficHook.isEmpty()))) {
                if (set.getValue()) {
                    problems.add(Map.entry(
                            set.getKey(),
                            set.getKey() + " applies to a CodeDeploy deployment, and deployment is NONE; set"
                                    + " deployment = DeploymentType.CANARY_10_PERCENT_5_MINUTES (or another type), or"
                                    + " remove " + set.getKey()));
                }
            }
            return problems;
        }
        if (alarms.size() > DEPLOYMENT_ALARMS_MAX) {
            problems.add(Map.entry(
                    "deploymentAlarms",
                    "deploymentAlarms names " + alarms.size() + " alarms; CodeDeploy watches at most "
                            + DEPLOYMENT_ALARMS_MAX + " in a deployment group"));
        }
        Set<String> seen = new HashSet<>();
        for (String alarm : alarms) {
            if (alarm.isBlank() || alarm.length() > ALARM_NAME_MAX) {
                problems.add(Map.entry(
                        "deploymentAlarms",
                        "deploymentAlarms = \"" + (alarm.length() > 40 ? alarm.substring(0, 40) + "..." : alarm)
                                + "\" is " + alarm.length() + " characters long; an alarm name is 1 to "
                                + ALARM_NAME_MAX));
            } else if (!seen.add(alarm)) {
                problems.add(Map.entry("deploymentAlarms", "deploymentAlarms names \"" + alarm + "\" twice"));
            }
        }
        for (var hook :
                List.of(Map.entry("preTrafficHook", preTrafficHook), Map.entry("postTrafficHook", postTrafficHook))) {
            if (hook.getValue().isEmpty()) {
                continue;
            }
            if (hook.getValue().startsWith("arn:") || hook.getValue().contains("${")) {
                problems.add(Map.entry(
                        hook.getKey(),
                        hook.getKey() + " = \"" + hook.getValue() + "\" is not a function's name: a hook is a"
                                + " @SpartaLambda function of this service, named as its name attribute says, so that"
                                + " Sparta grants it what a hook needs; a function of another stack is not supported"));
            } else if (hook.getValue().equals(ownName)) {
                problems.add(Map.entry(
                        hook.getKey(),
                        hook.getKey() + " = \"" + hook.getValue() + "\" is this function itself; a hook is another"
                                + " function of the service, which tests the new version"));
            } else {
                name(hook.getValue())
                        .ifPresent(message -> problems.add(
                                Map.entry(hook.getKey(), message.replaceFirst("^name = ", hook.getKey() + " = "))));
            }
        }
        return problems;
    }

    /** A {@code @SpartaLambda}'s {@code concurrencySchedule}, as its rules read it. */
    public static List<ConcurrencyChange> concurrencyChanges(AttributeValues values) {
        return values.annotations("concurrencySchedule", ScheduledConcurrency.class).stream()
                .map(change -> new ConcurrencyChange(
                        change.string("schedule"), change.integer("concurrency"), change.string("timezone")))
                .toList();
    }

    private static void reportAll(AnnotationKinds.Use use, String attribute, List<String> problems) {
        problems.forEach(message -> use.problem(attribute, message));
    }

    private static void report(AnnotationKinds.Use use, String attribute, Optional<String> problem) {
        problem.ifPresent(message -> use.problem(attribute, message));
    }

    /** An existing role's ARN or name; empty means Sparta generates the role. */
    public static Optional<String> role(String role) {
        return role.isEmpty()
                        || ROLE_ARN.matcher(role).matches()
                        || ROLE_NAME.matcher(role).matches()
                ? Optional.empty()
                : Optional.of(
                        "role = \"" + role + "\" is neither an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME) nor a"
                                + " role name (1 to 64 of letters, digits and +=,.@_-)");
    }

    public static Optional<String> description(String description) {
        return description.length() > DESCRIPTION_MAX
                ? Optional.of("description is " + description.length() + " characters long; Lambda allows at most "
                        + DESCRIPTION_MAX)
                : Optional.empty();
    }

    /** The name's characters and length; the deployed name, with the stack's prefix, is checked at package time. */
    public static Optional<String> name(String name) {
        if (!FUNCTION_NAME.matcher(name).matches()) {
            return Optional.of("name = \"" + name + "\" may only hold letters, digits, '-' and '_'");
        }
        // The shortest stack prefix is one letter and a hyphen.
        return name.length() > FUNCTION_NAME_MAX - 2
                ? Optional.of("name = \"" + name + "\" is " + name.length()
                        + " characters long; with its stack's prefix" + " it cannot fit Lambda's " + FUNCTION_NAME_MAX)
                : Optional.empty();
    }

    public static Optional<String> environmentName(String name) {
        if (!ENVIRONMENT_NAME.matcher(name).matches()) {
            return Optional.of("environment variable \"" + name
                    + "\" must start with a letter and hold only letters, digits and '_'");
        }
        return RESERVED_ENVIRONMENT.contains(name)
                ? Optional.of("environment variable " + name + " is reserved; the Lambda runtime sets it itself")
                : Optional.empty();
    }

    /** Words of a name that say its value is a credential. */
    private static final Set<String> SECRET_WORDS = Set.of(
            "password",
            "passwd",
            "pwd",
            "pass",
            "passphrase",
            "secret",
            "token",
            "credential",
            "credentials",
            "apikey",
            "privatekey",
            "signingkey",
            "clientsecret");
    /** Words that, before "key", make a credential: API_KEY, PrivateKey, SIGNING_KEY. */
    private static final Set<String> KEY_KINDS = Set.of("api", "private", "signing", "secret", "access", "encryption");
    /** Last words that say a value names, points to or measures a credential rather than holding it. */
    private static final Set<String> ABOUT_WORDS = Set.of(
            "arn",
            "name",
            "id",
            "ttl",
            "length",
            "len",
            "min",
            "max",
            "size",
            "count",
            "seconds",
            "minutes",
            "hours",
            "days",
            "path",
            "file",
            "header",
            "type",
            "prefix",
            "version",
            "stage",
            "enabled",
            "rotation",
            "parameter",
            "url",
            "uri",
            "endpoint",
            "host",
            "issuer",
            "audience",
            "scope");
    /** A URL carrying a user and password: {@code postgres://app:hunter2@db/app}. */
    private static final Pattern URL_WITH_PASSWORD = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://[^/@\\s:]+:[^/@\\s]+@.*");

    private static final Pattern WORD_BOUNDARY = Pattern.compile("[_\\-.\\s]+|(?<=[a-z0-9])(?=[A-Z])");

    /**
     * A variable or parameter whose name says it holds a credential (DB_PASSWORD, ApiKey, SIGNING_KEY, but not
     * SECRET_ARN or TOKEN_TTL), or whose value is a URL with a password, and that holds a literal value: written to
     * the template, the manifest and the stack, so refused. A reference ({@code {{resolve:...}}}), an ARN or a
     * template substitution ({@code ${Name}}) is no literal.
     *
     * @return the problem, without the route that works, which depends on where the value was written
     */
    public static Optional<String> literalSecret(String name, String value) {
        if (value.isEmpty() || value.startsWith("{{resolve:") || value.startsWith("arn:") || value.contains("${")) {
            return Optional.empty();
        }
        if (URL_WITH_PASSWORD.matcher(value).matches()) {
            return Optional.of(name + " holds a URL with a password in it, which would be written to the template,"
                    + " the manifest and the deployed configuration");
        }
        List<String> words = java.util.Arrays.stream(WORD_BOUNDARY.split(name))
                .filter(word -> !word.isEmpty())
                .map(word -> word.toLowerCase(java.util.Locale.ROOT))
                .toList();
        if (words.isEmpty() || ABOUT_WORDS.contains(words.get(words.size() - 1))) {
            return Optional.empty();
        }
        boolean credential = false;
        for (int i = 0; i < words.size(); i++) {
            credential |= SECRET_WORDS.contains(words.get(i))
                    || (i > 0 && words.get(i).equals("key") && KEY_KINDS.contains(words.get(i - 1)));
        }
        return credential
                ? Optional.of(name + " looks like a secret but holds a literal value, which would be written to the"
                        + " template, the manifest and the deployed configuration")
                : Optional.empty();
    }

    /** An {@code @Env} value that is a literal secret, with the route that works. */
    public static Optional<String> environmentValue(String name, String value) {
        return literalSecret(name, value)
                .map(problem -> "environment variable " + problem + "; declare it in the pom's <secrets> as"
                        + " secretsmanager:SECRET-ID or ssm:PARAMETER-NAME, kept in AWS, and drop the @Env");
    }

    /** @param parameterTypes the handler method's parameters as binary class names ({@code int} for primitives) */
    public static Optional<String> signature(List<String> parameterTypes) {
        boolean callable = switch (parameterTypes.size()) {
            case 0, 1 -> true;
            case 2 ->
                parameterTypes.get(1).equals(CONTEXT)
                        || (parameterTypes.get(0).equals(INPUT_STREAM)
                                && parameterTypes.get(1).equals(OUTPUT_STREAM));
            case 3 -> parameterTypes.equals(List.of(INPUT_STREAM, OUTPUT_STREAM, CONTEXT));
            default -> false;
        };
        return callable
                ? Optional.empty()
                : Optional.of("Lambda cannot call a handler with parameters (" + String.join(", ", parameterTypes)
                        + "); allowed: " + ACCEPTED_SIGNATURES);
    }
}
