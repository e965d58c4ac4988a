package org.certdesk.ui.internal.wizard;

import org.certdesk.ui.internal.Messages;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** Small layout helpers shared by the wizard's pages. */
final class Pages {
    private Pages() {
    }

    static Composite grid(Composite parent, int columns) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(columns, false));
        return c;
    }

    static Text field(Composite parent, String label, String value, Runnable onChange) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = new Text(parent, SWT.BORDER);
        text.setText(value == null ? "" : value);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        text.addListener(SWT.Modify, e -> onChange.run());
        return text;
    }

    /**
     * Why a subject field's value cannot go into a certificate, or null: RFC 5280's upper bounds (64 characters
     * for O and OU, 128 for ST and L) and no control characters.
     */
    static String subjectValueProblem(String label, String value, int max) {
        String name = label.replaceAll("\\s*:\\s*$", "");
        String v = value == null ? "" : value.trim();
        if (v.codePoints().anyMatch(Character::isISOControl)) {
            return NLS.bind(Messages.valueControlChars, name);
        }
        int length = v.codePointCount(0, v.length());
        if (length > max) {
            return NLS.bind(Messages.valueTooLong, new Object[] { name, max, length });
        }
        return null;
    }

    /** The first problem, or null. */
    static String first(String... problems) {
        for (String p : problems) {
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    static Label wrapping(Composite parent, String text, int span) {
        Label label = new Label(parent, SWT.WRAP);
        label.setText(text);
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false, span, 1);
        gd.widthHint = 480;
        label.setLayoutData(gd);
        return label;
    }
}
