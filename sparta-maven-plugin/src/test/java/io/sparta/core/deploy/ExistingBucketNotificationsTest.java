package io.sparta.core.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparta.api.HttpApiSettings;
import io.sparta.api.LambdaFunction;
import io.sparta.api.OwnedResource;
import io.sparta.api.S3BucketTrigger;
import io.sparta.api.ServiceModel;
import io.sparta.core.RecordingConsole;
import io.sparta.core.TestFunctions;
import io.sparta.core.common.TemplateJson;
import io.sparta.core.deploy.ExistingBucketNotifications.Notification;
import io.sparta.core.template.ServiceTemplate;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Sparta's notifications on buckets the stack does not own, merged into the bucket owner's configuration: the real
 * S3 client reads and writes it through responses shaped as S3's API reference documents them.
 */
class ExistingBucketNotificationsTest {

    private static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final String STACK_ID =
            "arn:aws:cloudformation:eu-west-1:123456789012:stack/orders/5a1b2c3d-0000-4000-8000-00000000aaaa";
    private static final String INGEST_ARN = "arn:aws:lambda:eu-west-1:123456789012:function:orders-ingest";
    private static final String PURGE_ARN = "arn:aws:lambda:eu-west-1:123456789012:function:orders-purge";

    private static final Notification INGEST =
            new Notification("photos", "ingest", List.of("s3:ObjectCreated:*"), "uploads/", ".jpg");
    private static final Notification PURGE = new Notification(
            "photos", "purge", List.of("s3:ObjectRemoved:Delete", "s3:ObjectRemoved:DeleteMarkerCreated"), "", "");

    /** The bucket owner's own notifications, one of each kind S3 has. */
    private static final String OWNER_TOPIC = """
            <TopicConfiguration>\
            <Id>owner-audit</Id>\
            <Topic>arn:aws:sns:eu-west-1:123456789012:photo-audit</Topic>\
            <Event>s3:ObjectRemoved:*</Event>\
            </TopicConfiguration>""";

    private static final String OWNER_QUEUE = """
            <QueueConfiguration>\
            <Id>owner-index</Id>\
            <Queue>arn:aws:sqs:eu-west-1:123456789012:photo-index</Queue>\
            <Event>s3:ObjectCreated:*</Event>\
            <Filter><S3Key><FilterRule><Name>Prefix</Name><Value>index/</Value></FilterRule></S3Key></Filter>\
            </QueueConfiguration>""";
    private static final String OWNER_FUNCTION = """
            <CloudFunctionConfiguration>\
            <Id>owner-thumbnails</Id>\
            <CloudFunction>arn:aws:lambda:eu-west-1:123456789012:function:thumbnails</CloudFunction>\
            <Event>s3:ObjectCreated:Put</Event>\
            </CloudFunctionConfiguration>""";
    /** A function of another stack, whose name does not extend this one's. */
    private static final String BILLING_FUNCTION = """
            <CloudFunctionConfiguration>\
            <Id>sparta-billing-invoice-1</Id>\
            <CloudFunction>arn:aws:lambda:eu-west-1:123456789012:function:billing-invoice</CloudFunction>\
            <Event>s3:ObjectCreated:*</Event>\
            </CloudFunctionConfiguration>""";

    private static final String EVENT_BRIDGE = "<EventBridgeConfiguration></EventBridgeConfiguration>";

    /** Sparta's configurations exactly as it writes them for {@link #INGEST} and {@link #PURGE}. */
    private static final String OURS = """
            <CloudFunctionConfiguration>\
            <Id>sparta-orders-ingest-1</Id>\
            <CloudFunction>%s</CloudFunction>\
            <Event>s3:ObjectCreated:*</Event>\
            <Filter><S3Key>\
            <FilterRule><Name>prefix</Name><Value>uploads/</Value></FilterRule>\
            <FilterRule><Name>suffix</Name><Value>.jpg</Value></FilterRule>\
            </S3Key></Filter>\
            </CloudFunctionConfiguration>\
            <CloudFunctionConfiguration>\
            <Id>sparta-orders-purge-2</Id>\
            <CloudFunction>%s</CloudFunction>\
            <Event>s3:ObjectRemoved:Delete</Event>\
            <Event>s3:ObjectRemoved:DeleteMarkerCreated</Event>\
            </CloudFunctionConfiguration>""".formatted(INGEST_ARN, PURGE_ARN);

