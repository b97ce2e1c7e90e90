package io.sparta.core.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sparta.core.common.SpartaUserException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFilesTest {

    @TempDir
    Path module;

    @Test
    void aSampleEventIsWrittenToEventsAndAnEditedFileIsNotReplacedUnlessAsked() throws Exception {
        Path file = EventFiles.defaultFile(module, "sqs");
        assertEquals(module.resolve("events/sqs.json"), file);

        EventFiles.write("sqs", file, false);
        assertArrayEquals(SampleEvents.named("sqs"), Files.readAllBytes(file));

        Files.writeString(file, "{\"Records\":[]}");
        SpartaUserException e = assertThrows(SpartaUserException.class, () -> EventFiles.write("sqs", file, false));
        assertEquals(
                file + " exists (edited, perhaps); name another file with -Dsparta.eventFile=PATH, or add"
                        + " -Dsparta.overwrite=true to replace it",
                e.getMessage());
        assertEquals("{\"Records\":[]}", Files.readString(file), "the edited event is kept");

        EventFiles.write("sqs", file, true);
        assertArrayEquals(SampleEvents.named("sqs"), Files.readAllBytes(file));
    }

    @Test
    void anUnknownKindListsTheKindsAndWritesNothing() {
        Path file = module.resolve("events/sqs2.json");
        SpartaUserException e = assertThrows(SpartaUserException.class, () -> EventFiles.write("sqs2", file, false));
        assertEquals("No sample event 'sqs2'; -Dsparta.sampleEvent takes one of " + SampleEvents.KINDS, e.getMessage());
        assertEquals(false, Files.exists(file));
    }
}
