package io.sparta.maven;

import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.local.EventFiles;
import io.sparta.core.local.SampleEvents;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes a sample event in the shape AWS sends to a file, to edit and pass to {@code sparta:invoke}, as
 * {@code sam local generate-event} does: {@code mvn sparta:generate-event -Dsparta.sampleEvent=s3}, then
 * {@code mvn compile sparta:invoke -Dsparta.function=NAME -Dsparta.event=events/s3.json}.
 */
@Mojo(name = "generate-event", threadSafe = true, configurator = SpartaConfigurator.HINT)
public class GenerateEventMojo extends AbstractSpartaMojo {

    /** The kind: apigw-v1, apigw-v2, cloudwatch-logs, dynamodb, eventbridge, kinesis, s3, schedule, sns or sqs. */
    @Parameter(property = "sparta.sampleEvent", required = true)
    String sampleEvent;

    /** The file to write, relative to the module; {@code events/<kind>.json} by default. */
    @Parameter(property = "sparta.eventFile")
    String eventFile;

    /** Replace the file when it exists. */
    @Parameter(property = "sparta.overwrite", defaultValue = "false")
    boolean overwrite;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    org.apache.maven.project.MavenProject project;

    @Override
    void run(Console console) throws SpartaUserException, IOException {
        Path module = project.getBasedir().toPath();
        Path file =
                present(eventFile).map(module::resolve).orElseGet(() -> EventFiles.defaultFile(module, sampleEvent));
        Path written = EventFiles.write(sampleEvent, file, overwrite);
        console.info("Wrote a sample " + sampleEvent + " event to " + written + "; edit it, then run mvn compile"
                + " sparta:invoke -Dsparta.function=NAME -Dsparta.event=" + module.relativize(written)
                + " (kinds: " + String.join(", ", SampleEvents.KINDS) + ")");
    }
}
