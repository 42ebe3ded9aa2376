package org.amicus.cti.ui.tests;

import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.widgets.Shell;

/** What an Amicus dialog's title area says is wrong with its form, as the agent reads it there. */
final class DialogProblem {

    private DialogProblem() {
    }

    /** The problem the dialog of that shell shows, empty when it shows none. */
    static String of(Shell dialog) {
        String problem = ((TitleAreaDialog) dialog.getData()).getErrorMessage();
        return problem == null ? "" : problem;
    }
}
