package org.amicus.cti.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.amicus.ami.OriginateOutcome;
import org.amicus.ami.OriginateOutcome.Result;
import org.amicus.ami.OriginateRequest;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.ChannelState;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.Conditions;
import org.amicus.testing.RawAmi;
import org.amicus.testing.TestPbx;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The live channel registry follows the real test PBX, and ends equal to what the PBX lists. */
class ChannelRegistryTest extends AgainstTestPbx {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private ServiceTracker<ChannelRegistry, ChannelRegistry> tracker;
    private ChannelRegistry registry;
    private RegistryWatcher watcher;

    @BeforeEach
    void findRegistry() throws Exception {
        tracker = new ServiceTracker<>(FrameworkUtil.getBundle(getClass()).getBundleContext(),
                ChannelRegistry.class, null);
        tracker.open();
        registry = tracker.waitForService(10_000);
        assertNotNull(registry, "no ChannelRegistry service");
        watcher = new RegistryWatcher(registry);
    }

    @AfterEach
    void closeRegistry() {
        watcher.close();
        tracker.close();
    }

    @Test
    void followsACallFromRingingToHangUp() throws Exception {
        connectWithFullRights();
        // The caller's phone (105) answers and dials 104, which rings.
        connection.originate(OriginateRequest.call("PJSIP/105").toExtension(TestPbx.CONTEXT, "104", 1)
                .callerId("\"Customer\" <105>").build());

        ChannelSnapshot ringing = watcher.await(s -> callerAndRinging(s) != null, TIMEOUT, "104 rings for 105");
        Channel[] call = callerAndRinging(ringing);
        Channel caller = call[0];
        Channel rings = call[1];
        assertEquals(ChannelState.UP, caller.state());
        assertEquals("Dial", caller.application());
        assertEquals(caller.linkedId(), rings.linkedId(), "one call");
        assertEquals(rings.name(), caller.bridgedWith());
        assertEquals(caller.name(), rings.bridgedWith());
        assertEquals("Customer", rings.connectedLine().name());
        assertTrue(ringing.calls().get(caller.linkedId()).containsAll(List.of(caller, rings)));

        connection.send(new HangupAction(caller.name()), TIMEOUT).get(15, TimeUnit.SECONDS);

        watcher.await(s -> s.byUniqueId(caller.uniqueId()).isEmpty() && s.byUniqueId(rings.uniqueId()).isEmpty(),
                TIMEOUT, "both legs gone");
    }

    @Test
    void aResyncDropsGhostsAndAddsWhatWasMissed() throws Exception {
        connectWithFullRights();
        connection.originate(OriginateRequest.call("PJSIP/104").toApplication("Wait", "1")
                .timeout(Duration.ofSeconds(60)).build());
        Channel ghost = watcher.await(s -> ringingOn(s, "PJSIP/104") != null, TIMEOUT, "104 rings")
                .channels().stream().filter(c -> c.device().equals("PJSIP/104") && c.isRinging()).findFirst()
                .orElseThrow();
        connection.disconnect().get(10, TimeUnit.SECONDS);

        try (RawAmi behindItsBack = new RawAmi()) {
            behindItsBack.send("Hangup", "Channel", ghost.name());
            behindItsBack.send("Originate", "Channel", "Local/900@" + TestPbx.CONTEXT, "Application", "Wait",
                    "Data", "30", "Async", "true");
        }
        connectWithFullRights();

        ChannelSnapshot resynced = awaitSameAsPbx();
        assertTrue(resynced.byUniqueId(ghost.uniqueId()).isEmpty(), "the ghost is gone");
        assertTrue(resynced.channels().stream().anyMatch(c -> c.name().startsWith("Local/900@")),
                "the call made meanwhile is there");
    }

