package io.sparta.api;

/**
 * What can be configured under {@code <decorators>}: a {@link TemplateDecorator} or a {@link ServiceDecorator}.
 * Configured like maven-shade-plugin's transformers, with nested elements set on same-named fields:
 *
 * <pre>{@code
 * <decorators>
 *   <decorator implementation="io.sparta.decorators.ErrorAlarms">
 *     <threshold>5</threshold>
 *   </decorator>
 * </decorators>
 * }</pre>
 */
public interface SpartaDecorator {}
