package org.amicus.reliability.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.amicus.ami.AmiProfile;
import org.amicus.ami.OriginateRequest;
import org.amicus.cti.AgentProfile;
import org.amicus.cti.AgentProfiles;
import org.amicus.cti.AutoAnswer;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.CtiActions;
import org.amicus.cti.SpyMode;
import org.amicus.testing.RegistryWatcher;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.PingAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every input a person gives, and every channel name a PBX gives that is sent back to it, is fuzzed with thousands of
 * generated strings: line breaks, NUL, injected headers and actions. Each is either refused before a byte is sent, or
 * arrives at the fake server as exactly one action whose header holds exactly the value given; nothing else arrives.
 */
class InjectionTest extends AgainstFakeServer {

    private static final int PER_FIELD = 1_000;
    private static final String AGENT = "PJSIP/agent";
    /** Every header an Originate or Hangup of Amicus may carry, each once but Variable (asterisk-java's spelling). */
    private static final Set<String> HEADERS = Set.of("action", "actionid", "channel", "context", "exten", "priority",
            "application", "data", "timeout", "callerid", "variable", "async", "channelid", "otherchannelid");

    private AgentProfiles agents;
    private AgentProfile agentBefore;
    private CtiActions actions;

    /** A way to send a fuzzed value; throws or fails at once if it refuses it. */
    @FunctionalInterface
    private interface Attempt {
        CompletableFuture<?> send(String value) throws Exception;
    }

    @BeforeEach
    void setUpAgent() throws Exception {
        agents = services.get(AgentProfiles.class);
        agentBefore = agents.current();
        agents.save(agent(AGENT, "agents", ""));
        actions = services.get(CtiActions.class);
        connect(QUICK);
        // the registries' listings after the login, sent on the event thread: they must not count among the fuzzed ones
        for (String listing : List.of("CoreShowChannels", "ExtensionStateList", "QueueStatus", "ParkedCalls")) {
            fake.awaitAction(0, action -> listing.equals(action.name()), TIMEOUT);
        }
    }

    @AfterEach
    void restoreAgent() {
        agents.save(agentBefore);
    }

    @Test
    void numbersToCall() throws Exception {
        fuzz("number", List.of("100", "2001", "*72", "+4930123", "#1"), actions::call, "Exten", value -> value);
    }

    @Test
    void recordingsToPlay() throws Exception {
        fuzz("recording", List.of("custom/welcome", "hello-world", "a/b/c_d"), actions::playBack, "Data",
                value -> value);
    }

    @Test
    void callerIds() throws Exception {
        fuzz("caller id", List.of("\"Support\" <2000>", "Amicus", "<100>"), value -> connection.originate(
                OriginateRequest.call(AGENT).toApplication("Wait", "1").callerId(value).build()), "CallerID",
                value -> value);
    }

    @Test
    void channelsToCall() throws Exception {
        fuzz("channel", List.of("PJSIP/104", "Local/100@amicus", "SIP/peer-1"), value -> connection.originate(
                OriginateRequest.call(value).toApplication("Wait", "1").build()), "Channel", value -> value);
    }

    @Test
    void applicationData() throws Exception {
        fuzz("application data", List.of("1", "custom/welcome", "PJSIP/105,qE"), value -> connection.originate(
                OriginateRequest.call(AGENT).toApplication("Playback", value).build()), "Data", value -> value);
    }

    @Test
    void dialplanContextsAndExtensions() throws Exception {
        fuzz("context", List.of("amicus", "from-internal"), value -> connection.originate(
                OriginateRequest.call(AGENT).toExtension(value, "100", 1).build()), "Context", value -> value);
        fuzz("extension", List.of("100", "*72", "s"), value -> connection.originate(
                OriginateRequest.call(AGENT).toExtension("amicus", value, 1).build()), "Exten", value -> value);
    }

    @Test
    void variableNamesAndValues() throws Exception {
        fuzz("variable name", List.of("CALLERID(name)", "PJSIP_HEADER(add,Call-Info)", "X"), value -> connection
                .originate(OriginateRequest.call(AGENT).toApplication("Wait", "1").variable(value, "1").build()),
                "Variable", value -> value + "=1");
        fuzz("variable value", List.of("<sip:pbx>;answer-after=0", "1", "a=b"), value -> {
            CompletableFuture<?> sent = connection.originate(
                    OriginateRequest.call(AGENT).toApplication("Wait", "1").variable("X", value).build());
            assertFalse(value.contains(",") || value.contains("\"") || value.contains("\\"),
                    "a value Asterisk would split or change was sent: " + escaped(value));
            return sent;
        }, "Variable", value -> "X=" + value);
    }

    @Test
    void applications() throws Exception {
        fuzz("application", List.of("Playback", "ChanSpy", "PickupChan", "wait"), value -> connection.originate(
                OriginateRequest.call(AGENT).toApplication(value, "1").build()), "Application",
                value -> OriginateRequest.APPLICATIONS.stream().filter(value::equalsIgnoreCase).findFirst()
                        .orElseThrow(() -> new AssertionError("application " + escaped(value) + " was sent")));
    }

