package org.amicus.cti.ui.parts;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.widgets.Widget;

/**
 * A part's refresh, asked for from any thread as often as its models change, done once on the UI thread for all the
 * asks meanwhile: at once if the last refresh began a tenth of a second ago or more, else when that tenth is over; so
 * at most ten refreshes a second, a change after a quiet spell shown without delay, none once the part's widget is
 * gone.
 */
final class CoalescedRefresh {

    static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final UISynchronize uiSync;
    private final Widget widget;
    private final Runnable refresh;
    private final AtomicBoolean queued = new AtomicBoolean();
    private long lastStart = System.nanoTime() - PERIOD_NANOS; // UI thread only

    CoalescedRefresh(UISynchronize uiSync, Widget widget, Runnable refresh) {
        this.uiSync = uiSync;
        this.widget = widget;
        this.refresh = refresh;
    }

    /** Any thread: asks for one refresh soon; more asks meanwhile ride on it. */
    void ask() {
        if (queued.compareAndSet(false, true)) {
            uiSync.asyncExec(this::schedule);
        }
    }

    private void schedule() {
        if (widget.isDisposed()) {
            return;
        }
        long wait = lastStart + PERIOD_NANOS - System.nanoTime();
        if (wait <= 0) {
            run();
        } else {
            widget.getDisplay().timerExec((int) TimeUnit.NANOSECONDS.toMillis(wait) + 1, this::run);
        }
    }

    private void run() {
        queued.set(false);
        if (!widget.isDisposed()) {
            lastStart = System.nanoTime();
            refresh.run();
        }
    }
}
