package org.amicus.cti.ui.dialogs;

import java.util.Optional;

import org.amicus.cti.PauseReasons;
import org.amicus.cti.ui.Messages;
import org.amicus.cti.ui.parts.WidgetIds;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * Asks why a member pauses: a reason from the administrator's catalogue, or one typed in when the administrator
 * allows it, checked as it is chosen.
 */
public final class ReasonPrompt {

    private final Shell dialog;
    private final Combo reason;
    private final Label problem;
    private final Button ok;
    private final PauseReasons reasons;
    private String answer;

    private ReasonPrompt(Shell parent, Messages messages, String question, PauseReasons reasons) {
        this.reasons = reasons;
        dialog = new Shell(parent, SWT.DIALOG_TRIM | SWT.APPLICATION_MODAL);
        dialog.setText(messages.pauseTitle);
        dialog.setData(WidgetIds.KEY, WidgetIds.REASON_PROMPT);
        dialog.setLayout(new GridLayout(1, false));
        new Label(dialog, SWT.NONE).setText(question);
        reason = new Combo(dialog, SWT.DROP_DOWN | (reasons.freeTextAllowed() ? SWT.NONE : SWT.READ_ONLY));
        reason.setData(WidgetIds.KEY, WidgetIds.REASON_CHOICE);
        reason.setItems(reasons.catalogue().toArray(String[]::new));
        reason.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        problem = Dialogs.problemLine(dialog, WidgetIds.REASON_PROBLEM, 360);
        ok = Dialogs.buttons(dialog, messages, messages.pauseTitle, WidgetIds.REASON_OK, this::accept);
        reason.addModifyListener(event -> validate());
        validate();
    }

    /** Opens the prompt and waits for the reason; empty if it was cancelled. */
    public static Optional<String> ask(Shell parent, Messages messages, String question, PauseReasons reasons) {
        ReasonPrompt prompt = new ReasonPrompt(parent, messages, question, reasons);
        Dialogs.openCentred(prompt.dialog, prompt.reason);
        return Optional.ofNullable(prompt.answer);
    }

    private void validate() {
        String text = reason.getText().strip();
        Optional<String> wrong = text.isEmpty() ? Optional.of("") : reasons.problem(text);
        problem.setText(wrong.orElse(""));
        ok.setEnabled(wrong.isEmpty());
    }

    private void accept() {
        if (ok.isEnabled()) {
            answer = reason.getText().strip();
            dialog.close();
        }
    }
}
