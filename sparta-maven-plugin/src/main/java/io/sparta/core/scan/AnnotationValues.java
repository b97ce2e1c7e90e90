package io.sparta.core.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Opcodes;

/** Collects an annotation's explicit values into plain maps and lists as ASM reads them. */
final class AnnotationValues extends AnnotationVisitor {

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Consumer<Map<String, Object>> onEnd;

    AnnotationValues(Consumer<Map<String, Object>> onEnd) {
        super(Opcodes.ASM9);
        this.onEnd = onEnd;
    }

    @Override
    public void visit(String name, Object value) {
        values.put(name, value);
    }

    @Override
    public void visitEnum(String name, String descriptor, String value) {
        values.put(name, value);
    }

    @Override
    public AnnotationVisitor visitAnnotation(String name, String descriptor) {
        return new AnnotationValues(nested -> values.put(name, nested));
    }

    @Override
    public AnnotationVisitor visitArray(String name) {
        List<Object> elements = new ArrayList<>();
        values.put(name, elements);
        return new AnnotationVisitor(Opcodes.ASM9) {
            @Override
            public void visit(String ignored, Object value) {
                elements.add(value);
            }

            @Override
            public void visitEnum(String ignored, String descriptor, String value) {
                elements.add(value);
            }

            @Override
            public AnnotationVisitor visitAnnotation(String ignored, String descriptor) {
                return new AnnotationValues(elements::add);
            }
        };
    }

    @Override
    public void visitEnd() {
        onEnd.accept(Map.copyOf(values));
    }
}
