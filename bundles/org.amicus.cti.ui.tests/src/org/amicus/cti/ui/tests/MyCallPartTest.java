package org.amicus.cti.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.amicus.ami.AmiConnection;
import org.amicus.cti.AgentProfile;
import org.amicus.cti.AgentProfiles;
import org.amicus.cti.AutoAnswer;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.ChannelState;
import org.amicus.cti.CtiActions;
import org.amicus.cti.ui.actions.MyCallAction;
import org.amicus.cti.ui.parts.MyCallPart;
import org.amicus.cti.ui.parts.WidgetIds;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.RawAmi;
import org.amicus.testing.RegistryWatcher;
import org.amicus.testing.SipCall;
import org.amicus.testing.TestPbx;
import org.amicus.testing.ui.UiHarness;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The My call part on calls as they come in production: a customer over the trunk through the sales queue, a
 * customer on an agent's direct line, a colleague's phone dialling mine. Its buttons act through the real services
 * with a recording desktop's rights; an admin's own AMI session sees the PBX's evidence of each action.
 */
class MyCallPartTest extends AgainstTestPbx {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private AgentProfiles agents;
    private AgentProfile saved;
    private ChannelRegistry registry;
    private RegistryWatcher watcher;

    @BeforeEach
    void watch() throws Exception {
        agents = services.get(AgentProfiles.class);
        registry = services.get(ChannelRegistry.class);
        watcher = new RegistryWatcher(registry);
        saved = agents.current();
        connectAsRecordingDesktop();
        // a call left on my phone would open a prompt where a test expects a refusal
        watcher.await(s -> s.channels().stream().noneMatch(c -> c.device().equals("PJSIP/108")), TIMEOUT,
                "108 is done with earlier tests' calls");
    }

    @AfterEach
    void restore() {
        watcher.close();
        agents.save(saved);
    }

    private void myPhoneIs(String device) {
        agents.save(new AgentProfile(device, AutoAnswer.CALL_INFO, TestPbx.CONTEXT, Duration.ofSeconds(20), ""));
    }

    private MyCallPart myCallPart(UiHarness ui) throws InterruptedException {
        ui.context.set(ChannelRegistry.class, registry);
        ui.context.set(CtiActions.class, services.get(CtiActions.class));
        ui.context.set(AgentProfiles.class, agents);
        ui.context.set(AmiConnection.class, connection);
        return ui.make(MyCallPart.class);
    }

    @Test
    void aQueueCallIsRecordedMutedAndTransferredWithThePbxsEvidence() throws Exception {
        try (UiHarness ui = new UiHarness(WidgetIds.KEY); RawAmi pbx = new RawAmi();
                SipCall customer = SipCall.customerCalls(SipCall.SALES_DID, "0611000061", "Ava Stone")) {
            // sales rings 105 or 106 in turn; whichever answers is my phone
            Channel mine = watcher.await(s -> talkingTo(s, customer).isPresent(), TIMEOUT,
                    "an agent of sales talks to the customer").channels().stream()
                    .filter(c -> isTalkingTo(c, customer)).findFirst().orElseThrow();
            myPhoneIs(mine.device());
            myCallPart(ui);
            Table calls = ui.find(Table.class, WidgetIds.MY_CALL_TABLE);
            ui.spinUntil(() -> calls.getItemCount() == 1 && cell(calls, 2).equals("Talking"), TIMEOUT);
            assertEquals("\"Ava Stone\" <0611000061>", cell(calls, 0));
            assertEquals("sales", cell(calls, 1), "the queue it came through");
            assertEquals("Not recorded", cell(calls, 4));
            assertFalse(button(ui, MyCallAction.MUTE_RECORDING).getEnabled(), "nothing to mute yet");

            UiHarness.click(button(ui, MyCallAction.RECORD));
            awaitNotice(ui, "Recording my call with \"Ava Stone\" <0611000061>");
            pbx.awaitEvent("MixMonitorStart", "Channel", mine.name());
            ui.spinUntil(() -> cell(calls, 4).equals("Recording")
                    && button(ui, MyCallAction.RECORD).getText().equals("Stop recording"), TIMEOUT);

            UiHarness.click(button(ui, MyCallAction.MUTE_RECORDING));
            awaitNotice(ui, "Recording muted: silence is recorded until I unmute it");
            assertEquals("both", pbx.awaitEvent("MixMonitorMute", "Channel", mine.name()).get("Direction"));
            ui.spinUntil(() -> cell(calls, 4).equals("Recording, muted")
                    && button(ui, MyCallAction.MUTE_RECORDING).getText().equals("Unmute recording"), TIMEOUT);
            ui.screenshot("my-call-recording-muted");

            UiHarness.click(button(ui, MyCallAction.RECORD));
            awaitNotice(ui, "Recording of my call with \"Ava Stone\" <0611000061> stopped");
            pbx.awaitEvent("MixMonitorStop", "Channel", mine.name());

            transfer(ui, "999");
            awaitNotice(ui, "Transfer to 999: The PBX has no 999 in amicus: nothing was transferred");
            transfer(ui, "108");
            awaitNotice(ui, "Transferred \"Ava Stone\" <0611000061> to 108@amicus");
            Map<String, String> transferred = pbx.awaitEvent("BlindTransfer", "TransfererChannel", mine.name());
            assertEquals("Success", transferred.get("Result"));
            assertEquals("108", transferred.get("Extension"));
            ui.spinUntil(() -> calls.getItemCount() == 0, TIMEOUT);
            assertEquals("My phone " + mine.device() + ": no call",
                    ui.find(Label.class, WidgetIds.MY_CALL_SUMMARY).getText());
        }
    }

