package org.amicus.cti.ui.dialogs;

import org.amicus.cti.ui.Messages;
import org.amicus.cti.ui.parts.WidgetIds;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/** What every Amicus dialog does alike. */
final class Dialogs {

    private Dialogs() {
    }

    /**
     * Sizes the dialog to its content, opens it over the middle of its window with the focus in its first field, and
     * waits until it closes.
     */
    static void openCentred(Shell dialog, Control first) {
        dialog.pack();
        Rectangle window = dialog.getParent().getBounds();
        Point size = dialog.getSize();
        dialog.setLocation(window.x + Math.max(0, (window.width - size.x) / 2),
                window.y + Math.max(0, (window.height - size.y) / 3));
        dialog.open();
        first.setFocus();
        while (!dialog.isDisposed()) {
            if (!dialog.getDisplay().readAndDispatch()) {
                dialog.getDisplay().sleep();
            }
        }
    }

    /** The red line under a form that says what is wrong with it; spans the dialog's one-column layout. */
    static Label problemLine(Shell dialog, String id, int width) {
        Label problem = new Label(dialog, SWT.WRAP);
        problem.setData(WidgetIds.KEY, id);
        problem.setForeground(dialog.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridData layout = new GridData(SWT.FILL, SWT.CENTER, true, false);
        layout.widthHint = width;
        problem.setLayoutData(layout);
        return problem;
    }

    /** Cancel and the default button, bottom right; returns the default button. */
    static Button buttons(Shell dialog, Messages messages, String text, String id, Runnable action) {
        Composite buttons = new Composite(dialog, SWT.NONE);
        buttons.setLayout(new GridLayout(2, true));
        buttons.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false));
        Button cancel = new Button(buttons, SWT.PUSH);
        cancel.setText(messages.cancel);
        cancel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        cancel.addListener(SWT.Selection, event -> dialog.close());
        Button button = new Button(buttons, SWT.PUSH);
        button.setText(text);
        button.setData(WidgetIds.KEY, id);
        button.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        button.addListener(SWT.Selection, event -> action.run());
        dialog.setDefaultButton(button);
        return button;
    }
}
