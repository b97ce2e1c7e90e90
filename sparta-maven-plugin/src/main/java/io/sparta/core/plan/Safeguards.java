package io.sparta.core.plan;

import java.util.Optional;

/**
 * What a provision may do beyond the safe default, as the user allowed it for this run.
 *
 * @param allowDataLoss {@code -Dsparta.allowDataLoss}: removing or replacing a stateful resource the template does
 *     not keep
 * @param allowIamBroadening {@code -Dsparta.allowIamBroadening}: a change granting more than the deployed stack
 * @param adoptStack {@code -Dsparta.adoptStack}: the name of an existing stack Sparta did not create that this
 *     service may take over
 * @param confirmation asks the person at the terminal; empty in batch mode and without a terminal, such as in CI
 */
public record Safeguards(
        boolean allowDataLoss,
        boolean allowIamBroadening,
        Optional<String> adoptStack,
        Optional<Confirmation> confirmation) {

    /** The defaults: nothing allowed, nobody to ask. */
    public static Safeguards none() {
        return new Safeguards(false, false, Optional.empty(), Optional.empty());
    }

    /** Asks a yes-or-no question of the person running the build. */
    @FunctionalInterface
    public interface Confirmation {
        /** @return whether they answered yes */
        boolean confirm(String question);
    }
}
