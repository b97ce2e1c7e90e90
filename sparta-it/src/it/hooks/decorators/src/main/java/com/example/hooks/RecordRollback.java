package com.example.hooks;

import io.sparta.api.HookException;
import io.sparta.api.RollbackHook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes what failed to a file, where a pager or a chat bot would be told in real life. */
public class RecordRollback implements RollbackHook {

    String file;

    @Override
    public void onFailure(ProvisionFailure failure) throws HookException {
        try {
            Files.writeString(Path.of(file), failure.stackName() + "\n" + failure.message() + "\n");
        } catch (IOException e) {
            throw new HookException("could not write " + file, e);
        }
    }
}
