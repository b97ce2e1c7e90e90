package com.example.hooks;

import io.sparta.api.LambdaFunction;
import io.sparta.api.ServiceModel;
import io.sparta.api.TemplateDecorator;
import io.sparta.api.TemplateFragment;

/** Tells every function, through its environment, which team's decorators shaped it. */
public class DecoratedEnvironment implements TemplateDecorator {

    String team = "hooks";

    @Override
    public void decorate(ServiceModel service, LambdaFunction function, TemplateFragment fragment) {
        fragment.properties(function.functionLogicalId())
                .putObject("Environment")
                .putObject("Variables")
                .put("DECORATED_BY", team);
    }
}
