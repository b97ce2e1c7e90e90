package io.sparta.core.common;

import java.util.regex.Pattern;

/**
 * IAM's wildcards in actions and resources: {@code *} for any run of characters, {@code ?} for one
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
 */
public final class IamPatterns {

    private IamPatterns() {}

    /** An action pattern, such as {@code s3:Get*}, which IAM matches without regard to case. */
    public static Pattern action(String pattern) {
        return Pattern.compile(regex(pattern), Pattern.CASE_INSENSITIVE);
    }

    /** A resource pattern, such as {@code arn:aws:execute-api:*:*:api/*}, which IAM matches case by case. */
    public static Pattern resource(String pattern) {
        return Pattern.compile(regex(pattern));
    }

    private static String regex(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(
                    switch (c) {
                        case '*' -> ".*";
                        case '?' -> ".";
                        default -> Pattern.quote(String.valueOf(c));
                    });
        }
        return regex.toString();
    }
}
