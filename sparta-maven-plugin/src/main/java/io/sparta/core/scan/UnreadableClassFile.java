package io.sparta.core.scan;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.objectweb.asm.Opcodes;

/**
 * A {@code .class} file ASM cannot parse: bytes that are not a class file, or a class file of a Java newer than this
 * ASM knows. ASM reports both as an unchecked exception, often without a message; this one names the file and what
 * to do.
 */
final class UnreadableClassFile extends RuntimeException {

    /** The newest Java whose class files ASM reads, from its {@code Opcodes.V<n>} constants. */
    static final int NEWEST_JAVA = Arrays.stream(Opcodes.class.getFields())
            .filter(field ->
                    Modifier.isStatic(field.getModifiers()) && field.getName().matches("V\\d+"))
            .mapToInt(UnreadableClassFile::javaOf)
            .max()
            .orElse(17);

    /**
     * @param where the file, or the class and the classpath entry it came from
     * @param cause what ASM threw: {@link IllegalArgumentException} or {@link ArrayIndexOutOfBoundsException}
     */
    UnreadableClassFile(String where, RuntimeException cause) {
        super(message(where, cause), cause);
    }

    /** What the user is told, naming the file and what to do. */
    static String message(String where, RuntimeException cause) {
        return "Cannot read " + where + " as a class file"
                + (cause.getMessage() == null || cause.getMessage().isBlank() ? "" : " (" + cause.getMessage() + ")")
                + ": Sparta reads class files of Java 1.1 to " + NEWEST_JAVA + ". If it is not a compiled"
                + " class, give it another extension or move it out of src/main/resources; if a newer JDK"
                + " compiled it, set <maven.compiler.release>" + NEWEST_JAVA + "</maven.compiler.release> or"
                + " lower in the pom's <properties>; then run mvn clean package, as target/classes keeps a"
                + " copy until cleaned";
    }

    private static int javaOf(Field field) {
        return Integer.parseInt(field.getName().substring(1));
    }
}
