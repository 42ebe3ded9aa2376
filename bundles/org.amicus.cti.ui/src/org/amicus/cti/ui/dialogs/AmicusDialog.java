package org.amicus.cti.ui.dialogs;

import java.util.Optional;

import org.amicus.cti.ui.Messages;
import org.amicus.cti.ui.parts.WidgetIds;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

/**
 * What every Amicus dialog does alike, as JFace has it: a title area that says what the dialog is for and, in its
 * place, what is wrong with the form; Cancel and the default button in the platform's order, worded in the agent's
 * language; the focus in the first field. A test finds the dialog by its shell's id and reads its problem with
 * {@link #getErrorMessage()} ({@code shell.getData()} is the dialog).
 */
abstract class AmicusDialog extends TitleAreaDialog {

    protected final Messages messages;
    private final String title;
    private final String purpose;
    private final String shellId;
    private final String okLabel;
    private final String okId;

    AmicusDialog(Shell parent, Messages messages, String title, String purpose, String shellId, String okLabel,
            String okId) {
        super(parent);
        this.messages = messages;
        this.title = title;
        this.purpose = purpose;
        this.shellId = shellId;
        this.okLabel = okLabel;
        this.okId = okId;
    }

    /** Makes the form in the dialog's area; returns the field that gets the focus. */
    protected abstract Control createForm(Composite form);

    /** Checks the form as it is now; called on every change, once the buttons exist. */
    protected abstract void validate();

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
        shell.setData(WidgetIds.KEY, shellId);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(title);
        setMessage(purpose);
        Composite form = new Composite(area, SWT.NONE);
        form.setLayout(new GridLayout(1, false));
        form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Control first = createForm(form);
        // the shell gives the focus away as it opens: take it to the first field once it has
        parent.getDisplay().asyncExec(() -> {
            if (!first.isDisposed()) {
                first.setFocus();
            }
        });
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, okLabel, true).setData(WidgetIds.KEY, okId);
        createButton(parent, IDialogConstants.CANCEL_ID, messages.cancel, false);
        validate();
    }

    /** Words the default button anew, e.g. as what it will do now. */
    protected void okLabel(String label) {
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null && !ok.getText().equals(label)) {
            ok.setText(label);
            ok.requestLayout();
        }
    }

    /**
     * Shows what is wrong in the title area and lets the default button work only when nothing is; an empty problem
     * (a field not filled in yet) disables it without a word.
     */
    protected void problem(Optional<String> problem) {
        setErrorMessage(problem.filter(text -> !text.isEmpty()).orElse(null));
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(problem.isEmpty());
        }
    }
}
