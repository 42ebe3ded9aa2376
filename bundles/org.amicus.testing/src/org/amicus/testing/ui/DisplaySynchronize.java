package org.amicus.testing.ui;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.widgets.Display;

/** What the workbench gives parts to reach the UI thread, for parts made outside a workbench (tests, benchmarks). */
public final class DisplaySynchronize extends UISynchronize {

    private final Display display;

    public DisplaySynchronize(Display display) {
        this.display = display;
    }

    @Override
    public void syncExec(Runnable runnable) {
        display.syncExec(runnable);
    }

    @Override
    public void asyncExec(Runnable runnable) {
        display.asyncExec(runnable);
    }

    @Override
    protected boolean isUIThread(Thread thread) {
        return display.getThread() == thread;
    }

    @Override
    protected void showBusyWhile(Runnable runnable) {
        runnable.run();
    }

    @Override
    protected boolean dispatchEvents() {
        return display.readAndDispatch();
    }
}
