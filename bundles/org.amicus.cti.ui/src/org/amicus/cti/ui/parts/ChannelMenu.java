package org.amicus.cti.ui.parts;

import java.util.Optional;

import org.amicus.cti.Channel;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.CtiActionContribution;
import org.amicus.cti.ui.Messages;
import org.amicus.cti.ui.actions.ChannelAction;
import org.amicus.cti.ui.actions.Contributions;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The table's context menu: Amicus's actions, then those other bundles contribute. Made afresh each time it opens, so
 * it follows the selection and the contributions registered now; disabled items say why in their tooltip.
 */
final class ChannelMenu {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelMenu.class);

    private final Menu menu;
    private final ChannelsPart part;
    private final Contributions contributions;

    ChannelMenu(Table table, ChannelsPart part, Contributions contributions) {
        this.menu = new Menu(table);
        this.part = part;
        this.contributions = contributions;
        menu.addListener(SWT.Show, event -> fill());
    }

    Menu menu() {
        return menu;
    }

    private void fill() {
        for (MenuItem item : menu.getItems()) {
            item.dispose();
        }
        ChannelSnapshot now = part.snapshot();
        Messages messages = part.messages();
        for (ChannelAction action : ChannelAction.values()) {
            MenuItem item = new MenuItem(menu, SWT.PUSH);
            item.setText(action.label(messages) + "\t" + action.keys(messages));
            item.setData(action);
            Optional<String> refusal = part.whyNot(action, now);
            item.setEnabled(refusal.isEmpty());
            item.setToolTipText(refusal.orElse(action.purpose(messages)));
            item.addListener(SWT.Selection, event -> part.run(action));
        }
        Channel selected = part.selected();
        var contributed = contributions.current();
        if (selected == null || contributed.isEmpty()) {
            return;
        }
        new MenuItem(menu, SWT.SEPARATOR);
        for (CtiActionContribution contribution : contributed) {
            MenuItem item = new MenuItem(menu, SWT.PUSH);
            item.setText(contribution.label());
            item.setData(contribution);
            item.setEnabled(applies(contribution, selected));
            item.addListener(SWT.Selection, event -> runContributed(contribution, selected));
        }
    }

    /** A contribution is someone else's code: its failure is logged and told, and costs Amicus nothing. */
    private boolean applies(CtiActionContribution contribution, Channel channel) {
        try {
            return contribution.appliesTo(channel);
        } catch (RuntimeException e) {
            LOG.error("The contributed action {} failed to say whether it applies", contribution.getClass(), e);
            return false;
        }
    }

    private void runContributed(CtiActionContribution contribution, Channel channel) {
        try {
            contribution.run(channel);
        } catch (RuntimeException e) {
            LOG.error("The contributed action {} failed", contribution.getClass(), e);
            part.notifier().bad(Messages.format(part.messages().contributionFailed, contribution.label(),
                    Failures.message(e)));
        }
    }
}
