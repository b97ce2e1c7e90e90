package io.sparta.core.deploy;

import io.sparta.core.common.Typos;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;

/**
 * The AWS config and credentials files as the AWS SDK finds them (AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE,
 * their system properties, else ~/.aws/config and ~/.aws/credentials), for messages about a profile that name the
 * files the SDK read: https://docs.aws.amazon.com/sdkref/latest/guide/file-location.html
 */
final class ProfileFiles {

    private ProfileFiles() {}

    /** The two files' paths, joined by {@code conjunction} ("and", "or", "nor"). */
    static String paths(String conjunction) {
        return config() + " " + conjunction + " " + ProfileFileLocation.credentialsFilePath();
    }

    /** The AWS config file, where a {@code [profile NAME]} section goes. */
    static Path config() {
        return ProfileFileLocation.configurationFilePath();
    }

    /**
     * Where a profile is not: "in neither CONFIG nor CREDENTIALS, which have the profiles a, b", and the profile of
     * those that a misspelling most likely meant (Levenshtein, at most two edits, case ignored).
     */
    record Absence(String where, Optional<String> meant) {}

    /**
     * Where the named profile is not.
     *
     * @param files the SDK's reading of both files, which have no profile of that name
     */
    static Absence absence(String profile, ProfileFile files) {
        Set<String> names = new TreeSet<>(files.profiles().keySet());
        return new Absence(
                "in neither " + paths("nor")
                        + (names.isEmpty()
                                ? ", which have no profile"
                                : ", which have the profiles " + String.join(", ", names)),
                Typos.nearest(profile, names));
    }
}
