package org.amicus.cti.ui.parts;

import org.amicus.cti.ui.Messages;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * Tells the agent how things went without taking the focus from what they type: a line under the table that keeps
 * the last message, and a small notice in the window's bottom right corner that goes by itself.
 */
public final class Notifier {

    private static final int SHOWN_MILLIS = 6000;

    private final Label line;
    private Shell popup;
    private Label popupText;
    private int shown;

    Notifier(Label line, Messages messages) {
        this.line = line;
        Accessibility.describe(line, messages.lastMessage, line::getText);
    }

    /** Something went as asked. */
    public void good(String text) {
        show(text, StateColours.on(line).goodNotice());
    }

    /** Something did not go as asked, or cannot be done. */
    public void bad(String text) {
        show(text, StateColours.on(line).badNotice());
    }

    private void show(String text, Color colour) {
        if (line.isDisposed()) {
            return;
        }
        line.setText(text);
        line.requestLayout();
        Shell window = line.getShell();
        if (popup == null || popup.isDisposed()) {
            popup = new Shell(window, SWT.ON_TOP | SWT.TOOL | SWT.NO_FOCUS | SWT.NO_TRIM);
            popup.setData(WidgetIds.KEY, WidgetIds.NOTIFICATION);
            popup.setLayout(new FillLayout());
            popupText = new Label(popup, SWT.WRAP);
            popupText.setData(WidgetIds.KEY, WidgetIds.NOTIFICATION_TEXT);
        }
        popupText.setText(text);
        popup.setBackground(colour);
        popupText.setBackground(colour);
        popupText.setForeground(StateColours.on(line).text());
        Point size = popup.computeSize(Math.min(420, popup.computeSize(SWT.DEFAULT, SWT.DEFAULT).x + 24), SWT.DEFAULT);
        Rectangle area = window.getBounds();
        popup.setBounds(area.x + area.width - size.x - 16, area.y + area.height - size.y - 40, size.x, size.y + 12);
        popup.setVisible(true); // not open(): that would take the focus
        int ticket = ++shown;
        line.getDisplay().timerExec(SHOWN_MILLIS, () -> {
            if (ticket == shown && !popup.isDisposed()) {
                popup.setVisible(false);
            }
        });
    }
}
