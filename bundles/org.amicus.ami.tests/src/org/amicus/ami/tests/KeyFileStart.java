package org.amicus.ami.tests;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.amicus.ami.internal.MasterPasswordFile;

/**
 * One start of Amicus as far as the secure storage's key file: a process of its own, as a desktop and a CLI
 * started together are. It says "ready", waits for "go" on its input, reads or creates the key in the folder given
 * as argument, as the storage does when it opens, and prints the key.
 */
public final class KeyFileStart {

    private KeyFileStart() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        System.out.println("ready");
        System.out.flush();
        String go = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine();
        if (!"go".equals(go)) {
            throw new IllegalStateException("expected go, got " + go);
        }
        char[] key = MasterPasswordFile.read(directory.resolve("secure-storage.key"));
        System.out.println(new String(key));
    }
}
