package io.sparta.annotations.processing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A strict reader of JSON text (RFC 8259) that only answers whether it is valid and, if not, where it breaks. The
 * annotations jar has no dependencies, since javac loads it as a processor, so the rules that take JSON (event
 * patterns, SNS filter policies) read it with this at compile time and at package time alike.
 */
final class JsonText {

    /**
     * A string value of a JSON text.
     *
     * @param member the name of the object member it is the value of, or an element of the array of: the nearest
     *     enclosing member; {@code null} at the top level
     * @param value the text between its quotes, escapes as written
     */
    record JsonString(String member, String value) {}

    private final String text;
    private final List<JsonString> strings = new ArrayList<>();
    private String member;
    private int at;

    private JsonText(String text) {
        this.text = text;
    }

    /** @return why the text is not one JSON value, or nothing */
    static Optional<String> problem(String text) {
        JsonText reader = new JsonText(text);
        try {
            reader.blank();
            reader.value();
            reader.blank();
            if (reader.at < text.length()) {
                throw reader.unexpected();
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Every string value of a valid JSON text, in order, member names left out; empty for invalid text. */
    static List<JsonString> strings(String text) {
        JsonText reader = new JsonText(text);
        try {
            reader.blank();
            reader.value();
            return List.copyOf(reader.strings);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private void value() {
        if (at >= text.length()) {
            throw new IllegalArgumentException("the text ends where a value should start");
        }
        char c = text.charAt(at);
        switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> strings.add(new JsonString(member, string()));
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    number();
                } else {
                    throw unexpected();
                }
            }
        }
    }

    private void object() {
        String outer = member;
        sequence('}', () -> {
            if (peek() != '"') {
                throw unexpected("a quoted member name");
            }
            String name = string();
            blank();
            expect(':');
            blank();
            member = name;
            value();
            member = outer;
        });
    }

    private void array() {
        sequence(']', this::value);
    }

    /** The elements of an object or array after its opening bracket, separated by commas, up to {@code close}. */
    private void sequence(char close, Runnable element) {
        at++;
        blank();
        if (peek() == close) {
            at++;
            return;
        }
        while (true) {
            blank();
            element.run();
            blank();
            if (peek() == ',') {
                at++;
            } else {
                expect(close);
                return;
            }
        }
    }

    /** @return the text between the quotes, escapes as written */
    private String string() {
        int start = ++at;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return text.substring(start, at - 1);
            }
            if (c < 0x20) {
                at--;
                throw unexpected("a character escaped in the string");
            }
            if (c == '\\') {
                char escaped = peek();
                if ("\"\\/bfnrt".indexOf(escaped) >= 0) {
                    at++;
                } else if (escaped == 'u'
                        && at + 5 <= text.length()
                        && text.substring(at + 1, at + 5).matches("[0-9A-Fa-f]{4}")) {
                    at += 5;
                } else {
                    throw unexpected("an escape such as \\n or \\u00e9");
                }
            }
        }
        throw new IllegalArgumentException("a string is not closed before the text ends");
    }

    private void number() {
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        if (!text.substring(start, at).matches("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")) {
            throw new IllegalArgumentException(
                    "\"" + text.substring(start, at) + "\" at character " + (start + 1) + " is not a JSON number");
        }
    }

    private void literal(String word) {
        if (!text.startsWith(word, at)) {
            throw unexpected();
        }
        at += word.length();
    }

    private void expect(char wanted) {
        if (peek() != wanted) {
            throw unexpected("'" + wanted + "'");
        }
        at++;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void blank() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private IllegalArgumentException unexpected() {
        return unexpected(null);
    }

    private IllegalArgumentException unexpected(String wanted) {
        String found = at >= text.length() ? "the end of the text" : "'" + text.charAt(at) + "'";
        return new IllegalArgumentException(found + " at character " + (at + 1)
                + (wanted == null ? " is unexpected" : " where " + wanted + " belongs"));
    }
}