    @Test
    void staysEqualToThePbxUnderHundredsOfCalls() throws Exception {
        connectWithFullRights();
        int calls = 200;
        List<CompletableFuture<OriginateOutcome>> outcomes = IntStream.range(0, calls)
                .mapToObj(i -> connection.originate(OriginateRequest.call("Local/900@" + TestPbx.CONTEXT)
                        .toApplication("Wait", "60").timeout(Duration.ofSeconds(30)).build()))
                .toList();
        for (CompletableFuture<OriginateOutcome> outcome : outcomes) {
            assertEquals(Result.ANSWERED, outcome.get(60, TimeUnit.SECONDS).result());
        }
        ChannelSnapshot busy = awaitSameAsPbx();
        List<Channel> ours = busy.channels().stream().filter(c -> c.name().startsWith("Local/900@")).toList();
        assertTrue(ours.size() >= 2 * calls, ours.size() + " channels");
        assertTrue(ours.stream().allMatch(c -> c.state() == ChannelState.UP), "all answered");
        System.out.println("[figure] registry equal to CoreShowChannels with " + busy.size() + " live channels");

        try (RawAmi pbx = new RawAmi()) {
            pbx.send("Hangup", "Channel", "/^Local\\/900@" + TestPbx.CONTEXT + "-/");
        }
        watcher.await(s -> s.channels().stream().noneMatch(c -> c.name().startsWith("Local/900@")), TIMEOUT,
                "all hung up");
        awaitSameAsPbx();
    }

    @Test
    void withoutTheRightToListChannelsItSaysSoAndFollowsEvents() throws Exception {
        connection.connect(TestPbx.restricted(), TestPbx.RESTRICTED_SECRET).get(15, TimeUnit.SECONDS);

        Conditions.await(() -> registry.resyncProblem().isPresent(), TIMEOUT, "the registry reports its problem");
        assertTrue(registry.resyncProblem().orElseThrow().contains("system or reporting"),
                registry.resyncProblem().orElseThrow());
        connection.originate(OriginateRequest.call("Local/100@" + TestPbx.CONTEXT).toApplication("Wait", "1")
                .build());
        watcher.await(s -> s.channels().stream().anyMatch(c -> c.name().startsWith("Local/100@")), TIMEOUT,
                "the call is followed from its events");
    }

    /** Waits until the registry holds exactly the channels (unique ids and names) that the PBX lists. */
    private ChannelSnapshot awaitSameAsPbx() throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Map<String, String> listed;
        Map<String, String> known;
        do {
            listed = connection.sendList(new CoreShowChannelsAction(), TIMEOUT).get(30, TimeUnit.SECONDS).stream()
                    .filter(CoreShowChannelEvent.class::isInstance).map(CoreShowChannelEvent.class::cast)
                    .collect(Collectors.toMap(CoreShowChannelEvent::getUniqueid, CoreShowChannelEvent::getChannel));
            known = registry.snapshot().channels().stream()
                    .collect(Collectors.toMap(Channel::uniqueId, Channel::name));
            if (listed.equals(known)) {
                return registry.snapshot();
            }
        } while (System.nanoTime() < deadline);
        assertEquals(listed, known, "the registry holds what the PBX lists");
        return registry.snapshot();
    }

    private static Channel ringingOn(ChannelSnapshot snapshot, String device) {
        return snapshot.channels().stream().filter(c -> c.device().equals(device) && c.isRinging()).findFirst()
                .orElse(null);
    }

    /** The 105 leg and the 104 leg it rings, once both are known and linked; null before. */
    private static Channel[] callerAndRinging(ChannelSnapshot snapshot) {
        for (Channel rings : snapshot.channels()) {
            if (rings.device().equals("PJSIP/104") && rings.isRinging() && !rings.bridgedWith().isEmpty()) {
                Channel caller = snapshot.byName(rings.bridgedWith()).orElse(null);
                if (caller != null && caller.device().equals("PJSIP/105")) {
                    return new Channel[] { caller, rings };
                }
            }
        }
        return null;
    }
}
