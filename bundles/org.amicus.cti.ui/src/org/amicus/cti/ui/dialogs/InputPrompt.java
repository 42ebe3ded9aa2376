package org.amicus.cti.ui.dialogs;

import java.util.Optional;
import java.util.function.Function;

import org.amicus.cti.ui.Messages;
import org.amicus.cti.ui.parts.WidgetIds;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** Asks for one line (a number, a recording), saying what is wrong with it as it is typed. */
public final class InputPrompt {

    private final Shell dialog;
    private final Text input;
    private final Label problem;
    private final Button ok;
    private final Function<String, Optional<String>> check;
    private String answer;

    private InputPrompt(Shell parent, Messages messages, String title, String question,
            Function<String, Optional<String>> check) {
        this.check = check;
        dialog = new Shell(parent, SWT.DIALOG_TRIM | SWT.APPLICATION_MODAL);
        dialog.setText(title);
        dialog.setData(WidgetIds.KEY, WidgetIds.PROMPT);
        dialog.setLayout(new GridLayout(1, false));
        Label label = new Label(dialog, SWT.NONE);
        label.setText(question);
        input = new Text(dialog, SWT.BORDER | SWT.SINGLE);
        input.setData(WidgetIds.KEY, WidgetIds.PROMPT_TEXT);
        input.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        problem = Dialogs.problemLine(dialog, WidgetIds.PROMPT_PROBLEM, 360);
        ok = Dialogs.buttons(dialog, messages, messages.ok, WidgetIds.PROMPT_OK, this::accept);
        input.addModifyListener(event -> validate());
        validate();
    }

    /** Opens the prompt and waits for the answer; empty if it was cancelled. */
    public static Optional<String> ask(Shell parent, Messages messages, String title, String question,
            Function<String, Optional<String>> check) {
        InputPrompt prompt = new InputPrompt(parent, messages, title, question, check);
        Dialogs.openCentred(prompt.dialog, prompt.input);
        return Optional.ofNullable(prompt.answer);
    }

    private void validate() {
        String text = input.getText().strip();
        Optional<String> wrong = text.isEmpty() ? Optional.of("") : check.apply(text);
        problem.setText(wrong.orElse(""));
        ok.setEnabled(wrong.isEmpty());
    }

    private void accept() {
        if (ok.isEnabled()) {
            answer = input.getText().strip();
            dialog.close();
        }
    }
}
