package io.sparta.maven;

import io.sparta.core.common.Console;
import org.apache.maven.plugin.logging.Log;

/** Routes the core's reports to Maven's log. */
final class MavenConsole implements Console {

    private final Log log;

    MavenConsole(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }
}
