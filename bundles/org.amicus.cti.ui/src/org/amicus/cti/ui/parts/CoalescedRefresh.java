package org.amicus.cti.ui.parts;

import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.widgets.Widget;

/**
 * A part's refresh, asked for from any thread as often as its models change, done once on the UI thread a little
 * later for all the asks meanwhile: at most ten refreshes a second, none once the part's widget is gone.
 */
final class CoalescedRefresh {

    private static final int DELAY_MILLIS = 100;

    private final UISynchronize uiSync;
    private final Widget widget;
    private final Runnable refresh;
    private final AtomicBoolean queued = new AtomicBoolean();

    CoalescedRefresh(UISynchronize uiSync, Widget widget, Runnable refresh) {
        this.uiSync = uiSync;
        this.widget = widget;
        this.refresh = refresh;
    }

    /** Any thread: asks for one refresh soon; more asks meanwhile ride on it. */
    void ask() {
        if (queued.compareAndSet(false, true)) {
            uiSync.asyncExec(() -> {
                if (!widget.isDisposed()) {
                    widget.getDisplay().timerExec(DELAY_MILLIS, this::run);
                }
            });
        }
    }

    private void run() {
        queued.set(false);
        if (!widget.isDisposed()) {
            refresh.run();
        }
    }
}