    /**
     * Hanging up a session sends a Hangup for a live channel of the agent's own phone, by its name, and nothing
     * else: a pattern, another phone's channel, a name or id of no live channel never reaches the PBX. An id of no
     * live channel is a session that ended already, and is done at once.
     */
    @Test
    void sessionsToHangUp() throws Exception {
        String mine = AGENT + "-00000001";
        ChannelRegistry registry = services.get(ChannelRegistry.class);
        try (RegistryWatcher watcher = new RegistryWatcher(registry)) {
            fake.send(newChannel(mine, "mine-1") + newChannel("PJSIP/104-00000002", "other-2"));
            watcher.await(s -> s.byUniqueId("other-2").isPresent(), TIMEOUT, "a channel of mine, one of 104");
        }
        List<String> values = FuzzStrings.generate(13, PER_FIELD, List.of(mine, "mine-1", "PJSIP/104-00000002",
                "other-2", "/.*/", "1700000000.12"));
        int before = fake.received().size();
        int refused = 0;
        int ended = 0;
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (String value : values) {
            CompletableFuture<Void> hangUp = actions.hangUp(value);
            if (hangUp.isCompletedExceptionally()) {
                refused++;
            } else if (value.equals(mine) || value.equals("mine-1")) {
                sent.add(hangUp);
            } else {
                assertTrue(hangUp.isDone() && value.matches("[A-Za-z0-9._-]+") && !value.equals("other-2"),
                        escaped(value) + " is the id of a session that ended");
                ended++;
            }
        }
        for (CompletableFuture<Void> hangUp : sent) {
            hangUp.get(15, TimeUnit.SECONDS);
        }
        List<FakeAmiServer.Action> arrived = actionsUntilMarker(before);
        assertEquals(sent.size(), arrived.size(), "one Hangup for each session of mine, and nothing else");
        for (FakeAmiServer.Action action : arrived) {
            assertEquals("Hangup", action.name());
            assertEquals(mine, action.get("Channel"));
        }
        System.out.println("[figure] fuzz session to hang up: " + values.size() + " values, " + refused
                + " refused before sending, " + ended + " taken as ended sessions (nothing sent), " + sent.size()
                + " sent as a Hangup of my own channel");
        assertTrue(refused > 0 && ended > 0 && !sent.isEmpty(), "every way was tried");
    }

    private static String newChannel(String name, String uniqueId) {
        return "Event: Newchannel\r\nChannel: " + name + "\r\nUniqueid: " + uniqueId + "\r\nLinkedid: " + uniqueId
                + "\r\nChannelState: 6\r\n\r\n";
    }

    @Test
    void anyActionSentThroughTheConnection() throws Exception {
        fuzz("Hangup channel", List.of("PJSIP/104-00000001", "1700000000.12"),
                value -> connection.send(new HangupAction(value), TIMEOUT), "Channel", value -> value);
    }

    @Test
    void agentProfileFields() throws Exception {
        fuzz("agent device", List.of(AGENT, "PJSIP/104", "SIP/200"), value -> {
            agents.save(agent(value, "agents", ""));
            return actions.call("100");
        }, "Channel", value -> value);
        fuzz("agent dial context", List.of("agents", "from-internal"), value -> {
            agents.save(agent(AGENT, value, ""));
            return actions.call("100");
        }, "Context", value -> value);
        fuzz("agent caller id", List.of("\"Agent\" <100>", "Agent"), value -> {
            agents.save(agent(AGENT, "agents", value));
            return actions.call("100");
        }, "CallerID", value -> value);
    }

