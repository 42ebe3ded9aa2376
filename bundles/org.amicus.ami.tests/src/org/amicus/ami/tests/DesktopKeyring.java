package org.amicus.ami.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * A desktop keyring of its own for a test, as a Linux desktop session has one: a D-Bus session bus and GNOME Keyring's
 * Secret Service on it, with a login keyring unlocked by a password, all in a temporary home. While it runs, this
 * process's {@code DBUS_SESSION_BUS_ADDRESS} names its bus, which libsecret reads when Equinox's provider asks.
 */
final class DesktopKeyring implements AutoCloseable {

    private static final int TIMEOUT_SECONDS = 20;

    /** setenv(3): a Java process cannot change its own environment otherwise, and libsecret reads it there. */
    private interface C extends Library {
        int setenv(String name, String value, int overwrite);

        int unsetenv(String name);
    }

    private static final C LIBC = Native.load("c", C.class);

    /** A session bus that starts no services: no keyring daemon comes up on a call once this one has stopped. */
    private static final String BUS_CONFIGURATION = """
            <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
              "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
            <busconfig>
              <type>session</type>
              <listen>unix:path=%s</listen>
              <auth>EXTERNAL</auth>
              <policy context="default">
                <allow send_destination="*" eavesdrop="true"/>
                <allow eavesdrop="true"/>
                <allow own="*"/>
              </policy>
            </busconfig>
            """;

    private final Path home;
    private final String bus;
    private final List<Process> daemons = new ArrayList<>();

    DesktopKeyring() throws IOException, InterruptedException {
        home = Files.createTempDirectory("amicus-keyring");
        try {
            Files.writeString(home.resolve("bus.conf"), BUS_CONFIGURATION.formatted(home.resolve("bus")));
            // The bus outlives the test, as GLib ends a process whose session bus closes: it ends with this
            // process, when the shell reads the end of its input, and takes the temporary home along.
            Process dbus = daemon("sh", "-c", "dbus-daemon --nofork --print-address=1 --config-file=\"$0/bus.conf\" & "
                    + "read _; kill $!; rm -rf \"$0\"", home.toString());
            bus = dbus.inputReader(StandardCharsets.US_ASCII).readLine();
            if (bus == null) {
                throw new IOException("dbus-daemon gave no bus address");
            }
            Process keyring = daemon("gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets");
            keyring.getOutputStream().write("login-password".getBytes(StandardCharsets.US_ASCII));
            keyring.getOutputStream().close();
            run("gdbus", "wait", "--session", "--timeout", String.valueOf(TIMEOUT_SECONDS), "org.freedesktop.secrets");
            LIBC.setenv("DBUS_SESSION_BUS_ADDRESS", bus, 1);
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** What {@code secret-tool search --all ATTRIBUTE VALUE} finds in this keyring. */
    String search(String attribute, String value) throws IOException, InterruptedException {
        return run("secret-tool", "search", "--all", attribute, value);
    }

    private Process daemon(String... command) throws IOException {
        Process daemon = builder(command).redirectError(home.resolve(command[0] + ".err").toFile()).start();
        daemons.add(daemon);
        return daemon;
    }

    private String run(String... command) throws IOException, InterruptedException {
        Process process = builder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    private ProcessBuilder builder(String... command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.put("HOME", home.toString());
        environment.put("XDG_DATA_HOME", home.resolve("data").toString());
        environment.put("XDG_RUNTIME_DIR", home.toString());
        if (bus != null) {
            environment.put("DBUS_SESSION_BUS_ADDRESS", bus);
        }
        return builder;
    }

    /** Stops the Secret Service, as when the keyring daemon of a session ends; the bus stays. */
    void stopSecretService() throws InterruptedException {
        for (Process daemon : daemons.stream().skip(1).toList()) {
            daemon.destroy();
            daemon.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Stops the keyring; the bus stays until this process ends. */
    @Override
    public void close() throws InterruptedException {
        LIBC.unsetenv("DBUS_SESSION_BUS_ADDRESS");
        stopSecretService();
    }
}
