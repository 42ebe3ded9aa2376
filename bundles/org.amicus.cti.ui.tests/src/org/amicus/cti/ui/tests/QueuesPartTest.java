package org.amicus.cti.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiConnection;
import org.amicus.cti.AgentProfile;
import org.amicus.cti.AgentProfiles;
import org.amicus.cti.AutoAnswer;
import org.amicus.cti.QueueActions;
import org.amicus.cti.QueueRegistry;
import org.amicus.cti.ui.parts.QueuesPart;
import org.amicus.cti.ui.parts.WidgetIds;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.QueueWatcher;
import org.amicus.testing.SipCall;
import org.amicus.testing.TestPbx;
import org.amicus.testing.ui.UiHarness;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Queues part with real widgets, fed by the real queue registry of the real test PBX, its buttons acting through
 * the real queue actions; my phone is 108.
 */
class QueuesPartTest extends AgainstTestPbx {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private AgentProfiles agents;
    private AgentProfile saved;
    private QueueRegistry registry;

    @BeforeEach
    void useMyPhone108() throws Exception {
        QueueWatcher.resetQueues();
        agents = services.get(AgentProfiles.class);
        registry = services.get(QueueRegistry.class);
        saved = agents.current();
        agents.save(new AgentProfile("PJSIP/108", AutoAnswer.CALL_INFO, TestPbx.CONTEXT, Duration.ofSeconds(5), ""));
    }

    @AfterEach
    void restore() throws Exception {
        agents.save(saved);
        QueueWatcher.resetQueues();
    }

    private QueuesPart queuesPart(UiHarness ui) throws Exception {
        ui.context.set(QueueRegistry.class, registry);
        ui.context.set(QueueActions.class, services.get(QueueActions.class));
        ui.context.set(AgentProfiles.class, agents);
        ui.context.set(AmiConnection.class, connection);
        QueuesPart part = ui.make(QueuesPart.class);
        CompletableFuture<?> listed = registry.nextResync();
        connectAsDesktop();
        listed.get(15, TimeUnit.SECONDS);
        ui.spinUntil(() -> part.queueRows().size() == 2, TIMEOUT);
        return part;
    }

    @Test
    void iLogInPauseWithAReasonUnpauseAndLogOutWithTheButtons() throws Exception {
        try (UiHarness ui = new UiHarness(WidgetIds.KEY)) {
            QueuesPart part = queuesPart(ui);
            select(ui.find(Table.class, WidgetIds.QUEUES_TABLE), rowOf(part, "support"));
            Label notice = ui.find(Label.class, WidgetIds.QUEUES_NOTICE);

            UiHarness.click(ui.find(Button.class, WidgetIds.QUEUES_LOG_IN));
            ui.spinUntil(() -> notice.getText().equals("Log-in of PJSIP/108: support Available"), TIMEOUT);
            events.await("QueueMemberAdded", e -> e.get("Interface").orElse("").equals("PJSIP/108"), TIMEOUT);

            ui.whenIdle(() -> {
                Combo reason = ui.find(Combo.class, WidgetIds.REASON_CHOICE);
                Button ok = ui.find(Button.class, WidgetIds.REASON_OK);
                assertFalse(ok.getEnabled(), "no reason chosen yet");
                assertEquals(List.of("Break", "Lunch", "Meeting", "Training", "Back office"),
                        Arrays.asList(reason.getItems()));
                reason.select(1);
                reason.notifyListeners(SWT.Modify, new Event());
                UiHarness.click(ok);
            });
            UiHarness.click(ui.find(Button.class, WidgetIds.QUEUES_PAUSE));
            ui.spinUntil(() -> notice.getText().equals("Pause of PJSIP/108: support Paused: Lunch"), TIMEOUT);
            events.await("QueueMemberPause", e -> e.get("Interface").orElse("").equals("PJSIP/108")
                    && e.get("PausedReason").orElse("").equals("Lunch"), TIMEOUT);
            Table members = ui.find(Table.class, WidgetIds.QUEUES_MEMBERS);
            ui.spinUntil(() -> memberState(members, "PJSIP/108").equals("Paused: Lunch"), TIMEOUT);
            assertTrue(ui.find(Label.class, WidgetIds.QUEUES_SUMMARY).getText()
                    .endsWith("; PJSIP/108 in support (Paused: Lunch)"));
            ui.screenshot("queues-paused");

            UiHarness.click(ui.find(Button.class, WidgetIds.QUEUES_UNPAUSE));
            ui.spinUntil(() -> notice.getText().equals("End of pause of PJSIP/108: support Available"), TIMEOUT);
            UiHarness.click(ui.find(Button.class, WidgetIds.QUEUES_LOG_OUT));
            ui.spinUntil(() -> notice.getText().equals("Log-out of PJSIP/108: support Logged out"), TIMEOUT);
            events.await("QueueMemberRemoved", e -> e.get("Interface").orElse("").equals("PJSIP/108"), TIMEOUT);
            ui.spinUntil(() -> memberState(members, "PJSIP/108").equals("Logged out"), TIMEOUT);
        }
    }

