package io.sparta.core;

import io.sparta.core.common.Console;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Console for tests: keeps what the core reported, info and warnings, in order. */
public final class RecordingConsole implements Console {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        lines.add(message);
    }

    @Override
    public void warn(String message) {
        lines.add(message);
        warnings.add(message);
    }

    @Override
    public void debug(String message) {}

    public List<String> lines() {
        return lines;
    }

    public List<String> warnings() {
        return warnings;
    }
}
