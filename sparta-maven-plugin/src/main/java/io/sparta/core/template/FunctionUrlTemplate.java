package io.sparta.core.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparta.annotations.UrlAuth;
import io.sparta.api.FunctionUrlTrigger;
import io.sparta.api.HttpApiSettings.Cors;
import io.sparta.api.LambdaFunction;
import java.util.List;

/**
 * A function's own URL. With {@code AWS_IAM} nothing else is granted: callers need their own permission. With
 * {@code NONE} the function's policy lets anyone call it, through the URL only.
 */
final class FunctionUrlTemplate {

    private FunctionUrlTemplate() {}

    static void add(
            ObjectNode resources, ObjectNode outputs, LambdaFunction function, FunctionUrlTrigger url, Cors cors) {
        String urlId = function.logicalIdPrefix() + "Url";
        ObjectNode properties = Cfn.properties(resources, urlId, "AWS::Lambda::Url");
        properties.set("TargetFunctionArn", Cfn.getAtt(function.functionLogicalId(), "Arn"));
        if (function.options().publishesAlias()) {
            properties.put("Qualifier", LambdaFunction.ALIAS);
            ((ObjectNode) resources.get(urlId)).putArray("DependsOn").add(function.aliasLogicalId());
        }
        properties.put("AuthType", url.auth().name());
        if (cors.enabled()) {
            properties.set("Cors", urlCors(cors));
        }
        if (url.auth() == UrlAuth.NONE) {
            ObjectNode viaUrl = publicPermission(resources, urlId + "PublicPermission", function);
            viaUrl.put("Action", "lambda:InvokeFunctionUrl");
            viaUrl.put("FunctionUrlAuthType", "NONE");
            // Since October 2025 a public URL also needs lambda:InvokeFunction, granted for calls through the URL only.
            ObjectNode invoke = publicPermission(resources, urlId + "PublicInvokePermission", function);
            invoke.put("Action", "lambda:InvokeFunction");
            invoke.put("InvokedViaFunctionUrl", true);
        }
        Cfn.output(
                outputs,
                urlId,
                "URL of function " + function.name() + " (auth " + url.auth() + ")",
                Cfn.getAtt(urlId, "FunctionUrl"));
    }

    private static ObjectNode publicPermission(ObjectNode resources, String logicalId, LambdaFunction function) {
        ObjectNode permission = Cfn.properties(resources, logicalId, "AWS::Lambda::Permission");
        permission.set("FunctionName", Cfn.invokeArn(function));
        permission.put("Principal", "*");
        return permission;
    }

    /** The same CORS rules as the APIs', in the methods function URLs know: ANY is *, OPTIONS is implied. */
    private static ObjectNode urlCors(Cors cors) {
        List<String> methods = cors.allowMethods().stream()
                .filter(method -> !method.equals("OPTIONS"))
                .map(method -> method.equals("ANY") ? "*" : method)
                .distinct()
                .toList();
        return HttpApiTemplate.corsConfiguration(new Cors(
                cors.allowOrigins(),
                methods,
                cors.allowHeaders(),
                cors.exposeHeaders(),
                cors.maxAgeSeconds(),
                cors.allowCredentials()));
    }
}
