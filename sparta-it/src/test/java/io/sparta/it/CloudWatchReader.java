package io.sparta.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import software.amazon.awssdk.regions.Region;

/**
 * Reads CloudWatch through its query API (form-encoded POST, XML answers,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetDashboard.html). The AWS SDK's cloudwatch
 * module speaks Smithy RPC v2 CBOR at 2.59.1, which moto 5.2.5 does not route (it answers 404); both emulators answer
 * the query API the SDK spoke before. They route it by the credential scope and do not check signatures.
 */
final class CloudWatchReader {

    private final URI endpoint;
    private final Region region;
    private final HttpClient http = HttpClient.newHttpClient();

    CloudWatchReader(URI endpoint, Region region) {
        this.endpoint = endpoint;
        this.region = region;
    }

    /** The dashboard's body, its JSON as CloudFormation was given it. */
    String dashboardBody(String name) {
        Document answer = call("GetDashboard", "DashboardName=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        return answer.getElementsByTagName("DashboardBody").item(0).getTextContent();
    }

    private Document call(String action, String parameters) {
        try {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(endpoint.resolve("/"))
                            .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                            .header("Authorization", Unsigned.authorization(region.id(), "monitoring"))
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "Action=" + action + "&Version=2010-08-01&" + parameters))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError(action + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new ByteArrayInputStream(response.body()));
        } catch (IOException | javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IllegalStateException(action, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(action, e);
        }
    }
}
