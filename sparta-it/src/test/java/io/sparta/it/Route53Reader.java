package io.sparta.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Route 53 through its REST API. The AWS SDK's route53 module was not served at the SDK version Sparta pinned when
 * these tests were written (2.39.6; at 2.59.1 it is), so the tests send the requests the SDK would; the emulators
 * route them by the credential scope and do not check signatures.
 */
final class Route53Reader {

    private static final String VERSION = "/2013-04-01";

    private final URI endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    Route53Reader(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** Creates a public hosted zone and returns its id, without the {@code /hostedzone/} prefix. */
    String createHostedZone(String name, String callerReference) {
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<CreateHostedZoneRequest xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\">"
                + "<Name>" + name + "</Name><CallerReference>" + callerReference + "</CallerReference>"
                + "</CreateHostedZoneRequest>";
        Document answer = send("POST", VERSION + "/hostedzone", body, 201);
        return text(answer.getDocumentElement(), "Id").replaceFirst("^/hostedzone/", "");
    }

    /** The zone's record sets, each as {@code NAME TYPE}, such as {@code shop.example.com. A}. */
    List<String> recordSets(String zoneId) {
        Document answer = send("GET", VERSION + "/hostedzone/" + zoneId + "/rrset", null, 200);
        List<String> records = new ArrayList<>();
        NodeList sets = answer.getElementsByTagName("ResourceRecordSet");
        for (int i = 0; i < sets.getLength(); i++) {
            Element set = (Element) sets.item(i);
            records.add(text(set, "Name") + " " + text(set, "Type"));
        }
        return records;
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent();
    }

    private Document send(String method, String path, String body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(path))
                .header("Authorization", Unsigned.authorization("us-east-1", "route53"))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != expected) {
                throw new AssertionError(method + " " + path + ": " + response.statusCode() + " "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new ByteArrayInputStream(response.body()));
        } catch (IOException | javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
