package io.sparta.maven;

import io.sparta.core.model.FunctionDefaults;
import java.util.Optional;

/**
 * The pom's {@code <functionDefaults>}: what every function takes for the {@code @SpartaLambda} attributes it does
 * not write. A value written on the annotation wins.
 *
 * <pre>{@code
 * <functionDefaults>
 *   <memory>1024</memory>
 *   <timeout>20</timeout>
 *   <runtime>java21</runtime>
 *   <architecture>arm64</architecture>
 *   <snapStart>true</snapStart>
 *   <tracing>true</tracing>
 *   <logRetentionDays>14</logRetentionDays>
 *   <javaToolOptions>-XX:+TieredCompilation -XX:TieredStopAtLevel=1</javaToolOptions>
 * </functionDefaults>
 * }</pre>
 */
public class FunctionDefaultsConfiguration {

    /** Memory in MB, 128 to 10240. */
    Integer memory;

    /** Timeout in seconds, 1 to 900. */
    Integer timeout;

    /** {@code java17}, {@code java21} or {@code java25}. */
    String runtime;

    /** {@code x86_64} or {@code arm64}. */
    String architecture;

    /** Lambda SnapStart on published versions: true or false. */
    String snapStart;

    /** Active X-Ray tracing: true or false. */
    String tracing;

    /** A retention CloudWatch Logs accepts, in days, or 0 for logs that never expire. */
    Integer logRetentionDays;

    /** {@code JAVA_TOOL_OPTIONS} for every function that does not set its own. */
    String javaToolOptions;

    FunctionDefaults toDefaults() {
        return new FunctionDefaults(
                Optional.ofNullable(memory),
                Optional.ofNullable(timeout),
                AbstractSpartaMojo.present(runtime),
                AbstractSpartaMojo.present(architecture),
                AbstractSpartaMojo.present(snapStart),
                AbstractSpartaMojo.present(tracing),
                Optional.ofNullable(logRetentionDays),
                Optional.ofNullable(javaToolOptions));
    }
}
