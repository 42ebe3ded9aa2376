package org.amicus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.amicus.ami.AmiProfile;
import org.amicus.ami.AmiProfiles;
import org.amicus.ami.AmiSecrets;
import org.amicus.ami.ConnectionState;
import org.amicus.ami.ConnectionStatus;
import org.amicus.ami.ConnectionStatusListener;
import org.amicus.ami.OriginateOutcome;
import org.amicus.ami.OriginateRequest;
import org.amicus.ami.OriginateOutcome.Result;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.QueueWatcher;
import org.amicus.testing.RawAmi;
import org.amicus.testing.SipCall;
import org.amicus.testing.TcpProxy;
import org.amicus.testing.TestCalls;
import org.amicus.testing.TestPbx;
import org.asteriskjava.manager.action.HangupAction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command of the command line against the real test PBX, run as the product runs it (same services, same
 * entry), with the PBX's own events as evidence that it did what it printed.
 */
class CliTest extends AgainstTestPbx {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Map<String, String> SECRET = Map.of(Login.SECRET_VARIABLE, TestPbx.DESKTOP_SECRET);

    private Cli cli;

    @BeforeEach
    void findCli() throws Exception {
        cli = services.get(Cli.class);
    }

    @Test
    void statusSaysWhereItIsConnectedAndWhatIsLive() throws Exception {
        CliRun status = run(SECRET, "status", "--device", "PJSIP/105");

        assertEquals(Exit.OK.code(), status.awaitExit(TIMEOUT), status.toString());
        String text = status.out.text();
        assertTrue(text.startsWith("Connected to amicus-desktop@" + TestPbx.HOST + ":" + TestPbx.PORT), text);
        assertTrue(text.contains("\nAsterisk 22."), text);
        assertTrue(text.matches("(?s).*\\n\\d+ live channels? in \\d+ calls?\\n.*"), text);
        assertTrue(text.endsWith("\nMy phone: PJSIP/105, dialling in default\n"), text);
        assertEquals("", status.err.text());
    }

    @Test
    void statusAsJsonIsOneObject() throws Exception {
        CliRun status = run(SECRET, "--json", "status");

        assertEquals(Exit.OK.code(), status.awaitExit(TIMEOUT), status.toString());
        assertEquals(1, status.out.lines().size(), status.toString());
        String json = status.out.lines().get(0);
        assertTrue(json.startsWith("{\"state\":\"CONNECTED\",\"detail\":\"\",\"profile\":\"Command line\",\"server\":"
                + "\"amicus-desktop@" + TestPbx.HOST + ":" + TestPbx.PORT + "\""), json);
        assertTrue(json.matches(".*\"asterisk\":\"22\\.[^\"]+\",\"channels\":\\d+,\"calls\":\\d+,.*}"), json);
    }

    /** A health check: the connection lost before status has all it asks for is a failure, not "Reconnecting". */
    @Test
    void statusFailsWhenTheConnectionIsLostBeforeItHasAnswered() throws Exception {
        try (TcpProxy proxy = new TcpProxy(TestPbx.HOST, TestPbx.PORT)) {
            proxy.closeWhenClientSends("Action: CoreSettings");
            CliRun status = new CliRun(cli, SECRET, List.of("status", "--host", TestPbx.HOST, "--port",
                    String.valueOf(proxy.port()), "--user", TestPbx.desktop().username()));

            assertEquals(Exit.CONNECTION_LOST.code(), status.awaitExit(TIMEOUT), status.toString());
            assertTrue(status.err.text().startsWith("amicus cli: the connection to the PBX was lost: "),
                    status.toString());
            assertEquals("", status.out.text());
        }
    }

