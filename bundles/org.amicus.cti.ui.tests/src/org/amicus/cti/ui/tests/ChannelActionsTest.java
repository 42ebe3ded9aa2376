package org.amicus.cti.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.OriginateOutcome;
import org.amicus.cti.AgentProfile;
import org.amicus.cti.AgentProfiles;
import org.amicus.cti.AutoAnswer;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.CtiActionContribution;
import org.amicus.cti.CtiActions;
import org.amicus.cti.ui.actions.ChannelAction;
import org.amicus.cti.ui.parts.ChannelsPart;
import org.amicus.cti.ui.parts.WidgetIds;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.SipCall;
import org.amicus.testing.TestCalls;
import org.amicus.testing.TestPbx;
import org.amicus.testing.ui.ShownChannels;
import org.amicus.testing.ui.UiHarness;
import org.asteriskjava.manager.action.HangupAction;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/** The Channels part's menu, toolbar and notifications, acting on the real test PBX through the real services. */
class ChannelActionsTest extends AgainstTestPbx {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private AgentProfiles agents;
    private AgentProfile saved;
    private ChannelRegistry registry;

    @BeforeEach
    void useMyPhone108() throws Exception {
        agents = services.get(AgentProfiles.class);
        registry = services.get(ChannelRegistry.class);
        saved = agents.current();
        myPhoneIs("PJSIP/108");
    }

    @AfterEach
    void restoreAgentProfile() {
        agents.save(saved);
    }

    private void myPhoneIs(String device) {
        agents.save(new AgentProfile(device, AutoAnswer.CALL_INFO, TestPbx.CONTEXT, Duration.ofSeconds(5), ""));
    }

    private ChannelsPart channelsPart(UiHarness ui) throws Exception {
        ui.context.set(ChannelRegistry.class, registry);
        ui.context.set(CtiActions.class, services.get(CtiActions.class));
        ui.context.set(AgentProfiles.class, agents);
        ui.context.set(AmiConnection.class, connection);
        return ui.make(ChannelsPart.class);
    }

    @Test
    void pickingUpFromTheContextMenuBridgesTheCallToMyPhone() throws Exception {
        try (UiHarness ui = new UiHarness(WidgetIds.KEY)) {
            ChannelsPart part = channelsPart(ui);
            Table table = ui.find(Table.class, WidgetIds.CHANNELS_TABLE);
            connectAsDesktop();
            ui.spinUntil(() -> tool(ui, ChannelAction.CALL).getEnabled(), TIMEOUT);
            assertFalse(tool(ui, ChannelAction.PICK_UP).getEnabled());
            assertEquals("Select a ringing channel (Ctrl+Shift+P)", tool(ui, ChannelAction.PICK_UP).getToolTipText());

            OriginateOutcome dialling = TestCalls.customerCallsPhone104(connection);
            Supplier<Channel> ringingNow = () -> TestCalls.ringingFor(registry.snapshot(), dialling.channelId());
            ui.spinUntil(() -> ringingNow.get() != null
                    && ShownChannels.indexOf(part.rows(), ringingNow.get().name()) >= 0, TIMEOUT);
            String ringing = ringingNow.get().name();
            table.setSelection(ShownChannels.indexOf(part.rows(), ringing));
            table.notifyListeners(SWT.Selection, new Event());

            assertFalse(menuItem(table, ChannelAction.HANG_UP).getEnabled(), "no session of mine yet");
            MenuItem pickUp = menuItem(table, ChannelAction.PICK_UP); // each lookup opens the menu afresh
            assertTrue(pickUp.getEnabled(), pickUp.getToolTipText());
            assertEquals("Pick up\tCtrl+Shift+P", pickUp.getText());
            UiHarness.click(pickUp);

            Label notice = ui.find(Label.class, WidgetIds.CHANNELS_NOTICE);
            ui.spinUntil(() -> notice.getText().equals("Pick-up of " + ringing + ": Answered"), TIMEOUT);
            ui.spinUntil(() -> registry.snapshot().byUniqueId(dialling.channelId()).map(Channel::bridgedWith)
                    .orElse("").startsWith("PJSIP/108-"), TIMEOUT);
            ui.screenshot("context-menu-picked-up");

            // Picked up, the ringing channel is gone, and with it the selection.
            ui.spinUntil(() -> ShownChannels.indexOf(part.rows(), ringing) < 0, TIMEOUT);
            assertFalse(tool(ui, ChannelAction.PICK_UP).getEnabled());
            assertEquals("Select a ringing channel (Ctrl+Shift+P)", tool(ui, ChannelAction.PICK_UP).getToolTipText());
            connection.send(new HangupAction(dialling.channelId()), TIMEOUT).get(15, TimeUnit.SECONDS);
        }
    }