    /** Sparta's notification of this stack on a second bucket. */
    private static final String PURGE_ON_ARCHIVE = """
            <CloudFunctionConfiguration>\
            <Id>sparta-orders-purge-1</Id>\
            <CloudFunction>%s</CloudFunction>\
            <Event>s3:ObjectRemoved:*</Event>\
            </CloudFunctionConfiguration>""".formatted(PURGE_ARN);

    private final ScriptedHttp http = ScriptedHttp.s3();
    private final S3Client s3 = http.s3Client();
    private final RecordingConsole console = new RecordingConsole();
    private final ExistingBucketNotifications notifications = new ExistingBucketNotifications(s3, console);

    @AfterEach
    void closeClient() {
        s3.close();
    }

    private static String configuration(String... configurations) {
        return "<NotificationConfiguration xmlns=\"" + NS + "\">" + String.join("", configurations)
                + "</NotificationConfiguration>";
    }

    /** A GetBucketNotificationConfiguration response. */
    private static String getResponse(String... configurations) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + configuration(configurations);
    }

    /** The body of a PutBucketNotificationConfiguration, as the SDK writes it. */
    private static String written(String... configurations) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + configuration(configurations);
    }

    @Test
    void applyAddsSpartasNotificationsAndKeepsEveryOtherNotificationOfTheOwner() {
        http.ok("GET /photos?notification", getResponse(OWNER_TOPIC, OWNER_QUEUE, OWNER_FUNCTION, EVENT_BRIDGE))
                .ok("PUT /photos?notification", "");

        notifications.apply("orders", STACK_ID, List.of(INGEST, PURGE), List.of());

        assertEquals(List.of("GET /photos?notification", "PUT /photos?notification"), http.operations());
        assertEquals(
                written(OWNER_TOPIC, OWNER_QUEUE, OWNER_FUNCTION, OURS, EVENT_BRIDGE),
                http.call(1).body(),
                "the owner's topic, queue, function and EventBridge delivery are written back untouched");
        assertEquals(
                List.of("Bucket photos: 2 notification(s) of stack orders set, 1 other function notification(s) kept"),
                console.lines());
    }

    @Test
    void applyWritesNothingWhenS3AnswersTheFilterRuleNamesCapitalised() {
        // S3 gives back "Prefix" and "Suffix" whatever case they were written in; read naively, every provision
        // would rewrite the bucket's configuration and make S3 test every destination again.
        http.ok(
                "GET /photos?notification",
                getResponse(OURS.replace("<Name>prefix</Name>", "<Name>Prefix</Name>")
                        .replace("<Name>suffix</Name>", "<Name>Suffix</Name>")));

        notifications.apply("orders", STACK_ID, List.of(INGEST, PURGE), List.of(INGEST, PURGE));

        assertEquals(List.of("GET /photos?notification"), http.operations());
        assertEquals(List.of(), console.lines());
    }

    @Test
    void aStackWhoseNameStartsAnotherStacksNameLeavesThatStacksNotificationsAlone() {
        String stagingIngest = """
                <CloudFunctionConfiguration>\
                <Id>sparta-orders-staging-ingest-1</Id>\
                <CloudFunction>arn:aws:lambda:eu-west-1:123456789012:function:orders-staging-ingest</CloudFunction>\
                <Event>s3:ObjectCreated:*</Event>\
                </CloudFunctionConfiguration>""";
        http.ok("GET /photos?notification", getResponse(stagingIngest, OURS)).ok("PUT /photos?notification", "");

        notifications.removeAll("orders", List.of(INGEST, PURGE));

        assertEquals(
                written(stagingIngest),
                http.call(1).body(),
                "stack orders-staging's notification is not stack orders', though its id starts sparta-orders-");
    }

    @Test
    void applyTakesTheFunctionsPartitionRegionAndAccountFromTheStackId() {
        http.ok("GET /drop?notification", getResponse()).ok("PUT /drop?notification", "");

        notifications.apply(
                "orders",
                "arn:aws-cn:cloudformation:cn-north-1:210987654321:stack/orders/5a1b2c3d",
                List.of(new Notification("drop", "ingest", List.of("s3:ObjectCreated:Put"), "", "")),
                List.of());

        assertEquals(
                written("<CloudFunctionConfiguration><Id>sparta-orders-ingest-1</Id>"
                        + "<CloudFunction>arn:aws-cn:lambda:cn-north-1:210987654321:function:orders-ingest"
                        + "</CloudFunction><Event>s3:ObjectCreated:Put</Event></CloudFunctionConfiguration>"),
                http.call(1).body());
    }

    @Test
    void applyWritesNothingWhenTheBucketAlreadyHoldsExactlySpartasNotifications() {
        http.ok("GET /photos?notification", getResponse(OWNER_TOPIC, OWNER_FUNCTION, OURS, EVENT_BRIDGE));

        notifications.apply("orders", STACK_ID, List.of(INGEST, PURGE), List.of(INGEST, PURGE));

        assertEquals(List.of("GET /photos?notification"), http.operations());
        assertEquals(List.of(), console.lines());
        assertEquals(0, http.unanswered());
    }

    @Test
    void applyReplacesAChangedNotificationAndDropsOnesNoLongerWanted() {
        String oldIngest = """
                <CloudFunctionConfiguration>\
                <Id>sparta-orders-ingest-1</Id>\
                <CloudFunction>%s</CloudFunction>\
                <Event>s3:ObjectCreated:Put</Event>\
                </CloudFunctionConfiguration>""".formatted(INGEST_ARN);
        String oldArchive = """
                <CloudFunctionConfiguration>\
                <Id>sparta-orders-archive-2</Id>\
                <CloudFunction>arn:aws:lambda:eu-west-1:123456789012:function:orders-archive</CloudFunction>\
                <Event>s3:ObjectCreated:*</Event>\
                </CloudFunctionConfiguration>""";
        http.ok("GET /photos?notification", getResponse(OWNER_QUEUE, oldIngest, OWNER_FUNCTION, oldArchive))
                .ok("PUT /photos?notification", "");
        Notification ingest = new Notification("photos", "ingest", List.of("s3:ObjectCreated:*"), "", ".png");

        notifications.apply(
                "orders",
                STACK_ID,
                List.of(ingest),
                List.of(
                        new Notification("photos", "ingest", List.of("s3:ObjectCreated:Put"), "", ""),
                        new Notification("photos", "archive", List.of("s3:ObjectCreated:*"), "", "")));

        assertEquals(List.of("GET /photos?notification", "PUT /photos?notification"), http.operations());
        assertEquals(
                written(
                        OWNER_QUEUE,
                        OWNER_FUNCTION,
                        "<CloudFunctionConfiguration><Id>sparta-orders-ingest-1</Id><CloudFunction>" + INGEST_ARN
                                + "</CloudFunction><Event>s3:ObjectCreated:*</Event><Filter><S3Key><FilterRule>"
                                + "<Name>suffix</Name><Value>.png</Value></FilterRule></S3Key></Filter>"
                                + "</CloudFunctionConfiguration>"),
                http.call(1).body());
        assertEquals(
                List.of("Bucket photos: 1 notification(s) of stack orders set, 1 other function notification(s) kept"),
                console.lines());
    }

    @Test
    void applyClearsABucketThatOnlyThePreviousTemplateNamedAndLeavesAnUnchangedOneAlone() {
        http.ok("GET /archive?notification", getResponse(OWNER_QUEUE, PURGE_ON_ARCHIVE, EVENT_BRIDGE))
                .ok("PUT /archive?notification", "")
                .ok("GET /photos?notification", getResponse(OURS));

        notifications.apply(
                "orders",
                STACK_ID,
                List.of(INGEST, PURGE),
                List.of(INGEST, PURGE, new Notification("archive", "purge", List.of("s3:ObjectRemoved:*"), "", "")));

        assertEquals(
                List.of("GET /archive?notification", "PUT /archive?notification", "GET /photos?notification"),
                http.operations());
        assertEquals(written(OWNER_QUEUE, EVENT_BRIDGE), http.call(1).body());
        assertEquals(
                List.of("Bucket archive: 0 notification(s) of stack orders set, 0 other function notification(s) kept"),
                console.lines());
        assertEquals(0, http.unanswered());
    }

    @Test
    void removeAllRemovesOnlyThisStacksNotificationsFromEachBucket() {
        http.ok(
                        "GET /photos?notification",
                        getResponse(OWNER_TOPIC, OWNER_QUEUE, OURS, BILLING_FUNCTION, OWNER_FUNCTION, EVENT_BRIDGE))
                .ok("PUT /photos?notification", "")
                .ok("GET /archive?notification", getResponse(PURGE_ON_ARCHIVE))
                .ok("PUT /archive?notification", "");

        notifications.removeAll(
                "orders",
                List.of(INGEST, PURGE, new Notification("archive", "purge", List.of("s3:ObjectRemoved:*"), "", "")));

        assertEquals(
                List.of(
                        "GET /photos?notification",
                        "PUT /photos?notification",
                        "GET /archive?notification",
                        "PUT /archive?notification"),
                http.operations(),
                "each bucket once, in the order the deployed template names them");
        assertEquals(
                written(OWNER_TOPIC, OWNER_QUEUE, BILLING_FUNCTION, OWNER_FUNCTION, EVENT_BRIDGE),
                http.call(1).body());
        assertEquals(written(), http.call(3).body(), "an empty configuration turns the bucket's notifications off");
        assertEquals(
                List.of(
                        "Bucket photos: 0 notification(s) of stack orders set, 2 other function notification(s) kept",
                        "Bucket archive: 0 notification(s) of stack orders set, 0 other function notification(s) kept"),
                console.lines());
    }

    @Test
    void removeAllWritesNothingToABucketWhereSpartasNotificationsAreAlreadyGone() {
        http.ok("GET /photos?notification", getResponse(OWNER_QUEUE, BILLING_FUNCTION));

        notifications.removeAll("orders", List.of(INGEST, PURGE));

        assertEquals(List.of("GET /photos?notification"), http.operations());
        assertEquals(List.of(), console.lines());
    }

    @Test
    void fromTemplateReadsTheExistingBucketsNotificationsTheTemplateWrites() {
        LambdaFunction ingest = TestFunctions.function(
                "ingest",
                "Ingest",
                List.of(
                        new S3BucketTrigger("arn:aws:s3:::photos", List.of("s3:ObjectCreated:*"), "uploads/", ".jpg"),
                        new S3BucketTrigger("uploads", List.of("s3:ObjectCreated:*"), "incoming/", "")));
        LambdaFunction purge = TestFunctions.function(
                "purge",
                "Purge",
                List.of(new S3BucketTrigger(
                        "arn:aws:s3:::photos",
                        List.of("s3:ObjectRemoved:Delete", "s3:ObjectRemoved:DeleteMarkerCreated"),
                        "",
                        "")));
        LambdaFunction report = TestFunctions.function("report", "Report");
        JsonNode template = ServiceTemplate.marshal(new ServiceModel(
                "orders",
                "orders",
                new TreeMap<>(),
                new TreeMap<>(),
                List.of(ingest, purge, report),
                HttpApiSettings.DEFAULTS,
                List.of(new OwnedResource.Bucket("uploads", true, false))));

        List<Notification> read = ExistingBucketNotifications.fromTemplate(template).stream()
                .sorted(Comparator.comparing(Notification::function))
                .toList();

        assertEquals(
                List.of(INGEST, PURGE),
                read,
                "the declared bucket's notification is CloudFormation's to set, and a function without triggers has"
                        + " none");
    }

    @Test
    void fromTemplateReadsNoneFromATemplateWithoutThem() throws Exception {
        assertEquals(List.of(), ExistingBucketNotifications.fromTemplate(TemplateJson.MAPPER.readTree("{}")));
        assertEquals(List.of(), ExistingBucketNotifications.fromTemplate(TemplateJson.MAPPER.readTree("""
                        {"Resources": {"Permission": {"Type": "AWS::Lambda::Permission",
                          "Metadata": {"Other": {"Bucket": "photos"}}}}}""")));
    }
}
