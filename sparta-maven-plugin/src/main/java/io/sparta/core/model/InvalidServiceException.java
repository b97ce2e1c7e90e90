package io.sparta.core.model;

import io.sparta.core.common.SpartaUserException;
import java.util.List;

/** The declarations or settings break a rule of Lambda, CloudFormation or Sparta; every problem is listed. */
public final class InvalidServiceException extends SpartaUserException {

    private final List<String> problems;

    public InvalidServiceException(List<String> problems) {
        super(
                problems.size() == 1
                        ? problems.get(0)
                        : problems.size() + " problems in the service declaration:\n  - "
                                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
