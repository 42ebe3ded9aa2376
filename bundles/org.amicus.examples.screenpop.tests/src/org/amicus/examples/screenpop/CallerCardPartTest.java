package org.amicus.examples.screenpop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Hashtable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.amicus.ami.OriginateOutcome;
import org.amicus.cti.AgentProfile;
import org.amicus.cti.AgentProfiles;
import org.amicus.cti.AutoAnswer;
import org.amicus.cti.CallListener;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelRegistry;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.RegistryWatcher;
import org.amicus.testing.TestCalls;
import org.amicus.testing.TestPbx;
import org.amicus.testing.ui.UiHarness;
import org.asteriskjava.manager.action.HangupAction;
import org.eclipse.swt.widgets.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/** The caller card with real widgets, told of calls on the real test PBX by Amicus's real services. */
class CallerCardPartTest extends AgainstTestPbx {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private AgentProfiles agents;
    private AgentProfile saved;
    private ChannelRegistry registry;
    private OriginateOutcome dialling;

    @BeforeEach
    void myPhoneIs104() throws Exception {
        agents = services.get(AgentProfiles.class);
        registry = services.get(ChannelRegistry.class);
        saved = agents.current();
        myPhoneIs("PJSIP/104"); // it rings until the caller hangs up
    }

    /** Hangs up, and waits until phone 104 rings no more: the next test's card must not find this call. */
    @AfterEach
    void hangUpAndRestoreTheProfile() throws Exception {
        if (dialling != null) {
            try (RegistryWatcher watcher = new RegistryWatcher(registry)) {
                connection.send(new HangupAction(dialling.channelId()), TIMEOUT).get(15, TimeUnit.SECONDS);
                watcher.await(now -> now.channels().stream().noneMatch(c -> c.device().equals("PJSIP/104")),
                        TIMEOUT, "phone 104 free again");
            }
        }
        agents.save(saved);
    }

    private void myPhoneIs(String device) {
        agents.save(new AgentProfile(device, AutoAnswer.CALL_INFO, TestPbx.CONTEXT, Duration.ofSeconds(20), ""));
    }

    private CallerCardPart callerCard(UiHarness ui) {
        ui.context.set(AgentProfiles.class, agents);
        ui.context.set(ChannelRegistry.class, registry);
        ui.shell.setSize(420, 220);
        return ui.make(CallerCardPart.class);
    }

    /** What the label shows (it doubles an ampersand not to take it for a mnemonic). */
    private static String text(UiHarness ui, String id) {
        return ui.find(Label.class, id).getText().replace("&&", "&");
    }

    @Test
    void aCallRingingOnMyPhoneShowsTheCallerAndWhatTheContactListKnows() throws Exception {
        try (UiHarness ui = new UiHarness(CallerCardPart.WIDGET_ID)) {
            callerCard(ui);
            assertEquals("Waiting for a call on PJSIP/104", text(ui, CallerCardPart.CALL));
            connectAsDesktop();

            dialling = TestCalls.customerCallsPhone104(connection, "\"Alice Martin\" <0612345678>");

            ui.spinUntil(() -> text(ui, CallerCardPart.NAME).equals("Alice Martin"), TIMEOUT);
            assertTrue(text(ui, CallerCardPart.CALL).startsWith("Call on PJSIP/104 at "),
                    text(ui, CallerCardPart.CALL));
            assertEquals("0612345678", text(ui, CallerCardPart.NUMBER));
            assertEquals("Martin & Fils Bakery", text(ui, CallerCardPart.COMPANY));
            assertEquals("Key account since 2019; prefers calls before noon", text(ui, CallerCardPart.NOTE));
            ui.screenshot("caller-card");
        }
    }

    @Test
    void aCallerMissingFromTheContactListIsShownAsTheyCall() throws Exception {
        try (UiHarness ui = new UiHarness(CallerCardPart.WIDGET_ID)) {
            callerCard(ui);
            connectAsDesktop();

            dialling = TestCalls.customerCallsPhone104(connection, "\"Farid Haddad\" <0699887766>");

            ui.spinUntil(() -> text(ui, CallerCardPart.NAME).equals("Farid Haddad"), TIMEOUT);
            assertEquals("0699887766", text(ui, CallerCardPart.NUMBER));
            assertEquals("Not in the contact list", text(ui, CallerCardPart.COMPANY));
            assertEquals("", text(ui, CallerCardPart.NOTE));
            ui.screenshot("caller-card-unknown");
        }
    }

    @Test
    void aCardOpenedWhileMyPhoneRingsShowsThatCall() throws Exception {
        customerRings104();

        try (UiHarness ui = new UiHarness(CallerCardPart.WIDGET_ID)) {
            callerCard(ui);

            assertEquals("Customer", text(ui, CallerCardPart.NAME));
            assertEquals("105", text(ui, CallerCardPart.NUMBER));
            assertEquals("Test PBX customer line", text(ui, CallerCardPart.COMPANY));
        }
    }

    @Test
    void callsRingingOnOtherPhonesLeaveTheCardAlone() throws Exception {
        myPhoneIs("PJSIP/108");
        try (UiHarness ui = new UiHarness(CallerCardPart.WIDGET_ID)) {
            callerCard(ui);

            customerRings104(); // told after the card, whose listener was registered first
            ui.spinUntil(() -> true, Duration.ZERO); // runs whatever the card asked the UI thread to do

            assertEquals("Waiting for a call on PJSIP/108", text(ui, CallerCardPart.CALL));
            assertEquals("", text(ui, CallerCardPart.NAME));
        }
    }

    /**
     * The customer calls 104: returns once Amicus has told a call listener of the test's own that 104 rings, and so
     * has told every listener registered before it.
     */
    private void customerRings104() throws Exception {
        CompletableFuture<Channel> ringing = new CompletableFuture<>();
        ServiceRegistration<CallListener> listener = FrameworkUtil.getBundle(getClass()).getBundleContext()
                .registerService(CallListener.class, new CallListener() {
                    @Override
                    public void ringing(Channel channel, boolean mine) {
                        if (channel.device().equals("PJSIP/104")) {
                            ringing.complete(channel);
                        }
                    }
                }, new Hashtable<>());
        try {
            connectAsDesktop();
            dialling = TestCalls.customerCallsPhone104(connection);
            ringing.get(15, TimeUnit.SECONDS);
        } finally {
            listener.unregister();
        }
    }
}
