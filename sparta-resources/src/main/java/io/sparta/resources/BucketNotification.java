package io.sparta.resources;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;

/**
 * One notification of the resource's {@code Notifications} property: S3 invokes {@code functionArn} for
 * {@code events} on keys starting with {@code prefix} and ending with {@code suffix}.
 *
 * @param id the Lambda configuration's id in the bucket, {@code sparta-<stack>-<function>-<n>}, which marks it as
 *     this resource's
 * @param prefix empty for no prefix rule
 * @param suffix empty for no suffix rule
 */
record BucketNotification(String id, String functionArn, List<String> events, String prefix, String suffix) {

    BucketNotification {
        events = List.copyOf(events);
    }

    /**
     * The configuration as Sparta writes it: rule names lower-case, as S3's API reference spells them, and no
     * filter at all without rules (S3 refuses an empty one).
     */
    LambdaFunctionConfiguration configuration() {
        List<FilterRule> rules = new ArrayList<>();
        if (!prefix.isEmpty()) {
            rules.add(FilterRule.builder().name("prefix").value(prefix).build());
        }
        if (!suffix.isEmpty()) {
            rules.add(FilterRule.builder().name("suffix").value(suffix).build());
        }
        LambdaFunctionConfiguration.Builder configuration = LambdaFunctionConfiguration.builder()
                .id(id)
                .lambdaFunctionArn(functionArn)
                .eventsWithStrings(events);
        if (!rules.isEmpty()) {
            configuration.filter(filter -> filter.key(key -> key.filterRules(rules)));
        }
        return configuration.build();
    }
}
