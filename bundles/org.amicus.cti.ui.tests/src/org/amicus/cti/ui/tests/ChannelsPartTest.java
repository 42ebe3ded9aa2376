package org.amicus.cti.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.OriginateOutcome;
import org.amicus.cti.Channel;
import org.amicus.cti.AgentProfile;
import org.amicus.cti.AgentProfiles;
import org.amicus.cti.AutoAnswer;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.CtiActions;
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
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;

/** The Channels part with real widgets, fed by the real channel registry of the real test PBX. */
class ChannelsPartTest extends AgainstTestPbx {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @Test
    void saysSoWhenTheCtiServiceIsMissing() {
        try (UiHarness ui = new UiHarness(WidgetIds.KEY)) {
            ui.make(ChannelsPart.class);

            Table table = ui.find(Table.class, WidgetIds.CHANNELS_TABLE);
            assertTrue((table.getStyle() & SWT.VIRTUAL) != 0, "the table must be virtual");
            assertArrayEquals(new String[] { "Channel", "State", "Caller ID", "Connected line", "Duration",
                    "Application", "Bridged with" },
                    Arrays.stream(table.getColumns()).map(TableColumn::getText).toArray());
            assertEquals(0, table.getItemCount());
            assertEquals("Channels are not available: the CTI service is missing",
                    ui.find(Label.class, WidgetIds.CHANNELS_SUMMARY).getText());
        }
    }

    @Test
    void aRingingCallAppearsWithinASecondAndGoesWhenItEnds() throws Exception {
        ChannelRegistry registry = services.get(ChannelRegistry.class);
        try (UiHarness ui = new UiHarness(WidgetIds.KEY)) {
            ui.context.set(ChannelRegistry.class, registry);
            ui.context.set(AmiConnection.class, connection);
            ChannelsPart part = ui.make(ChannelsPart.class);
            Table table = ui.find(Table.class, WidgetIds.CHANNELS_TABLE);
            connectAsDesktop();

            OriginateOutcome dialling = TestCalls.customerCallsPhone104(connection);
            Supplier<Channel> ringingNow = () -> TestCalls.ringingFor(registry.snapshot(), dialling.channelId());
            ui.spinUntil(() -> ringingNow.get() != null, TIMEOUT);
            Channel[] ringing = { ringingNow.get() };
            ui.spinUntil(() -> ShownChannels.ringing(part.rows(), ringing[0].name()), Duration.ofSeconds(1));

            int row = ShownChannels.indexOf(part.rows(), ringing[0].name());
            assertEquals("Ringing", table.getItem(row).getText(1));
            assertEquals("\"Customer\" <105>", table.getItem(row).getText(3));
            assertNotNull(table.getItem(row).getBackground(), "ringing rows stand out");
            assertNotNull(table.getItem(row).getImage(1), "with a coloured dot for their state");

            TableColumn byName = table.getColumn(0);
            UiHarness.click(byName);
            assertEquals(SWT.UP, table.getSortDirection());
            assertEquals(part.rows().stream().map(Channel::name).sorted().toList(),
                    part.rows().stream().map(Channel::name).toList());
            UiHarness.click(byName);
            assertEquals(part.rows().stream().map(Channel::name).sorted(Comparator.reverseOrder()).toList(),
                    part.rows().stream().map(Channel::name).toList());
            UiHarness.click(byName);
            assertEquals(SWT.NONE, table.getSortDirection(), "grouped by call again");
            ui.screenshot("channels-part-ringing");

            Button onlyRinging = ui.find(Button.class, WidgetIds.CHANNELS_ONLY_RINGING);
            onlyRinging.setSelection(true);
            onlyRinging.notifyListeners(SWT.Selection, new Event());
            assertTrue(part.rows().stream().allMatch(Channel::isRinging), "only ringing channels");
            assertTrue(ShownChannels.indexOf(part.rows(), ringing[0].name()) >= 0);
            ui.find(Text.class, WidgetIds.CHANNELS_FILTER).setText("no channel is called like this");
            assertEquals(0, table.getItemCount());
            ui.find(Text.class, WidgetIds.CHANNELS_FILTER).setText("");

            connection.send(new HangupAction(dialling.channelId()), TIMEOUT).get(15, TimeUnit.SECONDS);
            ui.spinUntil(() -> ShownChannels.indexOf(part.rows(), ringing[0].name()) < 0, TIMEOUT);

            Label summary = ui.find(Label.class, WidgetIds.CHANNELS_SUMMARY);
            connection.disconnect().get(10, TimeUnit.SECONDS);
            ui.spinUntil(() -> summary.getText().startsWith("Not connected to the PBX"), TIMEOUT);
        }
    }

