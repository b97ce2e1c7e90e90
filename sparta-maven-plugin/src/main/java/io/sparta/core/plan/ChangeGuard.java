package io.sparta.core.plan;

import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stops a change that destroys data or broadens access unless the user allowed it: with a flag (logged with what it
 * allowed), or at the terminal's prompt. CI has no terminal, so there the flag is the only way.
 */
public final class ChangeGuard {

    public static final String ALLOW_DATA_LOSS = "sparta.allowDataLoss";
    public static final String ALLOW_IAM_BROADENING = "sparta.allowIamBroadening";

    private ChangeGuard() {}

    /**
     * @throws SpartaUserException naming each resource or statement and the flag that allows it, when the change
     *     is not allowed
     */
    public static void check(Plan plan, Safeguards safeguards, Console console) throws SpartaUserException {
        List<String> loss = plan.dataLoss().stream()
                .map(c -> c.action() + " " + c.logicalId() + " (" + c.resourceType()
                        + (c.physicalId().isEmpty() ? "" : " " + c.physicalId()) + ")"
                        + ("Remove".equals(c.action())
                                ? ""
                                : ": replaced because of " + String.join(", ", c.replacingProperties())))
                .toList();
        List<String> broadening = plan.broadening().stream()
                .map(p -> p.holder() + " " + p.document() + ": " + String.join("; ", p.broadening()))
                .toList();
        List<String> refused = new ArrayList<>();
        allow(
                        loss,
                        safeguards.allowDataLoss(),
                        ALLOW_DATA_LOSS,
                        "destroys data held by " + loss.size() + " resource(s)",
                        "To keep it, leave it in the template (a table or bucket declared with retainOnDelete = true"
                                + " also stays in AWS when it leaves the template); if its data may go, run again with"
                                + " -D" + ALLOW_DATA_LOSS + "=true",
                        safeguards,
                        console)
                .ifPresent(refused::add);
        allow(
                        broadening,
                        safeguards.allowIamBroadening(),
                        ALLOW_IAM_BROADENING,
                        "grants more access than the deployed stack in " + broadening.size() + " statement(s)",
                        "Review the grants (mvn sparta:plan writes them to target/sparta/plan.md), then run again"
                                + " with -D" + ALLOW_IAM_BROADENING + "=true",
                        safeguards,
                        console)
                .ifPresent(refused::add);
        if (!refused.isEmpty()) {
            throw new SpartaUserException("Stopped before changing the stack: " + String.join("\nAlso: ", refused));
        }
    }

    /** @return the refusal, or empty when nothing needs allowing or it was allowed */
    private static Optional<String> allow(
            List<String> items,
            boolean flag,
            String property,
            String what,
            String howTo,
            Safeguards safeguards,
            Console console) {
        if (items.isEmpty()) {
            return Optional.empty();
        }
        String list = String.join("\n  ", items);
        if (flag) {
            warnLines(console, "This change " + what + ", allowed by -D" + property + ":\n  " + list);
            return Optional.empty();
        }
        if (safeguards.confirmation().isPresent()
                && safeguards.confirmation().get().confirm("This change " + what + ":\n  " + list + "\nGo ahead?")) {
            warnLines(console, "This change " + what + ", confirmed at the prompt:\n  " + list);
            return Optional.empty();
        }
        return Optional.of("this change " + what + ":\n  " + list + "\n" + howTo);
    }

    /** One warning a line, so each line carries Maven's [WARNING] prefix and log filters see all of it. */
    private static void warnLines(Console console, String text) {
        text.lines().forEach(console::warn);
    }
}