    @Test
    void aStoredProfileAndItsSecretNeedNoOptions() throws Exception {
        AmiProfiles profiles = services.get(AmiProfiles.class);
        AmiSecrets secrets = services.get(AmiSecrets.class);
        AmiProfile stored = new AmiProfile("CLI test PBX", TestPbx.HOST, TestPbx.PORT, false,
                TestPbx.desktop().username());
        String previous = profiles.current().map(AmiProfile::name).orElse(null);
        profiles.save(stored);
        secrets.save(stored, TestPbx.DESKTOP_SECRET);
        try {
            CliRun named = new CliRun(cli, Map.of(), List.of("status", "--profile", "CLI test PBX"));
            assertEquals(Exit.OK.code(), named.awaitExit(TIMEOUT), named.toString());
            assertTrue(named.out.text().contains("(profile \"CLI test PBX\")"), named.toString());

            profiles.makeCurrent(stored.name());
            CliRun current = new CliRun(cli, Map.of(), List.of("status"));
            assertEquals(Exit.OK.code(), current.awaitExit(TIMEOUT), current.toString());
            assertTrue(current.out.text().contains("(profile \"CLI test PBX\")"), current.toString());
        } finally {
            profiles.delete(stored.name());
            secrets.delete(stored);
            if (previous != null) {
                profiles.makeCurrent(previous);
            }
        }
    }

    @Test
    void aWrongSecretIsALoginRefused() throws Exception {
        CliRun status = run(Map.of(Login.SECRET_VARIABLE, "not-the-secret"), "status");

        assertEquals(Exit.CANNOT_CONNECT.code(), status.awaitExit(TIMEOUT), status.toString());
        assertEquals(List.of("amicus cli: Cannot connect to amicus-desktop@" + TestPbx.HOST + ":" + TestPbx.PORT
                + ": wrong user name or secret, or this host is not permitted"), status.err.lines());
        assertEquals("", status.out.text());
    }

    @Test
    void nothingListeningIsCannotConnect() throws Exception {
        CliRun status = new CliRun(cli, SECRET, List.of("status", "--host", TestPbx.HOST, "--port", "1", "--user",
                TestPbx.desktop().username()));

        assertEquals(Exit.CANNOT_CONNECT.code(), status.awaitExit(TIMEOUT), status.toString());
        assertTrue(status.err.text().contains("nothing listens there"), status.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "|no command given",
        "dial 100|unknown command \"dial\"",
        "call|call needs one NUMBER",
        "call 100 101|call needs one NUMBER, not 2",
        "status extra|status takes no argument, not \"extra\"",
        "call 100 --secret x|unknown option --secret",
        "call 100 --device|--device needs a value",
        "status --json=yes|--json takes no value",
        "call 100 --watch|--watch is not an option of call",
        "status --json --json|--json is given twice",
        "call 100 --timeout soon|--timeout must be a number of seconds, not \"soon\"",
        "call 100 --timeout 2|originate timeout must be between 5 s and 5 min, not 2 s",
        "call 100 --device 104|device \"104\" is not valid: expected something like PJSIP/104",
        "spy PJSIP/104-1 --mode shout|--mode must be listen, whisper or barge, not \"shout\"",
        "queue dance|queue ACTION is login, logout, pause or unpause, not \"dance\"",
        "queue login --reason Lunch|--reason goes with queue pause only",
    })
    void badInputIsRefusedBeforeConnecting(String words, String problem) throws Exception {
        List<String> args = new ArrayList<>(List.of("--host", TestPbx.HOST, "--user", "amicus"));
        args.addAll(words == null ? List.of() : List.of(words.split(" ")));
        List<ConnectionStatus> statuses = new CopyOnWriteArrayList<>();
        ConnectionStatusListener recorder = statuses::add;
        connection.addStatusListener(recorder);
        CliRun bad = new CliRun(cli, SECRET, args);

        assertEquals(Exit.BAD_INPUT.code(), bad.awaitExit(TIMEOUT), bad.toString());
        connection.removeStatusListener(recorder);
        assertEquals(List.of("amicus cli: " + problem + " (see amicus cli --help)"), bad.err.lines());
        assertEquals("", bad.out.text());
        assertEquals(1, statuses.size(), "no connection was tried: " + statuses);
    }

    @ParameterizedTest
    @ValueSource(strings = { "--port 5038", "--tls", "--user amicus" })
    void serverOptionsNeedAHost(String option) throws Exception {
        List<String> args = new ArrayList<>(List.of("status"));
        args.addAll(List.of(option.split(" ")));
        CliRun bad = new CliRun(cli, SECRET, args);

        assertEquals(Exit.BAD_INPUT.code(), bad.awaitExit(TIMEOUT), bad.toString());
        assertEquals(List.of("amicus cli: " + option.split(" ")[0] + " needs --host (see amicus cli --help)"),
                bad.err.lines());
    }