    @Test
    void doubleClickPicksUpARingingCallOnMyPhoneAndSaysHowItWent() throws Exception {
        ChannelRegistry registry = services.get(ChannelRegistry.class);
        AgentProfiles profiles = services.get(AgentProfiles.class);
        AgentProfile saved = profiles.current();
        profiles.save(new AgentProfile("PJSIP/108", AutoAnswer.CALL_INFO, TestPbx.CONTEXT, Duration.ofSeconds(20),
                ""));
        try (UiHarness ui = new UiHarness(WidgetIds.KEY)) {
            ui.context.set(ChannelRegistry.class, registry);
            ui.context.set(CtiActions.class, services.get(CtiActions.class));
            ui.context.set(AgentProfiles.class, profiles);
            ui.context.set(AmiConnection.class, connection);
            ChannelsPart part = ui.make(ChannelsPart.class);
            Table table = ui.find(Table.class, WidgetIds.CHANNELS_TABLE);
            Label notice = ui.find(Label.class, WidgetIds.CHANNELS_NOTICE);
            connectAsDesktop();
            OriginateOutcome dialling = TestCalls.customerCallsPhone104(connection);
            Supplier<Channel> ringingNow = () -> TestCalls.ringingFor(registry.snapshot(), dialling.channelId());
            ui.spinUntil(() -> ringingNow.get() != null, TIMEOUT);
            String ringing = ringingNow.get().name();
            ui.spinUntil(() -> ShownChannels.ringing(part.rows(), ringing), TIMEOUT);

            table.setSelection(ShownChannels.indexOf(part.rows(), ringing));
            table.notifyListeners(SWT.DefaultSelection, new Event());

            ui.spinUntil(() -> notice.getText().equals("Pick-up of " + ringing + ": Answered"), TIMEOUT);
            ui.spinUntil(() -> registry.snapshot().byUniqueId(dialling.channelId()).map(Channel::bridgedWith)
                    .orElse("").startsWith("PJSIP/108-"), TIMEOUT);
            ui.screenshot("channels-part-picked-up");
            connection.send(new HangupAction(dialling.channelId()), TIMEOUT).get(15, TimeUnit.SECONDS);
        } finally {
            profiles.save(saved);
        }
    }

    @Test
    void aCallItsPhonePutsOnHoldShowsOnHoldUntilTakenBack() throws Exception {
        ChannelRegistry registry = services.get(ChannelRegistry.class);
        try (UiHarness ui = new UiHarness(WidgetIds.KEY)) {
            ui.context.set(ChannelRegistry.class, registry);
            ui.context.set(AmiConnection.class, connection);
            ChannelsPart part = ui.make(ChannelsPart.class);
            Table table = ui.find(Table.class, WidgetIds.CHANNELS_TABLE);
            connectAsDesktop();

            String holding;
            try (SipCall call = SipCall.phoneDialsAndHolds("106", "108")) {
                holding = events.await("Hold", e -> e.get("Channel").orElse("").startsWith("PJSIP/106-"),
                        TIMEOUT).get("Channel").orElseThrow();
                ui.spinUntil(() -> ShownChannels.indexOf(part.rows(), holding) >= 0
                        && table.getItem(ShownChannels.indexOf(part.rows(), holding)).getText(1).equals("On hold"),
                        TIMEOUT);
                ui.screenshot("channels-part-on-hold");

                events.await("Unhold", e -> e.get("Channel").orElse("").equals(holding), TIMEOUT);
                ui.spinUntil(() -> ShownChannels.indexOf(part.rows(), holding) >= 0
                        && table.getItem(ShownChannels.indexOf(part.rows(), holding)).getText(1).equals("Up"), TIMEOUT);
            }
            // both legs gone before the test ends, so that no test after this one finds them as stale channels
            ui.spinUntil(() -> registry.snapshot().channels().stream().noneMatch(c -> c.name().equals(holding)
                    || c.device().equals("PJSIP/108")), TIMEOUT);
        }
    }
}