    @Test
    void aCustomerOnMyDirectLineIsParked() throws Exception {
        myPhoneIs("PJSIP/108");
        try (UiHarness ui = new UiHarness(WidgetIds.KEY); RawAmi pbx = new RawAmi()) {
            myCallPart(ui);
            Table calls = ui.find(Table.class, WidgetIds.MY_CALL_TABLE);
            Button park = button(ui, MyCallAction.PARK);
            ui.spinUntil(() -> park.getToolTipText().equals("My phone PJSIP/108 has no call (Ctrl+Shift+K)"),
                    TIMEOUT);
            assertFalse(park.getEnabled());
            try (SipCall customer = SipCall.customerCalls(SipCall.directLine("108"), "0611000062", "Noah Reed")) {
                ui.spinUntil(() -> calls.getItemCount() == 1 && cell(calls, 2).equals("Talking"), TIMEOUT);
                assertEquals("", cell(calls, 1), "no queue");
                String trunk = customer.calling(registry.snapshot()).orElseThrow().name();

                UiHarness.click(button(ui, MyCallAction.PARK));
                Map<String, String> parked = pbx.awaitEvent("ParkedCall", "ParkeeChannel", trunk);
                awaitNotice(ui, "Parked \"Noah Reed\" <0611000062> in space " + parked.get("ParkingSpace"));
                ui.spinUntil(() -> calls.getItemCount() == 0, TIMEOUT);
            }
        }
    }

