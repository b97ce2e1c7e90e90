package io.sparta.core.local;

import io.sparta.core.common.SpartaUserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code sparta:generate-event}: a sample event written to a file, for editing and then {@code -Dsparta.event}. */
public final class EventFiles {

    private EventFiles() {}

    /** Where an event goes when no file is named: {@code events/<kind>.json} in the module. */
    public static Path defaultFile(Path module, String kind) {
        return module.resolve("events").resolve(kind + ".json");
    }

    /**
     * @param kind one of {@link SampleEvents#KINDS}
     * @param overwrite whether an existing file (perhaps edited) may be replaced
     * @return the file written
     * @throws SpartaUserException for an unknown kind, or a file that exists when {@code overwrite} is false
     */
    public static Path write(String kind, Path file, boolean overwrite) throws SpartaUserException, IOException {
        byte[] event = SampleEvents.named(kind);
        if (Files.exists(file) && !overwrite) {
            throw new SpartaUserException(file + " exists (edited, perhaps); name another file with"
                    + " -Dsparta.eventFile=PATH, or add -Dsparta.overwrite=true to replace it");
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        return Files.write(file, event);
    }
}
