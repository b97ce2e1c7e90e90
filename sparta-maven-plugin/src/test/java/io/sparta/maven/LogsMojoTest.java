package io.sparta.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

@MojoTest
class LogsMojoTest {

    @Test
    @InjectMojo(goal = "logs", pom = "src/test/resources/projects/configured/pom.xml")
    @MojoParameter(name = "function", value = "greet")
    @MojoParameter(name = "since", value = "yesterday")
    void refusesASinceThatIsNotADuration(LogsMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("-Dsparta.since=yesterday is not a duration such as 10m, 2h or 90s", e.getMessage());
    }
}
