package io.sparta.annotations.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which names and values are literal secrets: each kind named in issue 18 and by the first user trial. */
class LiteralSecretTest {

    @ParameterizedTest
    @CsvSource({
        "DB_PASSWORD, hunter2",
        "DbPassword, hunter2",
        "DB_PWD, hunter2",
        "DB_PASS, hunter2",
        "DbPass, hunter2",
        "PASSPHRASE, correct horse",
        "SIGNING_KEY, abc",
        "API_KEY, abc",
        "ApiKey, abc",
        "APIKey, abc",
        "stripe.secret, sk_live_1",
        "GITHUB_TOKEN, ghp_1",
        "OAUTH_CLIENT_SECRET, x",
        "PrivateKey, ----BEGIN",
        "AWS_CREDENTIALS, x"
    })
    void aCredentialsNameWithALiteralIsRefused(String name, String value) {
        assertEquals(
                Optional.of(name + " looks like a secret but holds a literal value, which would be written to the"
                        + " template, the manifest and the deployed configuration"),
                FunctionRules.literalSecret(name, value));
    }

    @ParameterizedTest
    @CsvSource({
        "DATABASE_URL, postgres://app:hunter2@db:5432/app",
        "BROKER, amqps://user:p4ss@mq.example.com",
        "ENDPOINT, https://admin:admin@example.com/api"
    })
    void aUrlWithAPasswordIsRefusedWhateverItsName(String name, String value) {
        assertTrue(FunctionRules.literalSecret(name, value).orElseThrow().contains("holds a URL with a password"));
    }

    @ParameterizedTest
    @CsvSource({
        "SECRET_ARN, arn:aws:secretsmanager:eu-west-1:123456789012:secret:db",
        "DB_SECRET_NAME, orders/db",
        "TOKEN_TTL, 300",
        "PasswordMinLength, 12",
        "SECRET_ID, orders/db",
        "API_KEY_HEADER, x-api-key",
        "DB_PASSWORD, {{resolve:secretsmanager:orders/db}}",
        "DB_PASSWORD, ${DbPasswordParameter}",
        "DB_PASSWORD, ''",
        "PASSENGER_LIMIT, 4",
        "KEYSPACE, orders",
        "DATABASE_URL, postgres://db:5432/app",
        "TOKEN_ENDPOINT, https://auth.example.com/token"
    })
    void namesThatPointToOrMeasureASecretAndReferencesAreNoLiteralSecret(String name, String value) {
        assertEquals(Optional.empty(), FunctionRules.literalSecret(name, value));
    }
}