    @Test
    void withoutASecretItSaysWhereToPutOne() throws Exception {
        CliRun bad = new CliRun(cli, Map.of(), List.of("status", "--host", TestPbx.HOST, "--user", "nobody"));

        assertEquals(Exit.BAD_INPUT.code(), bad.awaitExit(TIMEOUT), bad.toString());
        assertEquals(List.of("amicus cli: no secret for nobody@" + TestPbx.HOST + ":5038: set the environment "
                + "variable AMICUS_AMI_SECRET, or store it in Amicus's settings"), bad.err.lines());
    }

    @Test
    void helpListsTheCommandsAndExitCodes() throws Exception {
        CliRun help = new CliRun(cli, Map.of(), List.of("--help"));
        assertEquals(Exit.OK.code(), help.awaitExit(TIMEOUT));
        for (Command command : Command.values()) {
            assertTrue(help.out.text().contains("\n  " + command.commandName() + " "), help.toString());
        }
        assertTrue(help.out.text().contains("\n  8  the AMI user lacks a permission"), help.toString());

        CliRun callHelp = new CliRun(cli, Map.of(), List.of("call", "--help"));
        assertEquals(Exit.OK.code(), callHelp.awaitExit(TIMEOUT));
        assertTrue(callHelp.out.text().startsWith("Usage: amicus cli call NUMBER [OPTIONS]\n"), callHelp.toString());
        assertTrue(callHelp.out.text().contains("--device DEVICE"), callHelp.toString());
        assertTrue(!callHelp.out.text().contains("--watch"), callHelp.toString());
    }

    /** The outcome of the call to my phone decides the exit code; the test PBX's devices give each outcome. */
    @ParameterizedTest
    @CsvSource({
        "PJSIP/105, ANSWERED, OK",
        "PJSIP/104, NO_ANSWER, NO_ANSWER",
        "Local/102@amicus, BUSY, BUSY",
        "Local/103@amicus, CONGESTED, FAILED",
        "PJSIP/999, FAILED, FAILED",
    })
    void callEndsWithTheExitOfItsOutcome(String device, Result result, Exit exit) throws Exception {
        CliRun call = run(SECRET, "call", "100", "--device", device, "--context", TestPbx.CONTEXT, "--timeout", "5",
                "--json");

        assertEquals(exit.code(), call.awaitExit(Duration.ofSeconds(45)), call.toString());
        String json = call.out.lines().get(0);
        Matcher outcome = Pattern.compile("\\{\"command\":\"call\",\"argument\":\"100\",\"device\":\"([^\"]+)\","
                + "\"result\":\"(\\w+)\",\"description\":\"[^\"]+\",\"detail\":\"\",\"channelId\":\"(amicus-[0-9a-f-]+)\","
                + "\"cause\":(null|\\{\"code\":\\d+,\"text\":\"[^\"]*\"\\}),\"exit\":(\\d+)\\}").matcher(json);
        assertTrue(outcome.matches(), json);
        assertEquals(device, outcome.group(1));
        assertEquals(result.name(), outcome.group(2));
        assertEquals(String.valueOf(exit.code()), outcome.group(5));
        events.await("OriginateResponse", e -> outcome.group(3).equals(e.get("Uniqueid").orElse("")), TIMEOUT);
        assertEquals("", call.err.text());
    }

    @Test
    void playbackPlaysTheRecordingToMyPhone() throws Exception {
        try (RawAmi pbx = new RawAmi()) { // hears the PBX after the command line has logged off
            CliRun playback = run(SECRET, "playback", "hello-world", "--device", "PJSIP/105");

            assertEquals(Exit.OK.code(), playback.awaitExit(Duration.ofSeconds(45)), playback.toString());
            Matcher answered = Pattern.compile("Answered \\(PJSIP/105, channel id (amicus-[0-9a-f-]+)\\)\n")
                    .matcher(playback.out.text());
            assertTrue(answered.matches(), playback.toString());
            String myChannel = pbx.awaitEvent("Newchannel", "Uniqueid", answered.group(1)).get("Channel");
            Map<String, String> played;
            do {
                played = pbx.awaitEvent("TestEvent", "Channel", myChannel);
            } while (!"hello-world".equals(played.get("Message")));
            assertEquals("PLAYBACK", played.get("State"));
        }
    }

