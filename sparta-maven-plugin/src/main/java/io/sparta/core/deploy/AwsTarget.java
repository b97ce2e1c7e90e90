package io.sparta.core.deploy;

import io.sparta.core.common.SpartaUserException;
import io.sparta.core.common.Typos;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;

/**
 * Which AWS account and API to talk to. Empty values fall back to the AWS SDK's default chains
 * (environment, system properties, profiles, instance metadata).
 *
 * @param endpoint an API endpoint that replaces AWS's own, such as a local moto server
 * @param maxAttempts how often the SDK tries one call on throttling and transient errors, 1 to
 *     {@value #MAX_ATTEMPTS_LIMIT}
 */
public record AwsTarget(Optional<String> region, Optional<String> profile, Optional<URI> endpoint, int maxAttempts) {

    /**
     * The most tries of one call: the SDK backs off up to 20 s between tries, so more than this waits minutes on a
     * call that will not succeed.
     */
    public static final int MAX_ATTEMPTS_LIMIT = 30;

    /**
     * AWS region names in every partition: {@code eu-west-1}, {@code us-gov-west-1}, {@code cn-north-1},
     * {@code eusc-de-east-1}.
     */
    private static final Pattern REGION = Pattern.compile("[a-z]{2,4}(-[a-z]+)+-\\d{1,2}");

    /** Profile names as the AWS CLI accepts them. */
    private static final Pattern PROFILE = Pattern.compile("[A-Za-z0-9_.@+-]+");

    /**
     * A configured value and the pom element, property or environment variable it was read from, as messages name
     * it: {@code <region> (-Dsparta.region)}.
     */
    public record Setting(String source, Optional<String> value) {

        /** A value read from the first of two sources that has one, such as a pom element, then a variable. */
        public static Setting firstOf(Setting preferred, Setting fallback) {
            return preferred.value().isPresent() ? preferred : fallback;
        }
    }

