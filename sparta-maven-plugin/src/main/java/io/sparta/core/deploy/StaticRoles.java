package io.sparta.core.deploy;

import io.sparta.core.archive.PackageManifest;
import io.sparta.core.common.Console;
import io.sparta.core.common.SpartaUserException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/** The first stage of provision: every existing role a function names must exist before anything is deployed. */
public final class StaticRoles {

    private final IamClient iam;
    private final Console console;

    public StaticRoles(IamClient iam, Console console) {
        this.iam = iam;
        this.console = console;
    }

    public void verify(List<PackageManifest.Function> functions) throws SpartaUserException {
        List<String> missing = new ArrayList<>();
        for (PackageManifest.Function function : functions) {
            if (function.role() == null || function.role().isEmpty()) {
                continue;
            }
            String name = function.role().substring(function.role().lastIndexOf('/') + 1);
            try {
                iam.getRole(r -> r.roleName(name));
                console.info("Role " + function.role() + " of function " + function.name() + " exists");
            } catch (NoSuchEntityException e) {
                missing.add("function " + function.name() + " names role " + function.role()
                        + ", which does not exist in this account");
            }
        }
        if (!missing.isEmpty()) {
            throw new SpartaUserException(String.join("\n", missing)
                    + "\nCreate the role, or drop role= from @SpartaLambda to let Sparta generate one");
        }
    }
}
