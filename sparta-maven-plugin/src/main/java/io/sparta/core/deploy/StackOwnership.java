package io.sparta.core.deploy;

import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import io.sparta.core.model.ServiceSettings;
import java.util.Optional;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.Tag;

/**
 * Which service a stack belongs to, by its {@value ServiceSettings#OWNER_TAG} tag: Sparta changes or deletes only
 * stacks it created for the same service, or one the user deliberately adopts.
 */
final class StackOwnership {

    private StackOwnership() {}

    /** The service named by the stack's owner tag, or empty when it has none. */
    static Optional<String> owner(Stack stack) {
        return stack.tags().stream()
                .filter(t -> ServiceSettings.OWNER_TAG.equals(t.key()))
                .map(Tag::value)
                .findFirst();
    }

    /**
     * @param adoptStack the stack the user allowed this service to take over ({@code -Dsparta.adoptStack})
     * @throws SpartaUserException when the stack is another owner's and not adopted, or the adopted name is not
     *     this stack's
     */
    static void check(Stack stack, String service, Optional<String> adoptStack, String goal, Console console)
            throws SpartaUserException {
        String name = stack.stackName();
        if (adoptStack.isPresent() && !adoptStack.get().equals(name)) {
            throw new SpartaUserException("-Dsparta.adoptStack names stack " + adoptStack.get() + ", but this goal acts"
                    + " on stack " + name + "; give the stack's own name, or leave the property out");
        }
        Optional<String> owner = owner(stack);
        if (owner.isPresent() && owner.get().equals(service)) {
            return;
        }
        String whose = owner.map(o -> "belongs to Sparta service " + o + " (its " + ServiceSettings.OWNER_TAG + " tag)")
                .orElse("was not created by Sparta (it has no " + ServiceSettings.OWNER_TAG + " tag)");
        if (adoptStack.isPresent()) {
            String adopting = "Adopting stack " + name + " (-Dsparta.adoptStack): it " + whose + "; ";
            String tag = ServiceSettings.OWNER_TAG + "=" + service;
            console.warn(
                    switch (goal) {
                        case "delete" -> "Deleting stack " + name + " (-Dsparta.adoptStack): it " + whose;
                        case "plan" -> adopting + "provision with -Dsparta.adoptStack tags it " + tag;
                        default -> adopting + "the change set tags it " + tag + " once it executes";
                    });
            return;
        }
        String deliberately = "delete".equals(goal)
                ? "To delete it deliberately:\n  mvn sparta:delete -Dsparta.adoptStack=" + name
                        + " (with this run's other options)"
                : "To take this one over deliberately, see what would change, then provision it:\n"
                        + "  mvn sparta:plan -Dsparta.adoptStack=" + name + "\n"
                        + "  mvn sparta:" + ("plan".equals(goal) ? "provision" : goal) + " -Dsparta.adoptStack=" + name
                        + "\n(each with this run's other options, such as -Dsparta.stackName or -Dsparta.environment;"
                        + " removing the stack's own resources then also needs -Dsparta.allowDataLoss=true)";
        throw new SpartaUserException("Stack " + name + " exists and " + whose + "; Sparta will not change or delete"
                + " a stack another owner deployed.\n"
                + "If another stack was meant, set <stackName> (-Dsparta.stackName). " + deliberately);
    }
}
