package io.sparta.annotations;

/**
 * How a new version of a function takes over its alias {@code live}: at once, as without CodeDeploy, or shifted
 * gradually by CodeDeploy with one of its predefined Lambda configurations, rolled back when an alarm fires
 * (https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html#deployment-configuration-lambda).
 */
public enum DeploymentType {

    /** No CodeDeploy: CloudFormation points the alias at the new version at once. */
    NONE(""),
    /** All traffic at once, through CodeDeploy, so that hooks and alarms still apply. */
    ALL_AT_ONCE("CodeDeployDefault.LambdaAllAtOnce"),
    /** 10% of traffic, then the rest after 5 minutes. */
    CANARY_10_PERCENT_5_MINUTES("CodeDeployDefault.LambdaCanary10Percent5Minutes"),
    /** 10% of traffic, then the rest after 10 minutes. */
    CANARY_10_PERCENT_10_MINUTES("CodeDeployDefault.LambdaCanary10Percent10Minutes"),
    /** 10% of traffic, then the rest after 15 minutes. */
    CANARY_10_PERCENT_15_MINUTES("CodeDeployDefault.LambdaCanary10Percent15Minutes"),
    /** 10% of traffic, then the rest after 30 minutes. */
    CANARY_10_PERCENT_30_MINUTES("CodeDeployDefault.LambdaCanary10Percent30Minutes"),
    /** 10% more traffic every minute, for 10 minutes. */
    LINEAR_10_PERCENT_EVERY_1_MINUTE("CodeDeployDefault.LambdaLinear10PercentEvery1Minute"),
    /** 10% more traffic every 2 minutes, for 20 minutes. */
    LINEAR_10_PERCENT_EVERY_2_MINUTES("CodeDeployDefault.LambdaLinear10PercentEvery2Minutes"),
    /** 10% more traffic every 3 minutes, for 30 minutes. */
    LINEAR_10_PERCENT_EVERY_3_MINUTES("CodeDeployDefault.LambdaLinear10PercentEvery3Minutes"),
    /** 10% more traffic every 10 minutes, for 100 minutes. */
    LINEAR_10_PERCENT_EVERY_10_MINUTES("CodeDeployDefault.LambdaLinear10PercentEvery10Minutes");

    private final String configurationName;

    DeploymentType(String configurationName) {
        this.configurationName = configurationName;
    }

    /** CodeDeploy's name of the deployment configuration, such as {@code CodeDeployDefault.LambdaAllAtOnce}. */
    public String configurationName() {
        return configurationName;
    }
}
