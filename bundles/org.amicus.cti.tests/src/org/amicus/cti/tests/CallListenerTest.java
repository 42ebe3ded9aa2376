package org.amicus.cti.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.amicus.cti.AgentProfile;
import org.amicus.cti.AgentProfiles;
import org.amicus.cti.AutoAnswer;
import org.amicus.cti.CallListener;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelRegistry;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.RegistryWatcher;
import org.amicus.testing.SipCall;
import org.amicus.testing.TestPbx;
import org.asteriskjava.manager.action.HangupAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/** A CRM bundle's view: a CallListener service hears my phone ring, calls answered, and calls end. */
class CallListenerTest extends AgainstTestPbx {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final Notices notices = new Notices();
    private ServiceRegistration<CallListener> registration;
    private AgentProfiles profiles;
    private AgentProfile saved;
    private RegistryWatcher watcher;

    @BeforeEach
    void listen() throws Exception {
        profiles = services.get(AgentProfiles.class);
        saved = profiles.current();
        profiles.save(new AgentProfile("PJSIP/104", AutoAnswer.CALL_INFO, TestPbx.CONTEXT, Duration.ofSeconds(20),
                ""));
        watcher = new RegistryWatcher(services.get(ChannelRegistry.class));
        registration = FrameworkUtil.getBundle(getClass()).getBundleContext().registerService(CallListener.class,
                notices, null);
    }

    @AfterEach
    void stopListening() {
        registration.unregister();
        watcher.close();
        profiles.save(saved);
    }

    @Test
    void hearsMyPhoneRingAndTheCallEnd() throws Exception {
        connectAsDesktop();

        Channel[] call = watcher.ringingCall(connection);
        Channel caller = call[0];
        Channel mine = call[1];

        notices.await("ringing " + mine.name() + " mine");
        notices.await("answered " + caller.name() + " other");
        assertEquals("Customer", notices.ringingChannel(mine.name()).connectedLine().name(), "who is calling me");

        connection.send(new HangupAction(caller.name()), TIMEOUT).get(15, TimeUnit.SECONDS);

        notices.await("ended " + mine.name() + " mine");
        notices.await("ended " + caller.name() + " other");
    }

    @Test
    void aCustomerCallingTheQueueRingsMyPhoneNotTheTrunk() throws Exception {
        connectWithFullRights();
        // the queue rings no phone in use: an earlier test's call still ringing 104 would keep it from ringing here
        watcher.await(s -> s.channels().stream().noneMatch(c -> c.device().equals("PJSIP/104")),
                Duration.ofSeconds(40), "104 is done with an earlier test's call");
        try (SipCall customer = SipCall.customerCalls(SipCall.SUPPORT_DID, "0611000003", "Carla Rossi")) {
            var ringing = watcher.await(s -> customer.leg(s, "PJSIP/104").isPresent(), TIMEOUT, "104 rings");
            Channel mine = customer.leg(ringing, "PJSIP/104").orElseThrow();
            Channel trunk = customer.calling(ringing).orElseThrow();
            // Events come in order: the trunk's channel went to Ring before 104's was made to ring.
            notices.await("ringing " + mine.name() + " mine");
            notices.assertNotHeard("ringing " + trunk.name() + " other");
        }
    }

    @Test
    void dialingOutFromMyPhoneIsNoRingingOfMine() throws Exception {
        profiles.save(new AgentProfile("PJSIP/105", AutoAnswer.CALL_INFO, TestPbx.CONTEXT, Duration.ofSeconds(20),
                ""));
        connectWithFullRights();
        try (SipCall dialling = SipCall.phoneDials("105", "104")) {
            Channel callee = dialling.leg(watcher.await(s -> dialling.leg(s, "PJSIP/104").isPresent(), TIMEOUT,
                    "105 dials 104"), "PJSIP/104").orElseThrow();
            // Events come in order: my phone's channel went to Ring before 104's was made to ring.
            notices.await("ringing " + callee.name() + " other");
            Channel mine = dialling.calling(registry().snapshot()).orElseThrow();
            notices.assertNotHeard("ringing " + mine.name() + " mine");
        }
    }

    private ChannelRegistry registry() throws InterruptedException {
        return services.get(ChannelRegistry.class);
    }

    /** Records notices as "kind channel mine|other". */
    private static final class Notices implements CallListener {

        private final List<String> heard = new ArrayList<>();
        private final List<Channel> rang = new ArrayList<>();

        @Override
        public synchronized void ringing(Channel channel, boolean mine) {
            rang.add(channel);
            record("ringing", channel, mine);
        }

        @Override
        public void answered(Channel channel, boolean mine) {
            record("answered", channel, mine);
        }

        @Override
        public void ended(Channel channel, boolean mine) {
            record("ended", channel, mine);
        }

        private synchronized void record(String kind, Channel channel, boolean mine) {
            heard.add(kind + " " + channel.name() + (mine ? " mine" : " other"));
            notifyAll();
        }

        synchronized Channel ringingChannel(String name) {
            return rang.stream().filter(channel -> channel.name().equals(name)).findFirst().orElseThrow();
        }

        synchronized void assertNotHeard(String notice) {
            if (heard.contains(notice)) {
                throw new AssertionError("Heard \"" + notice + "\": " + heard);
            }
        }

        synchronized void await(String notice) throws InterruptedException {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!heard.contains(notice)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("No notice \"" + notice + "\"; heard " + heard);
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
