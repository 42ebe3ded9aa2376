package org.amicus.examples.screenpop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.amicus.ami.OriginateOutcome;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ChannelState;
import org.amicus.cti.CtiActionContribution;
import org.amicus.cti.Party;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.TestCalls;
import org.amicus.testing.ui.UiHarness;
import org.asteriskjava.manager.action.HangupAction;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.junit.jupiter.api.Test;

/** "Copy caller to CRM", as Declarative Services registers it, on a channel ringing on the real test PBX. */
class CopyCallerToCrmTest extends AgainstTestPbx {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @Test
    void copiesTheCallersNameAndNumberToTheClipboard() throws Exception {
        CtiActionContribution contribution = services.get(CtiActionContribution.class);
        assertInstanceOf(CopyCallerToCrm.class, contribution);
        assertEquals("Copy caller to CRM", contribution.label());
        ChannelRegistry registry = services.get(ChannelRegistry.class);
        connectAsDesktop();
        OriginateOutcome dialling = TestCalls.customerCallsPhone104(connection, "\"Alice Martin\" <0612345678>");
        try (UiHarness ui = new UiHarness(CallerCardPart.WIDGET_ID)) {
            Supplier<Channel> ringingNow = () -> TestCalls.ringingFor(registry.snapshot(), dialling.channelId());
            ui.spinUntil(() -> ringingNow.get() != null, TIMEOUT);
            Channel ringing = ringingNow.get();
            assertTrue(contribution.appliesTo(ringing));

            contribution.run(ringing);

            Clipboard clipboard = new Clipboard(ui.display);
            try {
                assertEquals("Alice Martin 0612345678", clipboard.getContents(TextTransfer.getInstance()));
            } finally {
                clipboard.dispose();
            }
        } finally {
            connection.send(new HangupAction(dialling.channelId()), TIMEOUT).get(15, TimeUnit.SECONDS);
        }
    }

    @Test
    void doesNotApplyToAChannelWithoutACallerNumber() {
        Channel withoutCaller = new Channel("1", "PJSIP/104-00000001", "1", ChannelState.RINGING, Party.UNKNOWN, Party.UNKNOWN, "", "",
                "", "", "", "", null, null);

        assertFalse(new CopyCallerToCrm().appliesTo(withoutCaller));
        assertEquals("0612345678", CopyCallerToCrm.text(new Party("0612345678", "")));
    }
}
