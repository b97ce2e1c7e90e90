package io.sparta.runtime.customresource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PUTs a response to CloudFormation's pre-signed URL, retrying what may pass on a second try. See
 * <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-responses.html">Custom resource
 * response objects</a>.
 */
final class ResponseSender {

    static final int ATTEMPTS = 3;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** The pause before the second attempt; doubled before the third. */
    static final Duration BACKOFF = Duration.ofMillis(200);

    private static final Pattern S3_CODE = Pattern.compile("<Code>([^<]{1,100})</Code>");
    private static final Pattern S3_MESSAGE = Pattern.compile("<Message>([^<]{1,300})</Message>");

    private ResponseSender() {}

    /** One client per container: it holds a connection pool and a selector thread worth reusing across requests. */
    private static final class Client {
        // HTTP/1.1: S3 speaks nothing else, and an h2c upgrade offer on http:// adds headers to no purpose.
        static final HttpClient INSTANCE = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    /** Builds the client now, so that sending the answer later does not spend the function's last moments on it. */
    static void prepare() {
        Client.INSTANCE.version();
    }

    /**
     * Sends {@code body} with PUT and no Content-Type header, since the URL is signed without one and S3 refuses a
     * request whose headers differ from the signed ones. Retries an IOException or an HTTP 5xx, at most
     * {@value #ATTEMPTS} attempts in all; a 4xx (an expired or altered URL) is final.
     *
     * @param log where each failed attempt is told, without the URL's query (its signature is a credential)
     * @return whether CloudFormation received the body
     */
    static boolean send(URI url, byte[] body, Consumer<String> log) {
        String where = withoutQuery(url);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            String failure;
            boolean retryable;
            try {
                HttpResponse<String> response = Client.INSTANCE.send(
                        HttpRequest.newBuilder(url)
                                .timeout(REQUEST_TIMEOUT)
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return true;
                }
                failure = "HTTP " + status + s3Error(response.body());
                retryable = status >= 500;
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                retryable = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.accept("Interrupted while answering CloudFormation at " + where);
                return false;
            }
            boolean last = attempt == ATTEMPTS || !retryable;
            log.accept("Answering CloudFormation at " + where + ", attempt " + attempt + " of " + ATTEMPTS + " failed ("
                    + failure + ")" + (last ? "; giving up" : "; trying again"));
            if (last) {
                return false;
            }
            try {
                Thread.sleep(BACKOFF.toMillis() << (attempt - 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** {@code scheme://host[:port]/path}: the pre-signed URL's query holds a signature that must not reach logs. */
    static String withoutQuery(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort())
                + url.getRawPath();
    }

    /**
     * S3's error code and message, and nothing else of its error body: a SignatureDoesNotMatch body repeats the
     * access key id and the signature.
     */
    static String s3Error(String body) {
        Matcher code = S3_CODE.matcher(body);
        Matcher message = S3_MESSAGE.matcher(body);
        return (code.find() ? " " + code.group(1) : "") + (message.find() ? ": " + message.group(1) : "");
    }
}