    @Test
    void playbackOfAMissingRecordingSaysMyPhoneAnsweredButTheActionFailed() throws Exception {
        CliRun playback = run(SECRET, "playback", "custom/does-not-exist", "--device", "PJSIP/105");

        assertEquals(Exit.ACTION_FAILED.code(), playback.awaitExit(Duration.ofSeconds(45)), playback.toString());
        assertTrue(playback.out.text().startsWith("Answered, but the action failed: the PBX could not play"
                + " custom/does-not-exist: is there such a recording? (PJSIP/105, channel id amicus-"),
                playback.toString());
    }

    @Test
    void pickupOfAPhoneThatDialsIsBadInput() throws Exception {
        connectWithFullRights();
        try (SipCall dialling = SipCall.phoneDials("105", "104")) {
            events.awaitRinging("PJSIP/104", TIMEOUT);
            String caller = events.await("Newexten", e -> e.get("Channel").orElse("").startsWith("PJSIP/105-")
                    && e.get("Exten").orElse("").equals("104"), TIMEOUT).get("Channel").orElseThrow();

            CliRun pickup = run(SECRET, "pickup", caller, "--device", "PJSIP/108");

            assertEquals(Exit.BAD_INPUT.code(), pickup.awaitExit(TIMEOUT), pickup.toString());
            assertEquals(List.of("amicus cli: " + caller + " is not ringing"), pickup.err.lines());
        }
    }

    @Test
    void pickupOfACallThatStopsRingingSaysNothingWasPickedUp() throws Exception {
        connectWithFullRights();
        String ringing;
        CliRun pickup;
        try (SipCall customer = SipCall.customerCalls(SipCall.directLine("104"), "0611000004", "Deniz Yilmaz")) {
            ringing = events.awaitRinging("PJSIP/104", TIMEOUT);
            pickup = run(SECRET, "pickup", ringing, "--device", "PJSIP/108");
            // the command line's phone rings for 0.5 s before it answers: the customer hangs up meanwhile
            events.await("Newchannel", e -> e.get("Channel").orElse("").startsWith("PJSIP/108-"), TIMEOUT);
        }

        assertEquals(Exit.ACTION_FAILED.code(), pickup.awaitExit(Duration.ofSeconds(45)), pickup.toString());
        assertTrue(pickup.out.text().startsWith("Answered, but the action failed: nothing was picked up: " + ringing
                + " no longer rang"), pickup.toString());
    }

    @Test
    void aCallThePbxRefusesHasFailed() throws Exception {
        CliRun call = run(SECRET, "call", "100", "--device", "PJSIP/105", "--context", "nowhere");

        assertEquals(Exit.FAILED.code(), call.awaitExit(TIMEOUT), call.toString());
        assertEquals(List.of("amicus cli: The PBX refused Originate: Extension does not exist."), call.err.lines());
    }

    @Test
    void aRefusedActionIsBadInput() throws Exception {
        CliRun playback = run(SECRET, "playback", "../../etc/passwd", "--device", "PJSIP/105");

        assertEquals(Exit.BAD_INPUT.code(), playback.awaitExit(TIMEOUT), playback.toString());
        assertTrue(playback.err.text().startsWith("amicus cli: \"../../etc/passwd\" is not a recording name"),
                playback.toString());
    }

    @Test
    void pickupAnswersTheRingingCallOnMyPhone() throws Exception {
        connectAsDesktop();
        String customer = TestCalls.customerCallsPhone104(connection).channelId();
        String ringing = events.awaitRinging("PJSIP/104", TIMEOUT);

        try (RawAmi pbx = new RawAmi()) {
            CliRun pickup = run(SECRET, "pickup", ringing, "--device", "PJSIP/108");

            assertEquals(Exit.OK.code(), pickup.awaitExit(Duration.ofSeconds(45)), pickup.toString());
            Map<String, String> pickedUp = pbx.awaitEvent("Pickup", "TargetChannel", ringing);
            assertTrue(pickedUp.get("Channel").startsWith("PJSIP/108-"), pickedUp.toString());
        }
        hangUp(customer);
    }

