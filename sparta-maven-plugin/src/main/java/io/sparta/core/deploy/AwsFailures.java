package io.sparta.core.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.common.TemplateJson;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns the AWS SDK's exceptions into Sparta's own, so what a user reads names the fix and no caller outside the
 * core handles an SDK type: a {@link SpartaUserException} for what the user can change (credentials, permissions),
 * an {@link AwsCallException} for AWS or the network failing. Each message names the call (service and operation,
 * which {@link CallLedger} attaches to the exception as a {@link FailedCall}), the resource it was about, AWS's
 * error code and message (or, when the SDK could read neither, what the service's answer said), and what to do.
 */
public final class AwsFailures {

    /** A call to AWS that failed for reasons outside the user's configuration. */
    public static final class AwsCallException extends Exception {

        AwsCallException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Which call an SDK exception came from, attached to it as a suppressed exception by {@link CallLedger} (the
     * exception keeps its type and message, so callers that catch a modelled error still do).
     *
     * @param service the SDK's service name, such as {@code CloudFormation}
     * @param operation such as {@code ExecuteChangeSet}
     * @param resource what the request named, such as {@code stack orders, change set sparta-1}; empty when nothing
     */
    public record FailedCall(String service, String operation, String resource) {

        /** {@code CloudFormation ExecuteChangeSet (stack orders)}. */
        String describe() {
            return service + " " + operation + (resource.isEmpty() ? "" : " (" + resource + ")");
        }
    }

    /** The carrier of a {@link FailedCall} among an exception's suppressed ones: no stack trace, its message the call. */
    static final class FailedCallMarker extends RuntimeException {

        final FailedCall call;

        FailedCallMarker(FailedCall call) {
            super("AWS call " + call.describe(), null, false, false);
            this.call = call;
        }
    }

    /** How much of an unreadable answer a message quotes. */
    private static final int QUOTED_BODY_LIMIT = 400;

    private static final Pattern XML_CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Pattern XML_MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");

    private AwsFailures() {}

    /** @return the exception as Sparta reports it; {@code e} itself when it is not the SDK's */
    public static Exception explain(Exception e) {
        Optional<ReportedCredentials.MissingCredentials> missing = missingCredentials(e);
        if (missing.isPresent()) {
            // The SDK's wrapping says only what the message already does: kept for -e, not printed after it.
            SpartaUserException credentials =
                    new SpartaUserException(missing.get().getMessage());
            credentials.addSuppressed(e);
            return credentials;
        }
        if (e instanceof AwsServiceException aws) {
            return service(aws);
        }
        if (e instanceof SdkClientException) {
            String call = call(e).map(c -> " (" + c.describe() + ")").orElse("");
            return new AwsCallException(
                    "Could not reach AWS" + call + ": " + e.getMessage()
                            + ". Next: check the network, <endpoint> and <region>, then run the goal again",
                    e);
        }
        if (e instanceof SdkException) {
            return new AwsCallException(
                    "AWS call" + call(e).map(c -> " " + c.describe()).orElse("") + " failed: " + e.getMessage(), e);
        }
        return e;
    }

    /** The credentials failure an SDK call ended in, however the SDK wrapped it. */
    private static Optional<ReportedCredentials.MissingCredentials> missingCredentials(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ReportedCredentials.MissingCredentials missing) {
                return Optional.of(missing);
            }
        }
        return Optional.empty();
    }

    /** The call an SDK exception came from, when a {@link CallLedger} saw it fail. */
    public static Optional<FailedCall> call(Throwable e) {
        for (Throwable suppressed : e.getSuppressed()) {
            if (suppressed instanceof FailedCallMarker marker) {
                return Optional.of(marker.call);
            }
        }
        return Optional.empty();
    }

    /**
     * One line for a failed call, without the next step: {@code CloudFormation DescribeStackResources (stack orders)
     * failed: HTTP 500, no error code; the service answered: Internal Server Error (10 attempts)}.
     */
    public static String summary(SdkException e) {
        if (e instanceof AwsServiceException aws) {
            return what(aws) + " failed: " + reason(aws);
        }
        return "AWS call" + call(e).map(c -> " " + c.describe()).orElse("") + " failed: " + e.getMessage();
    }

    private static Exception service(AwsServiceException e) {
        String code = code(e);
        String summary = what(e) + " failed: " + reason(e);
        if (e.statusCode() == 403
                || code.matches("AccessDenied.*|ExpiredToken.*|InvalidClientTokenId|"
                        + "UnrecognizedClient.*|SignatureDoesNotMatch|AuthFailure|AuthorizationError")) {
            String operation = call(e).map(c -> c.service().toLowerCase(Locale.ROOT) + ":" + c.operation())
                    .orElse("the call");
            return new SpartaUserException(
                    summary + ". AWS refused it for these credentials. Next: check <profile>/<region>, that the"
                            + " credentials are current, and that their IAM policy allows " + operation,
                    e);
        }
        return new AwsCallException(summary + ". Next: " + nextStep(e, code), e);
    }

    /** {@code AWS CloudFormation ExecuteChangeSet (stack orders)}, as much as is known. */
    private static String what(AwsServiceException e) {
        Optional<FailedCall> call = call(e);
        if (call.isPresent()) {
            return "AWS " + call.get().describe();
        }
        AwsErrorDetails details = e.awsErrorDetails();
        return "AWS " + (details == null || details.serviceName() == null ? "" : details.serviceName() + " ") + "call";
    }

    /** AWS's code and message, or what its answer said when the SDK could read neither; then status and attempts. */
    private static String reason(AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        String code = code(e);
        String message = details == null || details.errorMessage() == null
                ? ""
                : details.errorMessage().strip();
        String said;
        if (!code.isEmpty() || !message.isEmpty()) {
            said = (code.isEmpty() ? "no error code" : code) + ": " + (message.isEmpty() ? "no message" : message);
        } else {
            said = "no error code or message the SDK could read; the service answered " + body(e);
        }
        StringBuilder reason = new StringBuilder(said).append(" (HTTP ").append(e.statusCode());
        if (e.requestId() != null) {
            reason.append(", request id ").append(e.requestId());
        }
        int attempts = e.numAttempts() == null ? 1 : e.numAttempts();
        if (attempts > 1) {
            reason.append(", ").append(attempts).append(" attempts");
        }
        return reason.append(')').toString();
    }

    private static String code(AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        return details == null || details.errorCode() == null
                ? ""
                : details.errorCode().strip();
    }

    /**
     * What the raw answer says: the code and message of a JSON error document (a service, or a local API such as
     * moto, can answer a query-protocol call with one) or of an XML one the SDK did not read, else the text itself,
     * markup removed, shortened.
     */
    static String body(AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        String raw = details == null || details.rawResponse() == null
                ? ""
                : new String(details.rawResponse().asByteArray(), StandardCharsets.UTF_8).strip();
        if (raw.isEmpty()) {
            return "with an empty body";
        }
        if (raw.startsWith("{")) {
            try {
                JsonNode json = TemplateJson.read(raw);
                String type = json.path("__type")
                        .asText(json.path("code").asText(json.path("Code").asText("")));
                String message =
                        json.path("message").asText(json.path("Message").asText(""));
                if (!type.isEmpty() || !message.isEmpty()) {
                    return (type.isEmpty() ? "" : type.substring(type.indexOf('#') + 1) + ": ") + message;
                }
            } catch (java.io.IOException notJson) {
                // Quoted as text below.
            }
        }
        Matcher code = XML_CODE.matcher(raw);
        Matcher message = XML_MESSAGE.matcher(raw);
        boolean hasCode = code.find();
        boolean hasMessage = message.find();
        if (hasCode || hasMessage) {
            return (hasCode ? code.group(1) + ": " : "") + (hasMessage ? message.group(1) : "no message");
        }
        String text = raw.replaceAll("(?s)<title>.*?</title>", " ")
                .replaceAll("<[^>]*>", " ")
                .replaceAll("\\s+", " ")
                .strip();
        return text.length() > QUOTED_BODY_LIMIT ? text.substring(0, QUOTED_BODY_LIMIT) + "…" : text;
    }

    private static String nextStep(AwsServiceException e, String code) {
        String service = call(e).map(FailedCall::service).orElse("");
        String operation = call(e).map(FailedCall::operation).orElse("");
        if (e.isThrottlingException() || code.matches("Throttling.*|TooManyRequests.*|RequestLimitExceeded|SlowDown")) {
            return "AWS is limiting this account's rate of calls; wait a minute and run the goal again, or raise"
                    + " <maxAttempts> (-Dsparta.maxAttempts)";
        }
        if (e.statusCode() >= 500) {
            return "the failure is on the service's side (or the <endpoint> it was sent to); run the goal again,"
                    + " and if it persists check the AWS Health Dashboard for "
                    + (service.isEmpty() ? "the service" : service) + " in this region";
        }
        if ("CloudFormation".equals(service)
                && operation.matches("ExecuteChangeSet|CreateChangeSet|UpdateStack"
                        + "|CreateStack|DeleteStack|ContinueUpdateRollback")) {
            return "mvn sparta:status shows the stack's state; the stack's events (CloudFormation console, or"
                    + " aws cloudformation describe-stack-events) name the resource that failed and why; fix it"
                    + " and provision again";
        }
        if (code.matches("NoSuchBucket|NoSuchKey|NotFound|.*NotFound.*|NoSuchEntity|.*DoesNotExist.*")) {
            return "the named resource does not exist in this account and region; create it or correct the"
                    + " configuration that names it, then run the goal again";
        }
        return "correct what AWS names above (the pom's <configuration> or the annotations it comes from) and run"
                + " the goal again; mvn sparta:status shows the stack as it is";
    }
}
