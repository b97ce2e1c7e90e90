package io.sparta.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One tag of a function: {@code @Tag(key = "cost-center", value = "shop")}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Tag {

    /** 1 to 128 characters, not starting with {@code aws:}. */
    String key();

    /** At most 256 characters. */
    String value();
}
