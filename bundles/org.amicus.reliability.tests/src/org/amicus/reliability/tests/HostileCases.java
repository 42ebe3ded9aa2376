package org.amicus.reliability.tests;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The malformed and hostile input of {@link HostileInputTest}, case by case, each with what the client must do. */
final class HostileCases {

    /** What the client must do with input that comes after the login. */
    enum Outcome {
        /** Keep the connection: later events still arrive and actions still get their answers. */
        KEEP,
        /** End the connection, saying why, and connect again. */
        RESET
    }

    /**
     * Input sent after the login.
     *
     * @param closeAfter whether they are the last bytes of the stream, which the server ends after them
     * @param said       what the log (and, for a reset, the status) must say; {@code null} if nothing needs saying
     */
    record AfterLogin(String name, byte[] bytes, boolean closeAfter, Outcome outcome, String said) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * A server that misbehaves from the start; the login must fail with this reason, without retrying.
     *
     * @param setup makes the fake server misbehave
     */
    record AtLogin(String name, Consumer<FakeAmiServer> setup, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String LINE_SKIPPED = "with a line longer than 1048576 bytes";

    private HostileCases() {
    }

    static List<AfterLogin> afterLogin() {
        List<AfterLogin> cases = new ArrayList<>();
        headerShapes().forEach((name, line) -> {
            cases.add(keep("an event with " + name, "Event: Hostile\r\n" + line + "\r\n\r\n"));
            cases.add(keep("a response with " + name,
                    "Response: Success\r\nActionID: nobody-asked\r\n" + line + "\r\n\r\n"));
        });
        String twoMegabytes = "Name: " + "v".repeat(2_000_000);
        cases.add(keep("an event with a 2 MB line", "Event: Hostile\r\n" + twoMegabytes + "\r\n\r\n", LINE_SKIPPED));
        cases.add(keep("a response with a 2 MB line",
                "Response: Success\r\nActionID: nobody\r\n" + twoMegabytes + "\r\n\r\n", LINE_SKIPPED));
        cases.add(keep("a Newstate whose channel name is 1 MiB", "Event: Newstate\r\nChannel: " + "A".repeat(1 << 20)
                + "\r\nChannelState: 5\r\nUniqueid: huge-1\r\n\r\n", LINE_SKIPPED));
        cases.add(reset("an event of 17 MB that never ends", "Event: Hostile\r\n"
                + ("Name: " + "v".repeat(999_994) + "\r\n").repeat(17), "a message from the PBX is longer than"));
        controlCharacters(cases);
        invalidUtf8(cases);
        framing(cases);
        answers(cases);
        channelEvents(cases);
        return cases;
    }

    static List<AtLogin> atLogin() {
        String notAmi = "the server does not speak AMI";
        String noAnswer = "the PBX did not answer in time";
        return List.of(
                new AtLogin("an SSH server's banner", banner("SSH-2.0-OpenSSH_9.6\r\n"), notAmi),
                new AtLogin("an HTTP server's answer", banner("HTTP/1.1 400 Bad Request\r\n\r\n"), notAmi),
                new AtLogin("an empty banner", banner("\r\n"), notAmi),
                new AtLogin("a banner of binary noise", banner(noise(512) + "\r\n"), notAmi),
                new AtLogin("a banner of 2 MB", banner("Asterisk Call Manager/" + "9".repeat(2_000_000) + "\r\n"),
                        notAmi),
                new AtLogin("no banner at all", banner(""), "the server sent no AMI greeting"),
                new AtLogin("a challenge never answered", fake -> fake.answer("Challenge", action -> ""), noAnswer),
                new AtLogin("a login never answered", fake -> fake.answer("Login", action -> ""), noAnswer),
                new AtLogin("a login answered with a frame that is no response",
                        fake -> fake.answer("Login", action -> "Foo: bar\r\n\r\n"), noAnswer),
                new AtLogin("a login refused", fake -> fake.answer("Login", action -> "Response: Error\r\nActionID: "
                        + action.get("ActionID") + "\r\nMessage: Authentication failed\r\n\r\n"),
                        "wrong user name or secret"),
                new AtLogin("a challenge refused", fake -> fake.answer("Challenge", action -> "Response: Error\r\n"
                        + "ActionID: " + action.get("ActionID") + "\r\nMessage: Must specify AuthType\r\n\r\n"),
                        "refused the login challenge"));
    }

    /** Header lines of every odd shape, each sent in an event and in a response. */
    private static Map<String, String> headerShapes() {
        Map<String, String> shapes = new LinkedHashMap<>();
        shapes.put("a line without a colon", "JustSomeText");
        shapes.put("a colon alone", ":");
        shapes.put("an empty header name", ": value");
        shapes.put("an empty value", "Name:");
        shapes.put("a value of blanks", "Name:     ");
        shapes.put("a blank before the colon", "Name :value");
        shapes.put("colons in the value", "Name: a:b: c");
        shapes.put("blanks before the name", "   Name: value");
        shapes.put("tabs around the colon", "\tName\t:\tvalue");
        shapes.put("a name of 10,000 characters", "N".repeat(10_000) + ": value");
        shapes.put("a value of 1 MB", "Name: " + "v".repeat(1_000_000));
        shapes.put("a value of 1 MB in two-byte characters", "Name: " + "é".repeat(500_000));
        shapes.put("a bare CR inside a line", "Name: a\rb");
        shapes.put("its first header twice", "Event: Twice\r\nResponse: Twice");
        shapes.put("10,000 headers", IntStream.range(0, 10_000).mapToObj(i -> "Header" + i + ": " + i)
                .collect(Collectors.joining("\r\n")));
        return shapes;
    }

    /** Every ASCII control character but CR and LF (which end lines), inside a value. */
    private static void controlCharacters(List<AfterLogin> cases) {
        for (int c = 0; c < 0x20; c++) {
            if (c != '\r' && c != '\n') {
                cases.add(keep(String.format("an event with U+%04X in a value", c), "Event: Hostile\r\nName: a"
                        + (char) c + "b\r\n\r\n"));
            }
        }
        cases.add(keep("an event with U+007F in a value", "Event: Hostile\r\nName: a\u007fb\r\n\r\n"));
    }

    /** Byte sequences that are no UTF-8, in values and in header names. */
    private static void invalidUtf8(List<AfterLogin> cases) {
        List<String> sequences = List.of("c080", "c0af", "c1bf", "e080af", "eda080", "edbfbf", "f4908080",
                "f5808080", "f888808080", "fc8480808080", "fe", "ff", "80", "bf", "c3", "e282", "f09f98", "c328",
                "e9");
        for (String hex : sequences) {
            cases.add(keep("an event with the bytes " + hex + " in a value",
                    bytes("Event: Hostile\r\nName: a", HexFormat.of().parseHex(hex), "b\r\n\r\n")));
        }
        for (String hex : List.of("c328", "ff", "80")) {
            cases.add(keep("an event with the bytes " + hex + " in a header name",
                    bytes("Event: Hostile\r\nNa", HexFormat.of().parseHex(hex), "me: b\r\n\r\n")));
        }
    }

    private static void framing(List<AfterLogin> cases) {
        cases.add(keep("bare LF line ends", "Event: Hostile\nName: value\n\n"));
        cases.add(keep("CRLF and bare LF mixed", "Event: Hostile\r\nName: value\n\r\n"));
        cases.add(keep("CR CR LF line ends", "Event: Hostile\r\r\nName: value\r\r\n\r\n"));
        cases.add(keep("1,000 blank lines", "\r\n".repeat(1_000)));
        cases.add(keep("100,000 blank lines", "\r\n".repeat(100_000)));
        cases.add(keep("an event with nothing but its name", "Event:\r\n\r\n"));
        cases.add(keep("an event whose Event header is not first", "Privilege: call\r\nEvent: Late\r\n\r\n"));
        cases.add(keep("a frame of NUL bytes", "\0\0\0\0\r\n\r\n"));
        cases.add(keep("4 KB of binary noise", noise(4_096) + "\r\n\r\n"));
        cases.add(new AfterLogin("a frame cut at the end of the stream in the middle of a line",
                "Event: Hostile\r\nName: val".getBytes(StandardCharsets.UTF_8), true, Outcome.RESET,
                "the PBX closed the connection in the middle of a line"));
        cases.add(new AfterLogin("a frame cut at the end of the stream between two lines",
                "Event: Hostile\r\nName: value\r\n".getBytes(StandardCharsets.UTF_8), true, Outcome.RESET,
                "the PBX closed the connection in the middle of a message"));
        cases.add(new AfterLogin("the end of the stream after a whole frame",
                "Event: Hostile\r\n\r\n".getBytes(StandardCharsets.UTF_8), true, Outcome.RESET,
                "the PBX closed the connection"));
    }

    /** Responses and list events that answer nothing the client asked. */
    private static void answers(List<AfterLogin> cases) {
        cases.add(keep("a response to no action", "Response: Success\r\nActionID: nobody-asked\r\n\r\n"));
        cases.add(keep("a response without an ActionID", "Response: Success\r\nMessage: hello\r\n\r\n"));
        cases.add(keep("a response with an empty ActionID", "Response: Success\r\nActionID: \r\n\r\n"));
        cases.add(keep("a response with an ActionID of the client's form that it never used",
                "Response: Success\r\nActionID: 12345_999#amicus\r\n\r\n"));
        cases.add(keep("an error answering no action",
                "Response: Error\r\nActionID: nobody\r\nMessage: Permission denied\r\n\r\n"));
        cases.add(keep("a response of an unknown kind", "Response: Maybe\r\nActionID: nobody\r\n\r\n"));
        cases.add(keep("a Response: Follows block with its end", "Response: Follows\r\nActionID: nobody\r\n"
                + "Privilege: Command\r\nline one\r\nline two\r\n--END COMMAND--\r\n\r\n"));
        cases.add(keep("a Response: Follows block without its end",
                "Response: Follows\r\nActionID: nobody\r\nline one\r\n\r\n"));
        cases.add(keep("a Response: Follows block with blank lines in its output",
                "Response: Follows\r\nActionID: nobody\r\nline one\r\n\r\nline two\r\n--END COMMAND--\r\n\r\n"));
        cases.add(keep("a Response: Follows block with an event in its output",
                "Response: Follows\r\nActionID: nobody\r\nEvent: Inside\r\n--END COMMAND--\r\n\r\n"));
        cases.add(keep("a list item for no list", "Event: CoreShowChannel\r\nActionID: nobody\r\n"
                + "Uniqueid: nobody\r\nChannel: PJSIP/nobody-1\r\nChannelState: 6\r\n\r\n"));
        cases.add(keep("a list end for no list",
                "Event: CoreShowChannelsComplete\r\nActionID: nobody\r\nEventList: Complete\r\n\r\n"));
        cases.add(keep("an OriginateResponse for no originate",
                "Event: OriginateResponse\r\nActionID: nobody\r\nUniqueid: nobody\r\nReason: 4\r\n\r\n"));
    }

    /** Channel events whose values the channel registry cannot use. */
    private static void channelEvents(List<AfterLogin> cases) {
        cases.add(keep("a channel state that is no number",
                "Event: Newchannel\r\nChannel: PJSIP/odd-1\r\nUniqueid: odd-1\r\nChannelState: ringing\r\n\r\n"));
        cases.add(keep("a channel state out of range",
                "Event: Newstate\r\nChannel: PJSIP/odd-2\r\nUniqueid: odd-2\r\nChannelState: 99999999999\r\n\r\n"));
        cases.add(keep("a hang-up of an unknown channel",
                "Event: Hangup\r\nUniqueid: never-seen\r\nCause: 16\r\n\r\n"));
        cases.add(keep("a new channel without a unique id", "Event: Newchannel\r\nChannel: PJSIP/odd-3\r\n\r\n"));
        cases.add(keep("a state change with an empty unique id",
                "Event: Newstate\r\nUniqueid: \r\nChannelState: 6\r\n\r\n"));
        cases.add(keep("a bridge entered by an unknown channel",
                "Event: BridgeEnter\r\nBridgeUniqueid: b-1\r\nUniqueid: never-seen\r\n\r\n"));
        cases.add(keep("a rename without its new name", "Event: Rename\r\nUniqueid: odd-1\r\n\r\n"));
        cases.add(keep("a dial without its destination", "Event: DialBegin\r\nChannel: PJSIP/odd-4\r\n\r\n"));
        cases.add(keep("a spy without a spyee", "Event: ChanSpyStart\r\nSpyerUniqueid: odd-5\r\n\r\n"));
        cases.add(keep("a hang-up cause that is no number",
                "Event: Hangup\r\nUniqueid: odd-2\r\nCause: sixteen\r\n\r\n"));
        cases.add(keep("a unique id of 1 MB",
                "Event: Newchannel\r\nChannel: PJSIP/odd-6\r\nUniqueid: " + "u".repeat(1_000_000) + "\r\n\r\n"));
        cases.add(keep("a channel name with a NUL and an action after it",
                "Event: Newchannel\r\nChannel: PJSIP/odd-7\0Action: Hangup\r\nUniqueid: odd-7\r\n\r\n"));
    }

    private static AfterLogin keep(String name, String text) {
        return keep(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static AfterLogin keep(String name, byte[] bytes) {
        return new AfterLogin(name, bytes, false, Outcome.KEEP, null);
    }

    /** Input the client keeps the connection through, saying in its log what it made of it. */
    private static AfterLogin keep(String name, String text, String said) {
        return new AfterLogin(name, text.getBytes(StandardCharsets.UTF_8), false, Outcome.KEEP, said);
    }

    private static AfterLogin reset(String name, String text, String said) {
        return new AfterLogin(name, text.getBytes(StandardCharsets.UTF_8), false, Outcome.RESET, said);
    }

    private static Consumer<FakeAmiServer> banner(String text) {
        return fake -> fake.banner(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Bytes of every value, the same for every run, as ISO-8859-1 characters. */
    private static String noise(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
