package org.amicus.cti.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.OriginateOutcome;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ui.parts.ChannelsPart;
import org.amicus.cti.ui.parts.ColleaguesPart;
import org.amicus.cti.ui.parts.ConnectionStatusControl;
import org.amicus.cti.ui.parts.QueuesPart;
import org.amicus.cti.ui.parts.WidgetIds;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.TestCalls;
import org.amicus.testing.ui.UiHarness;
import org.asteriskjava.manager.action.HangupAction;
import org.eclipse.swt.accessibility.ACC;
import org.eclipse.swt.accessibility.Accessible;
import org.eclipse.swt.accessibility.AccessibleEvent;
import org.eclipse.swt.accessibility.AccessibleListener;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolBar;
import org.junit.jupiter.api.Test;

/**
 * What a screen reader is told, read as SWT's accessibility bridge reads it: the answers of the accessible listeners
 * of each control, under Xvfb, for the parts and the status line.
 */
class AccessibilityTest extends AgainstTestPbx {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @Test
    void aRingingRowSaysItRingsAndWhoCalls() throws Exception {
        ChannelRegistry registry = services.get(ChannelRegistry.class);
        try (UiHarness ui = new UiHarness(WidgetIds.KEY)) {
            ui.context.set(ChannelRegistry.class, registry);
            ui.context.set(AmiConnection.class, connection);
            ChannelsPart part = ui.make(ChannelsPart.class);
            Table table = ui.find(Table.class, WidgetIds.CHANNELS_TABLE);
            connectAsDesktop();

            OriginateOutcome dialling = TestCalls.customerCallsPhone104(connection);
            ui.spinUntil(() -> TestCalls.ringingFor(registry.snapshot(), dialling.channelId()) != null, TIMEOUT);
            String ringing = TestCalls.ringingFor(registry.snapshot(), dialling.channelId()).name();
            ui.spinUntil(() -> part.rows().stream().anyMatch(c -> c.name().equals(ringing) && c.isRinging()),
                    TIMEOUT);
            int row = part.rows().stream().map(Channel::name).toList().indexOf(ringing);

            String rowName = name(table, row);
            assertTrue(rowName.startsWith("Channel " + ringing + ", State Ringing, "), rowName);
            assertTrue(rowName.contains("Connected line \"Customer\" <105>"), rowName);
            assertEquals("Live channels", name(table, ACC.CHILDID_SELF));
            assertTrue(description(table, ACC.CHILDID_SELF).contains("Enter picks up"));
            Label summary = ui.find(Label.class, WidgetIds.CHANNELS_SUMMARY);
            assertEquals(summary.getText(), description(summary, ACC.CHILDID_SELF), "the summary as it is now");

            connection.send(new HangupAction(dialling.channelId()), TIMEOUT).get(15, TimeUnit.SECONDS);
        }
    }

    @Test
    void theFilterAndTheToolBarSayWhatTheyDo() {
        try (UiHarness ui = new UiHarness(WidgetIds.KEY)) {
            ui.make(ChannelsPart.class);
            Text filter = ui.find(Text.class, WidgetIds.CHANNELS_FILTER);
            assertEquals("Filter channels", name(filter, ACC.CHILDID_SELF));
            assertTrue(description(filter, ACC.CHILDID_SELF).contains("Down goes to the first ringing one"));

            ToolBar toolbar = ui.find(ToolBar.class, WidgetIds.CHANNELS_TOOLBAR);
            assertEquals("Channel actions", name(toolbar, ACC.CHILDID_SELF));
            for (int i = 0; i < toolbar.getItemCount(); i++) {
                assertEquals(toolbar.getItem(i).getText(), name(toolbar, i));
                assertEquals(toolbar.getItem(i).getToolTipText(), description(toolbar, i),
                        "a disabled action says why");
            }
        }
    }

    @Test
    void theStatusLineSaysTheConnectionsState() {
        try (UiHarness ui = new UiHarness(WidgetIds.KEY)) {
            ui.make(ConnectionStatusControl.class);
            Label status = ui.find(Label.class, WidgetIds.CONNECTION_STATUS);
            assertEquals("Connection status", name(status, ACC.CHILDID_SELF));
            assertEquals("The Amicus AMI service is not available", description(status, ACC.CHILDID_SELF));
        }
    }

    @Test
    void everyButtonTableAndFieldHasANameAndADescription() {
        for (Class<?> part : new Class<?>[] { ChannelsPart.class, ColleaguesPart.class, QueuesPart.class,
                ConnectionStatusControl.class }) {
            try (UiHarness ui = new UiHarness(WidgetIds.KEY)) {
                ui.make(part);
                List<Control> controls = new ArrayList<>();
                collect(ui.shell, controls);
                assertFalse(controls.isEmpty(), part.getSimpleName());
                for (Control control : controls) {
                    String what = part.getSimpleName() + " " + control;
                    assertNotNull(name(control, ACC.CHILDID_SELF), what + " has no accessible name");
                    assertNotNull(description(control, ACC.CHILDID_SELF), what + " has no accessible description");
                }
            }
        }
    }

    private static void collect(Composite parent, List<Control> into) {
        for (Control child : parent.getChildren()) {
            if (child instanceof Button || child instanceof Table || child instanceof Text
                    || child instanceof ToolBar) {
                into.add(child);
            }
            if (child instanceof Composite composite && !(child instanceof Table)) {
                collect(composite, into);
            }
        }
    }

    private static String name(Control control, int childId) {
        return ask(control, childId, AccessibleListener::getName);
    }

    private static String description(Control control, int childId) {
        return ask(control, childId, AccessibleListener::getDescription);
    }

    /**
     * Asks the control's accessible listeners, as SWT's bridge does when a screen reader asks: every listener in
     * turn, the last answer kept. SWT keeps them in a field of {@link Accessible} and offers no getter.
     */
    @SuppressWarnings("unchecked")
    private static String ask(Control control, int childId,
            BiConsumer<AccessibleListener, AccessibleEvent> question) {
        Accessible accessible = control.getAccessible();
        AccessibleEvent event = new AccessibleEvent(accessible);
        event.childID = childId;
        try {
            Field listeners = Accessible.class.getDeclaredField("accessibleListeners");
            listeners.setAccessible(true);
            List<AccessibleListener> all = (List<AccessibleListener>) listeners.get(accessible);
            if (all != null) {
                all.forEach(listener -> question.accept(listener, event));
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("SWT keeps its accessible listeners elsewhere now", e);
        }
        return event.result;
    }
}
