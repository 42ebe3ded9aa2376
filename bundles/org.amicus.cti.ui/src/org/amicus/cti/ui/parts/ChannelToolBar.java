package org.amicus.cti.ui.parts;

import java.util.Optional;

import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.ui.Messages;
import org.amicus.cti.ui.actions.ChannelAction;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;

/** A button per action above the table: enabled when it can be taken on the selection now, else saying why not. */
final class ChannelToolBar {

    private final ToolBar toolbar;
    private final ChannelsPart part;

    ChannelToolBar(Composite parent, ChannelsPart part) {
        this.part = part;
        toolbar = new ToolBar(parent, SWT.FLAT | SWT.WRAP | SWT.RIGHT);
        toolbar.setData(WidgetIds.KEY, WidgetIds.CHANNELS_TOOLBAR);
        toolbar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        Accessibility.describe(toolbar, part.messages().channelActionsName, part.messages().channelActionsDescription);
        Accessibility.describeItems(toolbar);
        for (ChannelAction action : ChannelAction.values()) {
            ToolItem item = new ToolItem(toolbar, SWT.PUSH);
            item.setText(action.label(part.messages()));
            item.setData(action);
            item.addListener(SWT.Selection, event -> part.run(action));
        }
    }

    /** Against channels just taken from the registry, one snapshot for every button. */
    void update(ChannelSnapshot now) {
        for (ToolItem item : toolbar.getItems()) {
            ChannelAction action = (ChannelAction) item.getData();
            Optional<String> refusal = part.whyNot(action, now);
            item.setEnabled(refusal.isEmpty());
            item.setToolTipText(Messages.format(part.messages().withKeys, refusal.orElse(action.purpose(part.messages())),
                    action.keys(part.messages())));
        }
    }
}