    /**
     * A PBX may name channels as it likes (short of a line break); picking up or spying on one sends its name back.
     * Names that hold a control character are refused; the others arrive as one value.
     */
    @Test
    void channelNamesFromThePbxSentBack() throws Exception {
        List<String> names = FuzzStrings.generate(11, PER_FIELD, List.of("PJSIP/104-00000001", "Local/100@x-1;2"))
                .stream().filter(name -> !name.contains("\r") && !name.contains("\n")).distinct().toList();
        StringBuilder ringing = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            ringing.append("Event: Newchannel\r\nChannel: ").append(names.get(i)).append("\r\nUniqueid: fuzz-")
                    .append(i).append("\r\nLinkedid: fuzz-").append(i).append("\r\nChannelState: 5\r\n\r\n");
        }
        ChannelRegistry registry = services.get(ChannelRegistry.class);
        try (RegistryWatcher watcher = new RegistryWatcher(registry)) {
            fake.send(ringing.toString());
            watcher.await(s -> s.byUniqueId("fuzz-" + (names.size() - 1)).isPresent(), TIMEOUT, "fuzzed channels");
        }
        check("channel to pick up", names, actions::pickUp, "Data", value -> value);
        check("channel to spy on", names, value -> actions.spy(value, SpyMode.LISTEN), "Data",
                value -> value + "," + SpyMode.LISTEN.chanSpyOptions());
    }

    @Test
    void userNamesAtLogin() throws Exception {
        List<String> names = FuzzStrings.generate(12, 200, List.of("amicus", "agent-7", "a.b@c"));
        int refused = 0;
        int sent = 0;
        for (String name : names) {
            AmiProfile profile;
            try {
                profile = new AmiProfile("fuzz", "127.0.0.1", fake.profile().port(), false, name);
            } catch (IllegalArgumentException e) {
                refused++;
                continue;
            }
            int before = fake.received().size();
            connection.connect(profile, FakeAmiServer.SECRET, QUICK).handle((ok, failure) -> null)
                    .get(15, TimeUnit.SECONDS);
            FakeAmiServer.Action login = fake.awaitAction(before, action -> "Login".equals(action.name()), TIMEOUT);
            assertEquals(sentAs(name), login.get("Username"));
            assertOnlyKnownHeaders(login, Set.of("action", "actionid", "username", "authtype", "key", "events"));
            sent++;
        }
        figure("user name", names.size(), refused, sent);
        assertTrue(refused > 0 && sent > 0, "both refused and accepted names were tried");
    }

    /** Tries generated values around the valid ones. */
    private void fuzz(String field, List<String> valid, Attempt attempt, String header,
            Function<String, String> expected) throws Exception {
        check(field, FuzzStrings.generate(field.hashCode(), PER_FIELD, valid), attempt, header, expected);
    }

    /** Sends each input, then checks that exactly the accepted ones arrived, one action each, value intact. */
    private void check(String field, List<String> inputs, Attempt attempt, String header,
            Function<String, String> expected) throws Exception {
        int before = fake.received().size();
        List<String> sent = new ArrayList<>();
        int refused = 0;
        for (String input : inputs) {
            if (refusedAtOnce(attempt, input)) {
                refused++;
            } else {
                assertFalse(FuzzStrings.hasControlCharacter(input), field + " " + escaped(input) + " was sent");
                sent.add(sentAs(expected.apply(input)));
            }
        }
        List<FakeAmiServer.Action> arrived = actionsUntilMarker(before);
        assertEquals(sent.size(), arrived.size(), field + ": one action for each value sent, and nothing else");
        for (int i = 0; i < sent.size(); i++) {
            FakeAmiServer.Action action = arrived.get(i);
            assertEquals(sent.get(i), action.get(header), field + " arrives exactly as given");
            assertOnlyKnownHeaders(action, HEADERS);
        }
        figure(field, inputs.size(), refused, sent.size());
        assertTrue(refused > 0 && !sent.isEmpty(), field + ": both refused and accepted values were tried");
    }

    private static boolean refusedAtOnce(Attempt attempt, String input) throws Exception {
        try {
            return attempt.send(input).isCompletedExceptionally();
        } catch (IllegalArgumentException refused) {
            return true;
        }
    }

    /** The actions received after the first {@code before}, up to a ping sent now; keepalive pings left out. */
    private List<FakeAmiServer.Action> actionsUntilMarker(int before) throws Exception {
        String marker = "marker-" + UUID.randomUUID();
        PingAction ping = new PingAction();
        ping.setActionId(marker);
        connection.send(ping, TIMEOUT).get(15, TimeUnit.SECONDS);
        List<FakeAmiServer.Action> received = fake.received();
        List<FakeAmiServer.Action> actions = new ArrayList<>();
        for (FakeAmiServer.Action action : received.subList(before, received.size())) {
            if (String.valueOf(action.get("ActionID")).endsWith(marker)) {
                return actions;
            }
            if (!"Ping".equals(action.name())) {
                actions.add(action);
            }
        }
        throw new AssertionError("the marker never arrived");
    }

    private static void assertOnlyKnownHeaders(FakeAmiServer.Action action, Set<String> known) {
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, String> header : action.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            assertTrue(known.contains(name), "unexpected header " + escaped(header.getKey()));
            assertTrue(name.equals("variable") || seen.add(name), "header " + name + " twice");
        }
    }

    /** The value as the server reads it back: UTF-8 has no form for a broken surrogate, which goes as '?'. */
    private static String sentAs(String value) {
        return new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static AgentProfile agent(String device, String dialContext, String callerId) {
        return new AgentProfile(device, AutoAnswer.NONE, dialContext, Duration.ofSeconds(30), callerId);
    }

    private static String escaped(String text) {
        StringBuilder shown = new StringBuilder();
        text.chars().forEach(c -> shown.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", c) : (char) c));
        return "\"" + shown + "\"";
    }

    private static void figure(String field, int tried, int refused, int sent) {
        System.out.println("[figure] fuzz " + field + ": " + tried + " values, " + refused + " refused before sending, "
                + sent + " sent, each as exactly one value");
    }
}
