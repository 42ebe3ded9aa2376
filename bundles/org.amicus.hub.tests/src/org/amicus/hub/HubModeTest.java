package org.amicus.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.OriginateOutcome;
import org.amicus.cti.AgentProfiles;
import org.amicus.cti.CallListener;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ColleagueRegistry;
import org.amicus.cti.CtiActions;
import org.amicus.cti.ParkedCalls;
import org.amicus.cti.QueueActions;
import org.amicus.cti.QueueMember;
import org.amicus.cti.QueueRegistry;
import org.amicus.cti.hub.HubChoice;
import org.amicus.cti.hub.HubDesktop;
import org.amicus.cti.hub.HubLogin;
import org.amicus.cti.hub.HubStatus;
import org.amicus.cti.hub.HubStatusListener;
import org.amicus.cti.hub.internal.KvChannelRegistry;
import org.amicus.cti.hub.internal.KvColleagueRegistry;
import org.amicus.cti.hub.internal.KvParkedCalls;
import org.amicus.cti.hub.internal.KvQueueRegistry;
import org.amicus.cti.hub.internal.NatsQueueActions;
import org.amicus.cti.ui.parts.ChannelsPart;
import org.amicus.cti.ui.parts.ConnectionStatusControl;
import org.amicus.cti.ui.parts.WidgetIds;
import org.amicus.testing.QueueWatcher;
import org.amicus.testing.RawAmi;
import org.amicus.testing.Services;
import org.amicus.testing.SipCall;
import org.amicus.testing.TestCalls;
import org.amicus.testing.ui.ShownChannels;
import org.amicus.testing.ui.UiHarness;
import org.asteriskjava.manager.action.HangupAction;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * The desktop in hub mode as the product starts it once the settings chose the hub (NATS servers, user and password,
 * as the settings dialog stores them; here sam, the supervisor of sales, phone 108). Its services stand in for the direct mode's, the call notifications of the whiteboard hear the hub's channels, my phone
 * is the roster's, and the Channels part and the status line work through the hub: against the real hub, NATS
 * cluster and PBX. The hub runs in this process, on the direct mode's services, which it takes before hub mode starts.
 */
class HubModeTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Bundle HUB_MODE = FrameworkUtil.getBundle(HubDesktop.class);

    private static final Services services = new Services(HubModeTest.class);
    private static TestRoster.DirectServices direct;
    private static AmiConnection pbx;
    private static Hub hub;

    @BeforeAll
    static void startHubThenHubMode() throws Exception {
        direct = TestRoster.DirectServices.of(services);
        hub = TestRoster.startHub(direct);
        pbx = direct.services().pbx();
        services.get(HubChoice.class).useHub(new HubLogin(TestRoster.SERVERS, "sam", TestRoster.password("sam")));
        restartHubMode();
        HubStatus status = services.get(HubStatus.class);
        CompletableFuture<HubStatus> served = new CompletableFuture<>();
        HubStatusListener heard = now -> {
            if (now.available()) {
                served.complete(now);
            }
        };
        status.addListener(heard);
        if (status.available()) {
            served.complete(status);
        }
        served.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        status.removeListener(heard);
    }

    @AfterAll
    static void backToTheDirectMode() throws Exception {
        services.get(HubChoice.class).useDirect();
        restartHubMode();
        if (hub != null) {
            hub.close();
        }
        services.close();
    }

    /** Hub mode reads the settings when its bundle starts, as when the application starts. */
    private static void restartHubMode() throws BundleException {
        HUB_MODE.stop();
        HUB_MODE.start();
    }

    @Test
    void theHubsChannelsReachTheCallListenersWithMyPhoneFromTheRoster() throws Exception {
        assertInstanceOf(KvChannelRegistry.class, services.get(ChannelRegistry.class), "the hub's registry ranks first");
        assertEquals("PJSIP/108", services.get(AgentProfiles.class).current().device());
        BlockingQueue<Channel> myPhoneRang = new LinkedBlockingQueue<>();
        CallListener listener = new CallListener() {
            @Override
            public void ringing(Channel channel, boolean mine) {
                // the PBX's own events reach the listeners too, on the AMI's thread, as this process runs the hub
                if (mine && !Thread.currentThread().getName().startsWith("amicus-ami-")) {
                    myPhoneRang.add(channel);
                }
            }
        };
        ServiceRegistration<CallListener> registration = FrameworkUtil.getBundle(HubModeTest.class)
                .getBundleContext().registerService(CallListener.class, listener, null);
        try (SipCall customer = SipCall.customerCalls(SipCall.directLine("108"), "+493012345", "Customer")) {
            Channel rang = myPhoneRang.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(rang, "no call listener heard sam's phone ring through the hub");
            assertEquals("PJSIP/108", rang.device());
            assertEquals("+493012345", rang.connectedLine().number(), "who is calling");
        } finally {
            registration.unregister();
        }
    }

    /**
     * The Queues part shows the hub's queues and its buttons act on them through the hub, as the roster's phone; the
     * colleagues and parked calls come from the hub too.
     */
    @Test
    void theQueuesAndTheirActionsComeThroughTheHubAsTheRostersPhone() throws Exception {
        QueueActions queues = services.get(QueueActions.class);
        assertInstanceOf(NatsQueueActions.class, queues, "the hub's queue actions rank first");
        QueueRegistry board = services.get(QueueRegistry.class);
        assertInstanceOf(KvQueueRegistry.class, board, "so do the hub's queues");
        assertInstanceOf(KvColleagueRegistry.class, services.get(ColleagueRegistry.class));
        assertInstanceOf(KvParkedCalls.class, services.get(ParkedCalls.class));
        QueueWatcher.resetQueues();
        try (RawAmi observer = new RawAmi(); QueueWatcher onTheBoard = new QueueWatcher(board)) {
            QueueMember joined = queues.logIn("support").get(20, TimeUnit.SECONDS).get(0);
            assertEquals("PJSIP/108", joined.device());
            observer.awaitEvent("QueueMemberAdded", "Interface", "PJSIP/108");
            onTheBoard.await(now -> now.byName("support").orElseThrow().hasMember("PJSIP/108"), WAIT,
                    "108 in support on the hub's board");
            assertFalse(queues.logOut("support").get(20, TimeUnit.SECONDS).get(0).loggedIn());
            observer.awaitEvent("QueueMemberRemoved", "Interface", "PJSIP/108");
            onTheBoard.await(now -> !now.byName("support").orElseThrow().hasMember("PJSIP/108"), WAIT,
                    "108 out of support on the hub's board");
        } finally {
            QueueWatcher.resetQueues();
        }
    }

    @Test
    void theChannelsPartAndTheStatusLineWorkThroughTheHub() throws Exception {
        ChannelRegistry registry = services.get(ChannelRegistry.class);
        try (UiHarness ui = new UiHarness(WidgetIds.KEY)) {
            ui.context.set(ChannelRegistry.class, registry);
            ui.context.set(CtiActions.class, services.get(CtiActions.class));
            ui.context.set(AgentProfiles.class, services.get(AgentProfiles.class));
            ui.context.set(HubStatus.class, services.get(HubStatus.class));
            ChannelsPart part = ui.make(ChannelsPart.class);
            Composite trim = new Composite(ui.shell, SWT.NONE);
            ui.context.set(Composite.class, trim);
            ui.make(ConnectionStatusControl.class);
            Label status = ui.find(Label.class, WidgetIds.CONNECTION_STATUS);
            assertEquals("Through the hub as sam (supervisor), my phone PJSIP/108", status.getText());

            OriginateOutcome dialling = TestCalls.customerCallsPhone104(pbx);
            try {
                Supplier<Channel> ringingNow = () -> TestCalls.ringingFor(registry.snapshot(), dialling.channelId());
                ui.spinUntil(() -> ringingNow.get() != null, WAIT);
                String ringing = ringingNow.get().name();
                // the row as shown, not as it was while the call was set up: a double-click acts on what is shown
                ui.spinUntil(() -> ShownChannels.ringing(part.rows(), ringing), WAIT);
                Table table = ui.find(Table.class, WidgetIds.CHANNELS_TABLE);
                table.setSelection(ShownChannels.indexOf(part.rows(), ringing));
                table.notifyListeners(SWT.DefaultSelection, new Event());
                Label notice = ui.find(Label.class, WidgetIds.CHANNELS_NOTICE);
                ui.spinUntil(() -> notice.getText().equals("Pick-up of " + ringing + ": Answered"), WAIT,
                        () -> "the notice says: " + notice.getText());
            } finally {   // else 104 rings on for a minute, into the tests that follow
                pbx.send(new HangupAction(dialling.channelId()), WAIT).get(15, TimeUnit.SECONDS);
            }
            ui.spinUntil(() -> registry.snapshot().byUniqueId(dialling.channelId()).isEmpty(), WAIT);

            hub.close();
            hub = null;
            ui.spinUntil(() -> status.getText().equals("The hub is unavailable"), WAIT);
            Label summary = ui.find(Label.class, WidgetIds.CHANNELS_SUMMARY);
            ui.spinUntil(() -> summary.getText().startsWith("Not connected to the PBX"), WAIT);
            hub = TestRoster.startHub(direct);
            ui.spinUntil(() -> status.getText().startsWith("Through the hub as sam"), WAIT);
        }
    }
}