    @Test
    void aSupervisorPausesAnotherMemberWithAReason() throws Exception {
        try (UiHarness ui = new UiHarness(WidgetIds.KEY)) {
            QueuesPart part = queuesPart(ui);
            select(ui.find(Table.class, WidgetIds.QUEUES_TABLE), rowOf(part, "sales"));
            Table members = ui.find(Table.class, WidgetIds.QUEUES_MEMBERS);
            Button pauseMember = ui.find(Button.class, WidgetIds.QUEUES_PAUSE_MEMBER);
            assertFalse(pauseMember.getEnabled(), "no member selected yet");
            select(members, part.memberRows().stream().map(m -> m.device()).toList().indexOf("PJSIP/105"));
            assertTrue(pauseMember.getEnabled());

            ui.whenIdle(() -> {
                Combo reason = ui.find(Combo.class, WidgetIds.REASON_CHOICE);
                reason.select(2);
                reason.notifyListeners(SWT.Modify, new Event());
                UiHarness.click(ui.find(Button.class, WidgetIds.REASON_OK));
            });
            UiHarness.click(pauseMember);

            Label notice = ui.find(Label.class, WidgetIds.QUEUES_NOTICE);
            // 105 may still be in a call of an earlier test: "Paused: Meeting", or "In a call (paused: Meeting)"
            ui.spinUntil(() -> notice.getText().matches("Pause of PJSIP/105: sales .*[Pp]aused: Meeting\\)?"), TIMEOUT);
            events.await("QueueMemberPause", e -> e.get("Interface").orElse("").equals("PJSIP/105")
                    && e.get("PausedReason").orElse("").equals("Meeting"), TIMEOUT);
            ui.spinUntil(() -> memberState(members, "PJSIP/105").contains("aused: Meeting"), TIMEOUT);
        }
    }

    @Test
    void aCustomerWaitingShowsInItsQueueWithItsWaitAndAnAbandonIsCounted() throws Exception {
        try (UiHarness ui = new UiHarness(WidgetIds.KEY)) {
            QueuesPart part = queuesPart(ui);
            Table queues = ui.find(Table.class, WidgetIds.QUEUES_TABLE);
            Table callers = ui.find(Table.class, WidgetIds.QUEUES_CALLERS);
            int abandoned = Integer.parseInt(queues.getItem(rowOf(part, "support")).getText(4));

            try (SipCall customer = SipCall.customerCalls(SipCall.SUPPORT_DID, "0612340001", "Waiting Customer")) {
                ui.spinUntil(() -> callers.getItemCount() == 1
                        && callers.getItem(0).getText(1).equals("Waiting Customer <0612340001>"), TIMEOUT);
                ui.spinUntil(() -> !callers.getItem(0).getText(2).equals("0:00"), TIMEOUT); // the wait ticks
                TableItem support = queues.getItem(rowOf(part, "support"));
                assertEquals("1", support.getText(1));
                assertFalse(support.getText(2).isEmpty(), "the longest wait shows");
                ui.screenshot("queues-caller-waiting");
            }
            ui.spinUntil(() -> callers.getItemCount() == 0, TIMEOUT);
            ui.spinUntil(() -> queues.getItem(rowOf(part, "support")).getText(4).equals(String.valueOf(abandoned + 1)),
                    TIMEOUT);
            events.await("QueueCallerAbandon", e -> e.get("CallerIDNum").orElse("").equals("0612340001"), TIMEOUT);
        }
    }

    private static int rowOf(QueuesPart part, String queue) {
        return part.queueRows().stream().map(q -> q.name()).toList().indexOf(queue);
    }

    private static void select(Table table, int row) {
        assertTrue(row >= 0, "no such row");
        table.setSelection(row);
        table.notifyListeners(SWT.Selection, new Event());
    }

    private static String memberState(Table members, String device) {
        for (TableItem item : members.getItems()) {
            if (item.getText(1).equals(device)) {
                return item.getText(3);
            }
        }
        return "";
    }
}
