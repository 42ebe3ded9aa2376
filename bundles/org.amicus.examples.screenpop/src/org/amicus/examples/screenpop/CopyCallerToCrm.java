package org.amicus.examples.screenpop;

import org.amicus.cti.Channel;
import org.amicus.cti.CtiActionContribution;
import org.amicus.cti.Party;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Display;
import org.osgi.service.component.annotations.Component;

/**
 * "Copy caller to CRM" in the Channels part's context menu: puts the caller's name and number on the clipboard, for
 * the agent to paste into the CRM. A real CRM would open (or create) the caller's record here instead. The caller is
 * the channel's connected line: on a phone that rings, who calls.
 */
@Component(service = CtiActionContribution.class)
public class CopyCallerToCrm implements CtiActionContribution {

    @Override
    public String label() {
        return "Copy caller to CRM";
    }

    @Override
    public boolean appliesTo(Channel channel) {
        return !channel.connectedLine().number().isEmpty();
    }

    /** Called on the UI thread, where the clipboard may be used. */
    @Override
    public void run(Channel channel) {
        Clipboard clipboard = new Clipboard(Display.getCurrent());
        try {
            clipboard.setContents(new Object[] { text(channel.connectedLine()) },
                    new Transfer[] { TextTransfer.getInstance() });
        } finally {
            clipboard.dispose();
        }
    }

    /** e.g. {@code Alice Martin 0612345678}, or the number alone when the PBX gives no name. */
    static String text(Party caller) {
        return caller.name().isEmpty() ? caller.number() : caller.name() + " " + caller.number();
    }
}