    @Test
    void aCustomerOnMyDirectLineIsHandedToTheColleagueIConsulted() throws Exception {
        myPhoneIs("PJSIP/108");
        try (UiHarness ui = new UiHarness(WidgetIds.KEY); RawAmi pbx = new RawAmi();
                SipCall customer = SipCall.customerCalls(SipCall.directLine("108"), "0611000063", "Mia Vik")) {
            myCallPart(ui);
            Table calls = ui.find(Table.class, WidgetIds.MY_CALL_TABLE);
            ui.spinUntil(() -> calls.getItemCount() == 1 && cell(calls, 2).equals("Talking"), TIMEOUT);
            String trunk = customer.calling(registry.snapshot()).orElseThrow().name();
            String mine = customer.leg(registry.snapshot(), "PJSIP/108").orElseThrow().name();

            prompted(ui, MyCallAction.CONSULT, "106");
            awaitNotice(ui, "Consulting 106@amicus while \"Mia Vik\" <0611000063> waits on hold");
            Button complete = button(ui, MyCallAction.TRANSFER);
            ui.spinUntil(() -> complete.getText().equals("Complete transfer")
                    && button(ui, MyCallAction.CONSULT).getText().equals("Cancel consultation"), TIMEOUT);
            watcher.await(s -> s.byName(mine).flatMap(me -> s.byName(me.bridgedWith()))
                    .filter(target -> target.name().startsWith("Local/106@amicus-")
                            && target.state() == ChannelState.UP).isPresent(), TIMEOUT, "106 answered");
            UiHarness.click(complete);

            awaitNotice(ui, "Transferred \"Mia Vik\" <0611000063> to 106@amicus");
            assertEquals("Success", pbx.awaitEvent("AttendedTransfer", "OrigTransfererChannel", mine).get("Result"));
            watcher.await(s -> s.byName(trunk).map(Channel::bridgedWith).orElse("")
                    .matches("(PJSIP/106-|Local/106@amicus-).*"), TIMEOUT, "the customer talks to 106");
            ui.spinUntil(() -> calls.getItemCount() == 0 && complete.getText().equals("Transfer\u2026"), TIMEOUT);
        }
    }

    @Test
    void aColleagueCallingMeIsHungUpByTheKeyBindingsAction() throws Exception {
        myPhoneIs("PJSIP/108");
        try (UiHarness ui = new UiHarness(WidgetIds.KEY); RawAmi pbx = new RawAmi()) {
            MyCallPart part = myCallPart(ui);
            Table calls = ui.find(Table.class, WidgetIds.MY_CALL_TABLE);
            part.run(MyCallAction.TRANSFER);
            awaitNotice(ui, "My phone PJSIP/108 has no call");
            try (SipCall colleague = SipCall.phoneDials("105", "108")) {
                ui.spinUntil(() -> calls.getItemCount() == 1 && cell(calls, 2).equals("Talking"), TIMEOUT);
                String other = cell(calls, 0);
                assertTrue(other.contains("105"), other);
                String mine = colleague.leg(registry.snapshot(), "PJSIP/108").orElseThrow().name();

                part.run(MyCallAction.HANG_UP); // what Ctrl+Shift+E runs, wherever the focus is
                pbx.awaitEvent("Hangup", "Channel", mine);
                awaitNotice(ui, "Hung up my call with " + other);
                ui.spinUntil(() -> calls.getItemCount() == 0, TIMEOUT);
            }
        }
    }

    private static void transfer(UiHarness ui, String number) {
        prompted(ui, MyCallAction.TRANSFER, number);
    }

    /** Clicks the action's button and answers its prompt with the number. */
    private static void prompted(UiHarness ui, MyCallAction action, String number) {
        ui.whenIdle(() -> {
            ui.find(Text.class, WidgetIds.PROMPT_TEXT).setText(number);
            UiHarness.click(ui.find(Button.class, WidgetIds.PROMPT_OK));
        });
        UiHarness.click(button(ui, action));
    }

    private static void awaitNotice(UiHarness ui, String text) {
        Label notice = ui.find(Label.class, WidgetIds.MY_CALL_NOTICE);
        try {
            ui.spinUntil(() -> notice.getText().equals(text), TIMEOUT);
        } catch (AssertionError e) {
            assertEquals(text, notice.getText());
        }
    }

    private static Button button(UiHarness ui, MyCallAction action) {
        return ui.find(Button.class, WidgetIds.myCall(action));
    }

    private static String cell(Table table, int column) {
        TableItem item = table.getItem(0);
        return item.getText(column);
    }

    private static Optional<Channel> talkingTo(ChannelSnapshot snapshot, SipCall customer) {
        return snapshot.channels().stream().filter(c -> isTalkingTo(c, customer)).findFirst();
    }

    private static boolean isTalkingTo(Channel channel, SipCall customer) {
        return (channel.device().equals("PJSIP/105") || channel.device().equals("PJSIP/106"))
                && channel.state() == ChannelState.UP && !channel.bridgedWith().isEmpty()
                && channel.connectedLine().number().equals(customer.caller());
    }
}
