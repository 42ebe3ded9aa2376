package org.amicus.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiProfile;

/** The test PBX that releng/test-pbx/start runs; its users and extensions are listed in its README. */
public final class TestPbx {

    public static final String HOST = System.getProperty("amicus.test.ami.host", "127.0.0.1");
    public static final int PORT = Integer.getInteger("amicus.test.ami.port", 5038);
    public static final int TLS_PORT = Integer.getInteger("amicus.test.ami.tls.port", 5039);
    private static final Path DIRECTORY = Path.of(System.getenv().getOrDefault("AMICUS_TEST_PBX_DIR",
            "/var/cache/amicus/test-pbx"));
    /** The self-signed certificate of the test PBX's TLS port; it names "localhost" only. */
    public static final String CERTIFICATE = DIRECTORY.resolve("amicus-pbx.crt").toString();
    public static final String CONTEXT = "amicus";
    public static final String SECRET = "amicus-secret";
    public static final String DESKTOP_SECRET = "desktop-secret";
    public static final String RECORDING_SECRET = "recording-secret";
    /** The secret of {@code amicus-hub}, the hub's least-privileged user. */
    public static final String HUB_SECRET = "hub-secret";
    public static final String RESTRICTED_SECRET = "restricted-secret";
    public static final String ELSEWHERE_SECRET = "elsewhere-secret";

    /** Stops the test PBX (needs root, as the test command runs). */
    public static void stop() throws Exception {
        run("stop");
    }

    /**
     * Kills the test PBX's Asterisk at once, as a crash would (SIGKILL; found by its pid file and checked by name, as
     * the stop script finds it), and returns once it is gone. Its phones keep running; {@link #start()} brings it back.
     */
    public static void crash() throws Exception {
        long pid = Long.parseLong(Files.readString(DIRECTORY.resolve("root/run/asterisk/asterisk.pid")).trim());
        String name = Files.readString(Path.of("/proc/" + pid + "/comm")).trim();
        if (!name.equals("asterisk")) {
            throw new AssertionError("the test PBX's pid file names process " + pid + ", which is " + name);
        }
        ProcessHandle asterisk = ProcessHandle.of(pid).orElseThrow();
        asterisk.destroyForcibly();
        asterisk.onExit().get(10, TimeUnit.SECONDS);
    }

    /** Starts the test PBX and returns once it accepts AMI logins. */
    public static void start() throws Exception {
        run("start");
    }

    private static void run(String script) throws Exception {
        Path scripts = Path.of(System.getProperty("amicus.test.pbx.scripts", "releng/test-pbx"));
        Process process = new ProcessBuilder(scripts.resolve(script).toString()).inheritIO().start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("releng/test-pbx/" + script + " failed");
        }
    }

    /** The test PBX's chroot, where its Asterisk and sipp run. */
    static Path root() {
        return DIRECTORY.resolve("root");
    }

    /** Where the test PBX's MixMonitor writes a recording named without a directory. */
    public static Path recordings() {
        return DIRECTORY.resolve("root/var/spool/asterisk/monitor");
    }

    /** The SIP messages a sipp phone of the test PBX sent and received, e.g. for "105". */
    public static Path phoneLog(String extension) {
        return DIRECTORY.resolve("root/var/log/sipp/" + extension + ".msg");
    }

    public static AmiProfile fullRights() {
        return new AmiProfile("Test PBX", HOST, PORT, false, "amicus");
    }

    /**
     * The user the desktop's tests log in as: exactly the rights that docs/ami-connection.md asks for in direct mode,
     * so a feature that needs more fails its test. Tests that need evidence from the whole PBX use {@link RawAmi}.
     */
    public static AmiProfile desktop() {
        return new AmiProfile("Test PBX (desktop)", HOST, PORT, false, "amicus-desktop");
    }

    /** A desktop that records calls: the desktop's rights and write permission {@code system}, which MixMonitor needs. */
    public static AmiProfile recordingDesktop() {
        return new AmiProfile("Test PBX (recording desktop)", HOST, PORT, false, "amicus-recording");
    }

    public static AmiProfile restricted() {
        return new AmiProfile("Test PBX (restricted)", HOST, PORT, false, "amicus-restricted");
    }

    /** A user with the right secret whose ACL permits another host only. */
    public static AmiProfile permittedElsewhere() {
        return new AmiProfile("Test PBX (permitted elsewhere)", HOST, PORT, false, "amicus-elsewhere");
    }

    private TestPbx() {
    }
}
