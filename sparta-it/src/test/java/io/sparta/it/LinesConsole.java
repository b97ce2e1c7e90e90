package io.sparta.it;

import io.sparta.core.common.Console;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A console that keeps what the core tells it, for tests calling the core directly. */
final class LinesConsole implements Console {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        lines.add(message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARNING " + message);
    }

    @Override
    public void debug(String message) {}

    List<String> lines() {
        return List.copyOf(lines);
    }
}
