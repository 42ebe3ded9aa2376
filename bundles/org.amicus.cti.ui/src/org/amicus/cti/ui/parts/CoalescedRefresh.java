package org.amicus.cti.ui.parts;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.widgets.Widget;

/**
 * A part's refresh, asked for from any thread as often as its models change, done once for all the asks meanwhile:
 * at once if the last refresh began a tenth of a second ago or more, else when that tenth is over; so at most ten
 * refreshes a second, and a change after a quiet spell shown without delay. It runs on the UI thread, or on a thread
 * of the part's own, so that a busy UI thread does not hold back the work that comes before showing.
 */
final class CoalescedRefresh {

    static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** Where the refresh runs, and whether it is gone. */
    private interface Runner {
        void now(Runnable task);

        void after(long nanos, Runnable task);
    }

    private final Runner runner;
    private final BooleanSupplier gone;
    private final Runnable refresh;
    private final AtomicBoolean queued = new AtomicBoolean();
    private long lastStart = System.nanoTime() - PERIOD_NANOS; // the runner's thread only

    /** On the UI thread; none once the part's widget is gone. */
    CoalescedRefresh(UISynchronize uiSync, Widget widget, Runnable refresh) {
        this(new Runner() {
            @Override
            public void now(Runnable task) {
                uiSync.asyncExec(task);
            }

            @Override
            public void after(long nanos, Runnable task) {
                widget.getDisplay().timerExec((int) TimeUnit.NANOSECONDS.toMillis(nanos) + 1, task);
            }
        }, widget::isDisposed, refresh);
    }

    /** On the thread of that executor; none once it is shut down. */
    CoalescedRefresh(ScheduledExecutorService thread, Runnable refresh) {
        this(new Runner() {
            @Override
            public void now(Runnable task) {
                try {
                    thread.execute(task);
                } catch (RejectedExecutionException shutDown) {
                    // the part is gone: nothing left to refresh
                }
            }

            @Override
            public void after(long nanos, Runnable task) {
                thread.schedule(task, nanos, TimeUnit.NANOSECONDS);
            }
        }, thread::isShutdown, refresh);
    }

    private CoalescedRefresh(Runner runner, BooleanSupplier gone, Runnable refresh) {
        this.runner = runner;
        this.gone = gone;
        this.refresh = refresh;
    }

    /** Any thread: asks for one refresh soon; more asks meanwhile ride on it. */
    void ask() {
        if (queued.compareAndSet(false, true)) {
            runner.now(this::schedule);
        }
    }

    private void schedule() {
        if (gone.getAsBoolean()) {
            return;
        }
        long wait = lastStart + PERIOD_NANOS - System.nanoTime();
        if (wait <= 0) {
            run();
        } else {
            runner.after(wait, this::run);
        }
    }

    private void run() {
        queued.set(false);
        if (!gone.getAsBoolean()) {
            lastStart = System.nanoTime();
            refresh.run();
        }
    }
}
