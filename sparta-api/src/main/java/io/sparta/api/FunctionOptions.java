package io.sparta.api;

import io.sparta.annotations.DeploymentType;
import java.util.List;
import java.util.SortedMap;

/**
 * A function's settings beyond code, memory and time, each at Lambda's default unless declared.
 *
 * @param reservedConcurrency concurrency reserved for the function, or -1 for none
 * @param tracing whether X-Ray traces the function actively
 * @param ephemeralStorage {@code /tmp} in MB
 * @param layers layer version ARNs, in order
 * @param role an existing role's ARN or name, or empty when Sparta generates the function's role
 * @param snapStart SnapStart on versions Sparta publishes, behind the alias {@code live}
 * @param subnetIds subnets of the function's VPC; none outside a VPC
 * @param securityGroupIds security groups of its network interfaces in the VPC
 * @param tags the function's own tags, by key
 * @param onFailure where failed asynchronous invocations go: a declared queue's or topic's name, or an ARN; none
 *     when empty
 * @param managedPolicies IAM managed policy ARNs attached to the generated role
 * @param provisionedConcurrency execution environments kept initialized for the alias {@code live}; 0 for none
 * @param concurrencySchedule changes of the provisioned concurrency over time, in order; none when empty
 * @param deployment how a new version takes over the alias {@code live}; {@link Deployment#NONE} for at once
 */
public record FunctionOptions(
        int reservedConcurrency,
        boolean tracing,
        int ephemeralStorage,
        List<String> layers,
        String role,
        boolean snapStart,
        List<String> subnetIds,
        List<String> securityGroupIds,
        SortedMap<String, String> tags,
        String onFailure,
        List<String> managedPolicies,
        int provisionedConcurrency,
        List<ConcurrencyChange> concurrencySchedule,
        Deployment deployment) {

    /**
     * A CodeDeploy deployment of each new version
     * (https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-steps-lambda.html).
     *
     * @param type the traffic shifting; {@code NONE} for no CodeDeploy
     * @param alarms CloudWatch alarm names that roll a deployment back; empty for Sparta's alarm on the alias's errors
     * @param preTrafficHook the service's function called before traffic shifts; empty for none
     * @param postTrafficHook the service's function called after traffic shifted; empty for none
     */
    public record Deployment(DeploymentType type, List<String> alarms, String preTrafficHook, String postTrafficHook) {

        public static final Deployment NONE = new Deployment(DeploymentType.NONE, List.of(), "", "");

        public Deployment {
            alarms = List.copyOf(alarms);
        }

        /** Whether CodeDeploy deploys the function's versions. */
        public boolean enabled() {
            return type != DeploymentType.NONE;
        }
    }

    /**
     * One scheduled change of provisioned concurrency, an Application Auto Scaling scheduled action.
     *
     * @param schedule {@code cron(...)}, {@code rate(...)} or {@code at(...)}
     * @param concurrency execution environments from then on
     * @param timezone the IANA time zone of {@code cron} and {@code at}
     */
    public record ConcurrencyChange(String schedule, int concurrency, String timezone) {}

    /** What Lambda does when nothing is declared, with a role of Sparta's own. */
    public static final FunctionOptions DEFAULTS = new FunctionOptions(-1, false, 512, List.of(), "", false);

    /** Options deployed at once, without CodeDeploy. */
    public FunctionOptions(
            int reservedConcurrency,
            boolean tracing,
            int ephemeralStorage,
            List<String> layers,
            String role,
            boolean snapStart,
            List<String> subnetIds,
            List<String> securityGroupIds,
            SortedMap<String, String> tags,
            String onFailure,
            List<String> managedPolicies,
            int provisionedConcurrency,
            List<ConcurrencyChange> concurrencySchedule) {
        this(
                reservedConcurrency,
                tracing,
                ephemeralStorage,
                layers,
                role,
                snapStart,
                subnetIds,
                securityGroupIds,
                tags,
                onFailure,
                managedPolicies,
                provisionedConcurrency,
                concurrencySchedule,
                Deployment.NONE);
    }

    public FunctionOptions {
        deployment = deployment == null ? Deployment.NONE : deployment;
        layers = List.copyOf(layers);
        subnetIds = List.copyOf(subnetIds);
        securityGroupIds = List.copyOf(securityGroupIds);
        tags = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(tags));
        managedPolicies = List.copyOf(managedPolicies);
        concurrencySchedule = List.copyOf(concurrencySchedule);
    }

    /** Options without provisioned concurrency. */
    public FunctionOptions(
            int reservedConcurrency,
            boolean tracing,
            int ephemeralStorage,
            List<String> layers,
            String role,
            boolean snapStart,
            List<String> subnetIds,
            List<String> securityGroupIds,
            SortedMap<String, String> tags,
            String onFailure,
            List<String> managedPolicies) {
        this(
                reservedConcurrency,
                tracing,
                ephemeralStorage,
                layers,
                role,
                snapStart,
                subnetIds,
                securityGroupIds,
                tags,
                onFailure,
                managedPolicies,
                0,
                List.of());
    }

    /** Options attaching no managed policy. */
    public FunctionOptions(
            int reservedConcurrency,
            boolean tracing,
            int ephemeralStorage,
            List<String> layers,
            String role,
            boolean snapStart,
            List<String> subnetIds,
            List<String> securityGroupIds,
            SortedMap<String, String> tags,
            String onFailure) {
        this(
                reservedConcurrency,
                tracing,
                ephemeralStorage,
                layers,
                role,
                snapStart,
                subnetIds,
                securityGroupIds,
                tags,
                onFailure,
                List.of());
    }

    /** Options outside a VPC, without tags or an on-failure destination. */
    public FunctionOptions(
            int reservedConcurrency,
            boolean tracing,
            int ephemeralStorage,
            List<String> layers,
            String role,
            boolean snapStart) {
        this(
                reservedConcurrency,
                tracing,
                ephemeralStorage,
                layers,
                role,
                snapStart,
                List.of(),
                List.of(),
                new java.util.TreeMap<>(),
                "");
    }

    /**
     * Whether Sparta publishes versions behind the alias {@code live}, which triggers, routes and URLs then call:
     * for SnapStart and for provisioned concurrency, which both apply to published versions only, and for a CodeDeploy
     * deployment, which shifts the alias between versions.
     */
    public boolean publishesAlias() {
        return snapStart || provisionedConcurrency > 0 || deployment.enabled();
    }

    public boolean inVpc() {
        return !subnetIds.isEmpty();
    }

    /** Whether the function uses an existing role rather than one Sparta generates. */
    public boolean hasStaticRole() {
        return !role.isEmpty();
    }
}