    @Test
    void aPhoneThatDialsIsNoRingingCallToPickUp() throws Exception {
        try (UiHarness ui = new UiHarness(WidgetIds.KEY); SipCall dialling = SipCall.phoneDials("105", "104")) {
            ChannelsPart part = channelsPart(ui);
            Table table = ui.find(Table.class, WidgetIds.CHANNELS_TABLE);
            connectWithFullRights();
            ui.spinUntil(() -> dialling.leg(registry.snapshot(), "PJSIP/104").isPresent(), TIMEOUT);
            String caller = dialling.calling(registry.snapshot()).orElseThrow().name();
            ui.spinUntil(() -> ShownChannels.indexOf(part.rows(), caller) >= 0, TIMEOUT);
            table.setSelection(ShownChannels.indexOf(part.rows(), caller));
            table.notifyListeners(SWT.Selection, new Event());

            MenuItem pickUp = menuItem(table, ChannelAction.PICK_UP);
            assertFalse(pickUp.getEnabled());
            assertEquals(caller + " is not ringing (Ctrl+Shift+P)", tool(ui, ChannelAction.PICK_UP).getToolTipText());
        }
    }

    @Test
    void aRecordingThePbxCannotPlaySaysMyPhoneAnsweredButNothingPlayed() throws Exception {
        try (UiHarness ui = new UiHarness(WidgetIds.KEY)) {
            channelsPart(ui);
            connectWithFullRights();
            ui.spinUntil(() -> tool(ui, ChannelAction.PLAY_RECORDING).getEnabled(), TIMEOUT);

            ui.whenIdle(() -> {
                ui.find(Text.class, WidgetIds.PROMPT_TEXT).setText("custom/does-not-exist");
                UiHarness.click(ui.find(Button.class, WidgetIds.PROMPT_OK));
            });
            UiHarness.click(tool(ui, ChannelAction.PLAY_RECORDING));

            Label notification = ui.find(Label.class, WidgetIds.NOTIFICATION_TEXT);
            ui.spinUntil(() -> notification.getText().startsWith("Playback of custom/does-not-exist: My"), TIMEOUT);
            assertEquals("Playback of custom/does-not-exist: My phone PJSIP/108 answered, but the PBX could not play"
                    + " custom/does-not-exist: is there such a recording?", notification.getText());
            ui.screenshot("notification-action-failed");
        }
    }

