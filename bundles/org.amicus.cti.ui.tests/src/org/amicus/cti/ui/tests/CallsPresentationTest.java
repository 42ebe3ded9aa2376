package org.amicus.cti.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import org.amicus.ami.AmiConnection;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ColleagueRegistry;
import org.amicus.cti.ui.parts.ChannelsPart;
import org.amicus.cti.ui.parts.WidgetIds;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.SipCall;
import org.amicus.testing.ui.UiHarness;
import org.eclipse.e4.ui.model.application.ui.basic.MBasicFactory;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.Test;

/**
 * The Channels part's Calls presentation on calls as they come in production, from the real registries of the real
 * test PBX: a customer over the trunk waiting in the support queue while its agent's phone rings, and a phone
 * dialling a colleague's.
 */
class CallsPresentationTest extends AgainstTestPbx {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private ChannelsPart channelsPart(UiHarness ui, MPart model) throws Exception {
        ui.context.set(ChannelRegistry.class, services.get(ChannelRegistry.class));
        ui.context.set(ColleagueRegistry.class, services.get(ColleagueRegistry.class));
        ui.context.set(AmiConnection.class, connection);
        ui.context.set(MPart.class, model);
        return ui.make(ChannelsPart.class);
    }

    @Test
    void aCustomerInAQueueAndAPhoneCallingAColleagueAreOneRowEachWithTheirChannelsUnder() throws Exception {
        MPart model = MBasicFactory.INSTANCE.createPart();
        try (UiHarness ui = new UiHarness(WidgetIds.KEY);
                SipCall customer = SipCall.customerCalls(SipCall.SUPPORT_DID, "0611000071", "Mia Lowe");
                SipCall colleague = SipCall.phoneDials("105", "108")) {
            ChannelsPart part = channelsPart(ui, model);
            connectWithFullRights();
            Combo presentation = ui.find(Combo.class, WidgetIds.CHANNELS_PRESENTATION);
            assertFalse(part.callsShown(), "channels first");
            presentation.select(1);
            presentation.notifyListeners(SWT.Selection, new Event());
            assertEquals(ChannelsPart.CALLS, model.getPersistedState().get(ChannelsPart.PRESENTATION_KEY));

            Tree calls = ui.find(Tree.class, WidgetIds.CHANNELS_CALLS);
            assertTrue((calls.getStyle() & SWT.VIRTUAL) != 0, "the tree must be virtual");
            assertArrayEquals(new String[] { "Customer", "Agent", "Direction", "Queue", "Wait", "State", "Duration" },
                    Arrays.stream(calls.getColumns()).map(TreeColumn::getText).toArray());
            ui.spinUntil(() -> row(part, "\"Mia Lowe\" <0611000071>") != null
                    && row(part, "\"Mia Lowe\" <0611000071>")[5].equals("Ringing an agent")
                    && row(part, "Internal") != null && row(part, "Internal")[5].equals("Talking"), TIMEOUT);

            String[] queued = row(part, "\"Mia Lowe\" <0611000071>");
            assertEquals("Inbound", queued[2]);
            assertEquals("support", queued[3]);
            assertTrue(queued[1].contains("104"), "the agent's phone that rings: " + queued[1]);
            assertTrue(queued[4].matches("\\d+:\\d\\d"), "the wait ticks: " + queued[4]);
            String[] internal = row(part, "Internal");
            assertTrue(internal[1].contains("105"), "the phone calling: " + internal[1]);
            assertTrue(internal[0].contains("108"), "the phone called: " + internal[0]);
            assertEquals("", internal[3], "no queue");

            TreeItem queueCall = calls.getItem(indexOf(part, "\"Mia Lowe\" <0611000071>"));
            queueCall.setExpanded(true);
            Set<String> legs = new TreeSet<>();
            for (TreeItem leg : queueCall.getItems()) {
                legs.add(leg.getText(0).replaceAll("-[0-9a-f]+$", ""));
            }
            assertTrue(legs.containsAll(Set.of("PJSIP/trunk", "PJSIP/104")), "its channels: " + legs);
            ui.screenshot("calls-presentation");
        }
        try (UiHarness ui = new UiHarness(WidgetIds.KEY)) {
            ChannelsPart again = channelsPart(ui, model);
            assertTrue(again.callsShown(), "the presentation chosen is remembered");
        }
    }

    /** The cells of the first call whose cells include the text; {@code null} if none. */
    private static String[] row(ChannelsPart part, String text) {
        int index = indexOf(part, text);
        return index < 0 ? null : part.callCells().get(index);
    }

    private static int indexOf(ChannelsPart part, String text) {
        for (int i = 0; i < part.callCells().size(); i++) {
            if (Arrays.asList(part.callCells().get(i)).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
