package io.sparta.core.model;

import io.sparta.core.common.SpartaUserException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * S3's rules for a general purpose bucket's name, checked where a configured bucket is read, so a wrong name fails
 * with the element that holds it rather than as an S3 error halfway through a goal.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html">Bucket naming rules</a>
 */
public final class BucketNames {

    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_SUFFIXES =
            List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");

    private BucketNames() {}

    /**
     * A configured bucket, if any, when its name is valid.
     *
     * @param where the pom element and property, such as {@code <s3Bucket> (-Dsparta.s3Bucket)}
     * @throws SpartaUserException naming the element, the value and the accepted form
     */
    public static Optional<String> configured(String where, Optional<String> name) throws SpartaUserException {
        if (name.isPresent()) {
            Optional<String> problem = problem(where, name.get());
            if (problem.isPresent()) {
                throw new SpartaUserException(problem.get());
            }
        }
        return name;
    }

    /**
     * @param where the pom element and property, such as {@code <s3Bucket> (-Dsparta.s3Bucket)}
     * @return what is wrong with {@code name}, naming {@code where}, the value and the accepted form; empty when it is
     *     a valid name
     */
    public static Optional<String> problem(String where, String name) {
        String why = null;
        if (!SHAPE.matcher(name).matches()) {
            why = "3 to 63 lower-case letters, digits, '.' or '-', starting and ending with a letter or digit";
        } else if (name.contains("..")) {
            why = "no two '.' in a row";
        } else if (IP_ADDRESS.matcher(name).matches()) {
            why = "not shaped like an IP address";
        } else if (RESERVED_PREFIXES.stream().anyMatch(name::startsWith)) {
            why = "not starting with " + String.join(", ", RESERVED_PREFIXES) + ", which S3 reserves";
        } else if (RESERVED_SUFFIXES.stream().anyMatch(name::endsWith)) {
            why = "not ending with " + String.join(", ", RESERVED_SUFFIXES) + ", which S3 reserves";
        }
        return Optional.ofNullable(why)
                .map(rule ->
                        where + " \"" + name + "\" is not an S3 bucket name: " + rule + ", such as my-team-artifacts");
    }
}