    @Test
    void pickupOfAChannelThatIsNotThereIsBadInput() throws Exception {
        CliRun pickup = run(SECRET, "pickup", "PJSIP/104-99999999", "--device", "PJSIP/108");

        assertEquals(Exit.BAD_INPUT.code(), pickup.awaitExit(TIMEOUT), pickup.toString());
        assertEquals(List.of("amicus cli: PJSIP/104-99999999 no longer exists"), pickup.err.lines());
    }

    @Test
    void spyJoinsMyPhoneToTheAgentsCall() throws Exception {
        connectAsDesktop();
        OriginateOutcome agentCall = connection.originate(OriginateRequest.call("Local/200@" + TestPbx.CONTEXT)
                .toApplication("Echo", "").build()).get(30, TimeUnit.SECONDS);
        String agent = events.await("Newchannel", e -> (agentCall.channelId() + "-2").equals(e.get("Uniqueid")
                .orElse("")), TIMEOUT).get("Channel").orElseThrow();

        try (RawAmi pbx = new RawAmi()) {
            CliRun spy = run(SECRET, "spy", agent, "--mode", "whisper", "--device", "PJSIP/108");

            assertEquals(Exit.OK.code(), spy.awaitExit(Duration.ofSeconds(45)), spy.toString());
            Map<String, String> spying = pbx.awaitEvent("ChanSpyStart", "SpyeeChannel", agent);
            assertTrue(spying.get("SpyerChannel").startsWith("PJSIP/108-"), spying.toString());
        }
        hangUp(agentCall.channelId());
    }

    @Test
    void channelsListsTheLiveChannels() throws Exception {
        connectAsDesktop();
        String customer = TestCalls.customerCallsPhone104(connection).channelId();
        String ringing = events.awaitRinging("PJSIP/104", TIMEOUT);

        CliRun text = run(SECRET, "channels");
        assertEquals(Exit.OK.code(), text.awaitExit(TIMEOUT), text.toString());
        assertEquals(ChannelFormat.HEADING, text.out.lines().get(0));
        text.out.await(line -> line.startsWith(ringing + " ") && line.contains(" Ringing ")
                && line.contains("\"Customer\" <105>"), Duration.ZERO, "of the ringing channel");

        CliRun json = run(SECRET, "channels", "--json");
        assertEquals(Exit.OK.code(), json.awaitExit(TIMEOUT), json.toString());
        assertTrue(json.out.lines().stream().allMatch(line -> line.startsWith("{\"uniqueId\":\"")), json.toString());
        json.out.await(line -> line.contains("\"name\":\"" + ringing + "\",\"device\":\"PJSIP/104\"")
                && line.contains("\"state\":\"RINGING\"")
                && line.contains("\"connectedLine\":{\"number\":\"105\",\"name\":\"Customer\"}"),
                Duration.ZERO, "of the ringing channel");
        hangUp(customer);
    }

    @Test
    void channelsWithoutTheRightToListThemIsPermissionDenied() throws Exception {
        CliRun channels = run(Map.of(Login.SECRET_VARIABLE, TestPbx.RESTRICTED_SECRET), "channels", "--user",
                "amicus-restricted");

        assertEquals(Exit.PERMISSION_DENIED.code(), channels.awaitExit(TIMEOUT), channels.toString());
        assertTrue(channels.err.text().contains("may not run CoreShowChannels"), channels.toString());
        assertTrue(channels.err.text().contains("'system or reporting' permission"), channels.toString());
    }

    @Test
    void watchPrintsEveryChangeUntilItsInputEnds() throws Exception {
        CliRun watch = run(SECRET, "channels", "--watch", "--json");
        awaitConnected();

        OriginateOutcome call = connection.originate(OriginateRequest.call("Local/900@" + TestPbx.CONTEXT)
                .toApplication("Wait", "60").build()).get(30, TimeUnit.SECONDS);
        String id = "\"uniqueId\":\"" + call.channelId() + "\"";
        watch.out.await(line -> line.startsWith("{\"change\":\"ADDED\",\"channel\":{" + id), TIMEOUT, "adding it");
        connection.send(new HangupAction(call.channelId()), TIMEOUT).get(15, TimeUnit.SECONDS);
        watch.out.await(line -> line.startsWith("{\"change\":\"REMOVED\",\"channel\":{" + id), TIMEOUT,
                "removing it");

        watch.closeInput();
        assertEquals(Exit.OK.code(), watch.awaitExit(TIMEOUT), watch.toString());
        assertEquals("", watch.err.text());
    }