    /**
     * The target the user configured, every value checked.
     *
     * @param maxAttemptsSource the element and property of {@code maxAttempts}, for messages
     * @throws SpartaUserException listing every value that is not of its accepted form, with that form
     */
    public static AwsTarget configured(
            Setting region, Setting profile, Setting endpoint, int maxAttempts, String maxAttemptsSource)
            throws SpartaUserException {
        List<String> problems = new ArrayList<>();
        region.value().flatMap(value -> regionProblem(region.source(), value)).ifPresent(problems::add);
        profile.value()
                .flatMap(value -> profileProblem(profile.source(), value))
                .ifPresent(problems::add);
        Optional<URI> uri = Optional.empty();
        if (endpoint.value().isPresent()) {
            uri = endpointUri(endpoint.value().get());
            if (uri.isEmpty()) {
                problems.add(endpoint.source() + " \"" + endpoint.value().get() + "\" is not an endpoint URL; write"
                        + " http(s)://HOST[:PORT], such as http://127.0.0.1:4566 for a local AWS API");
            }
        }
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
            problems.add(maxAttemptsSource + " is " + maxAttempts + "; it counts tries of one AWS call, 1 to "
                    + MAX_ATTEMPTS_LIMIT + " (10 by default)");
        }
        if (!problems.isEmpty()) {
            throw new SpartaUserException(String.join("\n", problems));
        }
        return new AwsTarget(region.value(), profile.value(), uri, maxAttempts);
    }

    /**
     * A configured region name.
     *
     * @param source the pom element or variable the value came from
     * @throws SpartaUserException when it is not an AWS region name, with the accepted form
     */
    public static String region(String source, String value) throws SpartaUserException {
        Optional<String> problem = regionProblem(source, String.valueOf(value));
        if (problem.isPresent()) {
            throw new SpartaUserException(problem.get());
        }
        return value;
    }

    /**
     * Why a value is not an AWS region name, if it is not one.
     *
     * @param source the pom element or variable the value came from
     */
    public static Optional<String> regionProblem(String source, String value) {
        if (!REGION.matcher(value).matches()) {
            return Optional.of(
                    source + " \"" + value + "\" is not an AWS region name, such as eu-west-1 or us-gov-west-1");
        }
        return misspeltRegion(value)
                .map(meant -> source + " \"" + value + "\" is not an AWS region; did you mean " + meant + "?");
    }

    /**
     * The known region a well-formed but unknown name most likely misspells. A region newer than the AWS SDK in this
     * plugin is not refused: one numbered on in a known area ({@code eu-central-3}), one that puts known words
     * together anew ({@code us-south-1}) or one in a new country ({@code mx-central-1}, two edits from
     * {@code ca-central-1}) reaches AWS as written, which the SDK's endpoint rules serve. Only a name a typo or two
     * from a known region with a direction no region has ({@code eu-wset-1}) or a known country code reversed
     * ({@code ue-west-1}) is taken for a typo, which otherwise fails only after the SDK's ten tries to resolve the
     * endpoint's host (13 s here), as "Could not reach AWS".
     */
    private static Optional<String> misspeltRegion(String value) {
        if (KnownRegions.IDS.contains(value)) {
            return Optional.empty();
        }
        String area = value.substring(0, value.lastIndexOf('-') + 1);
        if (KnownRegions.IDS.stream().anyMatch(known -> known.startsWith(area))) {
            return Optional.empty();
        }
        String country = country(value);
        String reversed = new StringBuilder(country).reverse().toString();
        if (!KnownRegions.COUNTRIES.contains(country) && KnownRegions.COUNTRIES.contains(reversed)) {
            // su-east-1 is as near sa-east-1 as us-east-1: the country put right is the one meant.
            String righted = reversed + value.substring(country.length());
            if (KnownRegions.IDS.contains(righted)) {
                return Optional.of(righted);
            }
        } else if (KnownRegions.DIRECTIONS.contains(direction(value))) {
            return Optional.empty();
        }
        return Typos.nearest(value, KnownRegions.IDS);
    }

    /** A region name's first word: {@code eu} in {@code eu-west-1}, {@code us} in {@code us-gov-west-1}. */
    private static String country(String region) {
        return region.substring(0, region.indexOf('-'));
    }

    /** A region name's last word before its number: {@code west} in {@code eu-west-1} and {@code us-gov-west-1}. */
    private static String direction(String region) {
        String area = region.substring(0, region.lastIndexOf('-'));
        return area.substring(area.lastIndexOf('-') + 1);
    }

    /** The regions the AWS SDK in this plugin knows, without the global pseudo-regions such as aws-global. */
    private static final class KnownRegions {
        static final Set<String> IDS = Region.regions().stream()
                .map(Region::id)
                .filter(id -> REGION.matcher(id).matches())
                .collect(Collectors.toUnmodifiableSet());
        static final Set<String> COUNTRIES =
                IDS.stream().map(AwsTarget::country).collect(Collectors.toUnmodifiableSet());
        static final Set<String> DIRECTIONS =
                IDS.stream().map(AwsTarget::direction).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * A named profile must exist in the shared files the SDK reads (~/.aws/config and ~/.aws/credentials, or the
     * files AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE name); without this check the SDK reports it only at the
     * first call, as a credentials failure.
     */
    private static Optional<String> profileProblem(String source, String value) {
        if (!PROFILE.matcher(value).matches()) {
            return Optional.of(source + " \"" + value + "\" is not a profile name: letters, digits and _.@+-");
        }
        ProfileFile files;
        try {
            files = ProfileFile.defaultProfileFile();
        } catch (RuntimeException unreadable) {
            return Optional.of(source + " \"" + value + "\": the AWS config files cannot be read ("
                    + unreadable.getMessage() + "); check " + ProfileFiles.paths("and"));
        }
        if (files.profile(value).isPresent()) {
            return Optional.empty();
        }
        ProfileFiles.Absence absent = ProfileFiles.absence(value, files);
        return Optional.of(source + " \"" + value + "\" names no profile: it is " + absent.where() + ". "
                + absent.meant()
                        .map(meant -> "Did you mean " + meant + "?")
                        .orElse("Add a [profile " + value + "] section to " + ProfileFiles.config()
                                + ", name one of those, or drop the setting to use the SDK's default credentials"));
    }

    /** An http or https URL with a host, such as http://127.0.0.1:4566. */
    private static Optional<URI> endpointUri(String value) {
        try {
            URI uri = new URI(value.trim());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // Not a URL: reported with the accepted form.
        }
        return Optional.empty();
    }
}
