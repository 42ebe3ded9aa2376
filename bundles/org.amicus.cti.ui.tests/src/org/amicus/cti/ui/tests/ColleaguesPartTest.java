package org.amicus.cti.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiConnection;
import org.amicus.cti.AgentProfile;
import org.amicus.cti.AgentProfiles;
import org.amicus.cti.AutoAnswer;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.Colleague;
import org.amicus.cti.ColleagueRegistry;
import org.amicus.cti.ColleagueState;
import org.amicus.cti.CtiActions;
import org.amicus.cti.ui.parts.ColleaguesPart;
import org.amicus.cti.ui.parts.WidgetIds;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.SipCall;
import org.amicus.testing.TestPbx;
import org.amicus.testing.ui.UiHarness;
import org.asteriskjava.manager.action.HangupAction;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.junit.jupiter.api.Test;

/** The Colleagues part with real widgets, fed by the real presence of the test PBX's phones. */
class ColleaguesPartTest extends AgainstTestPbx {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @Test
    void saysSoWhenTheCtiServiceIsMissing() {
        try (UiHarness ui = new UiHarness(WidgetIds.KEY)) {
            ui.make(ColleaguesPart.class);

            Table table = ui.find(Table.class, WidgetIds.COLLEAGUES_TABLE);
            assertEquals(java.util.List.of("Extension", "Phone", "State", "For"),
                    Arrays.stream(table.getColumns()).map(TableColumn::getText).toList());
            assertEquals("Colleagues are not available: the CTI service is missing",
                    ui.find(Label.class, WidgetIds.COLLEAGUES_SUMMARY).getText());
            assertFalse(ui.find(Button.class, WidgetIds.COLLEAGUES_CALL).getEnabled());
        }
    }

    @Test
    void aCustomerRingingAColleagueShowsAndIsPickedUpOnMyPhone() throws Exception {
        AgentProfiles profiles = services.get(AgentProfiles.class);
        AgentProfile saved = profiles.current();
        profiles.save(new AgentProfile("PJSIP/108", AutoAnswer.CALL_INFO, TestPbx.CONTEXT, Duration.ofSeconds(20),
                ""));
        try (UiHarness ui = new UiHarness(WidgetIds.KEY)) {
            ColleaguesPart part = makePart(ui, profiles);
            Table table = ui.find(Table.class, WidgetIds.COLLEAGUES_TABLE);
            Button pickUp = ui.find(Button.class, WidgetIds.COLLEAGUES_PICK_UP);
            Label notice = ui.find(Label.class, WidgetIds.COLLEAGUES_NOTICE);
            connectWithFullRights();
            ui.spinUntil(() -> row(part, "104") >= 0, TIMEOUT);
            table.setSelection(row(part, "104"));
            table.notifyListeners(SWT.Selection, new Event());
            assertFalse(pickUp.getEnabled(), "nothing rings on 104 yet");
            assertEquals("104 is not ringing", pickUp.getToolTipText());

            try (SipCall customer = SipCall.customerCalls(SipCall.directLine("104"), "0611000021", "Gina Lund")) {
                ui.spinUntil(() -> table.getItem(row(part, "104")).getText(2).equals("Ringing"), TIMEOUT);
                ui.spinUntil(pickUp::getEnabled, TIMEOUT);
                assertNotNull(table.getItem(row(part, "104")).getBackground(), "a ringing colleague stands out");
                assertTrue(ui.find(Label.class, WidgetIds.COLLEAGUES_SUMMARY).getText().contains("1 ringing"));
                ui.screenshot("colleagues-part-ringing");

                UiHarness.click(pickUp);

                events.await("Pickup", e -> e.get("TargetChannel").orElse("").startsWith("PJSIP/104-"), TIMEOUT);
                ui.spinUntil(() -> notice.getText().matches("Pick-up of PJSIP/104-\\S+: Answered"), TIMEOUT);
                ui.spinUntil(() -> table.getItem(row(part, "104")).getText(2).equals("Idle")
                        && table.getItem(row(part, "108")).getText(2).equals("In use"), TIMEOUT);
            }
        } finally {
            profiles.save(saved);
        }
    }

    @Test
    void aDoubleClickOnAnIdleColleagueCallsItFromMyPhone() throws Exception {
        AgentProfiles profiles = services.get(AgentProfiles.class);
        AgentProfile saved = profiles.current();
        profiles.save(new AgentProfile("PJSIP/108", AutoAnswer.CALL_INFO, TestPbx.CONTEXT, Duration.ofSeconds(20),
                ""));
        try (UiHarness ui = new UiHarness(WidgetIds.KEY)) {
            ColleaguesPart part = makePart(ui, profiles);
            Table table = ui.find(Table.class, WidgetIds.COLLEAGUES_TABLE);
            Label notice = ui.find(Label.class, WidgetIds.COLLEAGUES_NOTICE);
            connectWithFullRights();
            ui.spinUntil(() -> row(part, "106") >= 0 && part.rows().get(row(part, "106")).state()
                    == ColleagueState.IDLE, TIMEOUT);

            table.setSelection(row(part, "106"));
            table.notifyListeners(SWT.DefaultSelection, new Event());

            ui.spinUntil(() -> notice.getText().equals("Call to 106: Answered"), TIMEOUT);
            events.await("ExtensionStatus", e -> e.get("Exten").orElse("").equals("106")
                    && e.get("Status").orElse("").equals("1"), TIMEOUT);
            ui.spinUntil(() -> table.getItem(row(part, "106")).getText(2).equals("In use"), TIMEOUT);
            connection.send(new HangupAction("/^PJSIP\\/10[68]-.*$/"), TIMEOUT).get(15, TimeUnit.SECONDS);
            ui.spinUntil(() -> table.getItem(row(part, "106")).getText(2).equals("Idle"), TIMEOUT);
        } finally {
            profiles.save(saved);
        }
    }

    private ColleaguesPart makePart(UiHarness ui, AgentProfiles profiles) throws InterruptedException {
        ui.context.set(ColleagueRegistry.class, services.get(ColleagueRegistry.class));
        ui.context.set(ChannelRegistry.class, services.get(ChannelRegistry.class));
        ui.context.set(CtiActions.class, services.get(CtiActions.class));
        ui.context.set(AgentProfiles.class, profiles);
        ui.context.set(AmiConnection.class, connection);
        return ui.make(ColleaguesPart.class);
    }

    private static int row(ColleaguesPart part, String extension) {
        for (int i = 0; i < part.rows().size(); i++) {
            Colleague colleague = part.rows().get(i);
            if (colleague.extension().equals(extension)) {
                return i;
            }
        }
        return -1;
    }
}