    @Test
    void aConnectionLostDuringTheCallIsItsOwnExit() throws Exception {
        try (TcpProxy proxy = new TcpProxy(TestPbx.HOST, TestPbx.PORT)) {
            CliRun call = new CliRun(cli, SECRET, List.of("call", "100", "--device", "PJSIP/104", "--timeout", "60",
                    "--context", TestPbx.CONTEXT, "--host", TestPbx.HOST, "--port", String.valueOf(proxy.port()), "--user", TestPbx.desktop().username()));
            String ringing = events.awaitRinging("PJSIP/104", TIMEOUT);

            proxy.cut();

            assertEquals(Exit.CONNECTION_LOST.code(), call.awaitExit(TIMEOUT), call.toString());
            assertTrue(call.out.text().startsWith("Connection to the PBX lost before the outcome was known"),
                    call.toString());
            connectAsDesktop();
            connection.send(new HangupAction(ringing), TIMEOUT).get(15, TimeUnit.SECONDS);
        }
    }

    @Test
    void queueLogsInPausesWithAReasonUnpausesAndLogsOut() throws Exception {
        QueueWatcher.resetQueues();
        List<String> said = new ArrayList<>();
        for (String step : List.of("login --queue support", "pause --reason Lunch", "unpause --queue support",
                "logout")) {
            List<String> words = new ArrayList<>(List.of("queue", "--device", "PJSIP/108"));
            words.addAll(List.of(step.split(" ")));
            CliRun queue = run(SECRET, words.toArray(String[]::new));

            assertEquals(Exit.OK.code(), queue.awaitExit(TIMEOUT), queue.toString());
            said.add(queue.out.text().strip());
        }
        assertEquals(List.of("support: PJSIP/108 available", "support: PJSIP/108 paused (Lunch)",
                "support: PJSIP/108 available", "support: PJSIP/108 logged out"), said);
        // the PBX's evidence, heard while the command line was connected
        events.await("QueueMemberAdded", e -> e.get("Interface").orElse("").equals("PJSIP/108"), TIMEOUT);
        events.await("QueueMemberPause", e -> e.get("Interface").orElse("").equals("PJSIP/108")
                && e.get("PausedReason").orElse("").equals("Lunch"), TIMEOUT);
        events.await("QueueMemberPause", e -> e.get("Interface").orElse("").equals("PJSIP/108")
                && e.get("Paused").orElse("").equals("0"), TIMEOUT);
        events.await("QueueMemberRemoved", e -> e.get("Interface").orElse("").equals("PJSIP/108"), TIMEOUT);
    }

    @Test
    void queueActionsThatCannotBeDoneAreBadInput() throws Exception {
        QueueWatcher.resetQueues();
        CliRun pause = run(SECRET, "queue", "pause", "--queue", "support", "--reason", "Lunch", "--device",
                "PJSIP/108");

        assertEquals(Exit.BAD_INPUT.code(), pause.awaitExit(TIMEOUT), pause.toString());
        assertEquals(List.of("amicus cli: PJSIP/108 is not logged in to support"), pause.err.lines());
        CliRun staticMember = run(SECRET, "queue", "logout", "--queue", "sales", "--device", "PJSIP/105");
        assertEquals(Exit.BAD_INPUT.code(), staticMember.awaitExit(TIMEOUT), staticMember.toString());
    }

    /** Runs the command line against the test PBX, logging in as the desktop's user unless told otherwise. */
    private CliRun run(Map<String, String> environment, String... words) throws Exception {
        List<String> args = new ArrayList<>(List.of(words));
        args.addAll(List.of("--host", TestPbx.HOST, "--port", String.valueOf(TestPbx.PORT)));
        if (!args.contains("--user")) {
            args.addAll(List.of("--user", TestPbx.desktop().username()));
        }
        return new CliRun(cli, environment, args);
    }

    private void awaitConnected() throws InterruptedException {
        events.awaitResync(TIMEOUT); // told after the command line's login
    }

    private void hangUp(String channelId) throws Exception {
        if (connection.status().state() != ConnectionState.CONNECTED) {
            connectAsDesktop();
        }
        connection.send(new HangupAction(channelId), TIMEOUT).get(15, TimeUnit.SECONDS);
    }
}
