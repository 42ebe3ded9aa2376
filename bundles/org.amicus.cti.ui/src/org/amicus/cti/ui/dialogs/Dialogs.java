package org.amicus.cti.ui.dialogs;

import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
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
}