    @Test
    void aFailedCallShowsWhyInANoticeThatTakesNoFocus() throws Exception {
        myPhoneIs("PJSIP/110"); // a phone that answers every call with 486 Busy Here: Asterisk says "failed"
        try (UiHarness ui = new UiHarness(WidgetIds.KEY)) {
            channelsPart(ui);
            connectAsDesktop();
            ui.spinUntil(() -> tool(ui, ChannelAction.CALL).getEnabled(), TIMEOUT);

            ui.whenIdle(() -> {
                Text number = ui.find(Text.class, WidgetIds.PROMPT_TEXT);
                Button ok = ui.find(Button.class, WidgetIds.PROMPT_OK);
                number.setText("10 0");
                assertFalse(ok.getEnabled());
                assertTrue(DialogProblem.of(ui.find(Shell.class, WidgetIds.PROMPT))
                        .startsWith("\"10 0\" is not a number that can be dialled"));
                number.setText("100");
                assertTrue(ok.getEnabled());
                UiHarness.click(ok);
            });
            UiHarness.click(tool(ui, ChannelAction.CALL));

            Label notification = ui.find(Label.class, WidgetIds.NOTIFICATION_TEXT);
            ui.spinUntil(() -> notification.getText().startsWith("Call to 100: Failed"), TIMEOUT);
            assertTrue(notification.getText().startsWith("Call to 100: Failed to reach PJSIP/110: "),
                    notification.getText());
            assertTrue(notification.getText().endsWith("(cause 17)"), notification.getText());
            Shell notice = notification.getShell();
            assertTrue(notice.isVisible());
            assertEquals(ui.shell, notice.getParent(), "a notice of the window it is about");
            assertTrue((notice.getStyle() & SWT.NO_FOCUS) != 0, "it asks for no focus");
            assertNotEquals(notice, ui.display.getActiveShell(), "and gets none");
            ui.screenshot("notification-busy");
        }
    }

    @Test
    void contributedActionsJoinTheMenuAndActOnTheSelectedChannel() throws Exception {
        CompletableFuture<Channel> copied = new CompletableFuture<>();
        CtiActionContribution copyToCrm = new CtiActionContribution() {
            @Override
            public String label() {
                return "Copy caller to CRM";
            }

            @Override
            public void run(Channel channel) {
                copied.complete(channel);
            }
        };
        ServiceRegistration<CtiActionContribution> registration = FrameworkUtil.getBundle(getClass())
                .getBundleContext().registerService(CtiActionContribution.class, copyToCrm, new Hashtable<>());
        try (UiHarness ui = new UiHarness(WidgetIds.KEY)) {
            ChannelsPart part = channelsPart(ui);
            Table table = ui.find(Table.class, WidgetIds.CHANNELS_TABLE);
            connectAsDesktop();
            OriginateOutcome dialling = TestCalls.customerCallsPhone104(connection);
            Supplier<Channel> ringingNow = () -> TestCalls.ringingFor(registry.snapshot(), dialling.channelId());
            ui.spinUntil(() -> ringingNow.get() != null
                    && ShownChannels.indexOf(part.rows(), ringingNow.get().name()) >= 0, TIMEOUT);
            table.setSelection(ShownChannels.indexOf(part.rows(), ringingNow.get().name()));

            MenuItem contributed = Arrays.stream(openMenu(table).getItems())
                    .filter(item -> item.getData() == copyToCrm).findFirst().orElseThrow();
            assertEquals("Copy caller to CRM", contributed.getText());
            UiHarness.click(contributed);
            assertEquals(ringingNow.get().uniqueId(), copied.get(1, TimeUnit.SECONDS).uniqueId());

            registration.unregister();
            registration = null;
            assertTrue(Arrays.stream(openMenu(table).getItems()).noneMatch(item -> item.getData() == copyToCrm),
                    "gone with its bundle's service");
            connection.send(new HangupAction(dialling.channelId()), TIMEOUT).get(15, TimeUnit.SECONDS);
        } finally {
            if (registration != null) {
                registration.unregister();
            }
        }
    }

    private static ToolItem tool(UiHarness ui, ChannelAction action) {
        return Arrays.stream(ui.find(ToolBar.class, WidgetIds.CHANNELS_TOOLBAR).getItems())
                .filter(item -> item.getData() == action).findFirst().orElseThrow();
    }

    private static Menu openMenu(Table table) {
        Menu menu = table.getMenu();
        menu.notifyListeners(SWT.Show, new Event());
        return menu;
    }

    private static MenuItem menuItem(Table table, ChannelAction action) {
        return Arrays.stream(openMenu(table).getItems()).filter(item -> item.getData() == action).findFirst()
                .orElseThrow();
    }
}
