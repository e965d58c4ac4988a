package org.certdesk.ui.internal.wizard;


import org.certdesk.api.CertdeskService;
import org.certdesk.api.SubjectAltName;
import org.certdesk.ui.internal.Messages;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.List;
import org.eclipse.swt.widgets.Text;

/**
 * The subject and SANs the usages' rules make from the server configuration (read-only, with where they come
 * from), plus names the admin adds here.
 */
class NamesPage extends WizardPage {
    private final RequestModel model;
    private final CertdeskService service;
    private Text subject;
    private List fromRules;
    private Text newSan;
    private List extra;

    NamesPage(RequestModel model, CertdeskService service) {
        super("names");
        this.model = model;
        this.service = service;
        setTitle(Messages.namesTitle);
        setDescription(Messages.namesDescription);
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = Pages.grid(parent, 3);
        Pages.wrapping(c, NLS.bind(Messages.namesExplanation, "server.properties"), 3);
        new Label(c, SWT.NONE).setText(Messages.subject);
        subject = new Text(c, SWT.READ_ONLY | SWT.BORDER);
        subject.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        new Label(c, SWT.NONE).setText(Messages.sans);
        fromRules = new List(c, SWT.BORDER | SWT.V_SCROLL);
        GridData rulesData = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
        rulesData.heightHint = 70;
        fromRules.setLayoutData(rulesData);

        new Label(c, SWT.NONE).setText(Messages.extraSans);
        newSan = new Text(c, SWT.BORDER);
        newSan.setMessage(Messages.sanHint);
        newSan.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button add = new Button(c, SWT.PUSH);
        add.setText(Messages.add);
        add.addListener(SWT.Selection, e -> addSan());
        newSan.addListener(SWT.DefaultSelection, e -> addSan());
        new Label(c, SWT.NONE);
        extra = new List(c, SWT.BORDER | SWT.V_SCROLL | SWT.MULTI);
        GridData extraData = new GridData(SWT.FILL, SWT.FILL, true, true);
        extraData.heightHint = 60;
        extra.setLayoutData(extraData);
        Composite buttons = Pages.grid(c, 1);
        Button remove = new Button(buttons, SWT.PUSH);
        remove.setText(Messages.removeSan);
        remove.addListener(SWT.Selection, e -> {
            for (int i : extra.getSelectionIndices()) {
                model.extraSans.remove(SubjectAltName.parse(extra.getItem(i)));
            }
            refreshExtra();
        });
        Button clear = new Button(buttons, SWT.PUSH);
        clear.setText(Messages.clear);
        clear.addListener(SWT.Selection, e -> {
            model.extraSans.clear();
            refreshExtra();
        });
        setControl(c);
    }

    @Override
    public void setVisible(boolean visible) {
        if (visible) {
            String cn = service.proposedSubject(model.usageIds);
            subject.setText(cn == null ? "" : "CN=" + cn);
            fromRules.removeAll();
            service.proposedSans(model.usageIds).forEach(s -> fromRules.add(s.toString()));
            validate();
        }
        super.setVisible(visible);
    }

    void addSan(String text) {
        newSan.setText(text);
        addSan();
    }

    private void addSan() {
        String text = newSan.getText().trim();
        if (text.isEmpty()) {
            return;
        }
        SubjectAltName san = SubjectAltName.parse(text);
        if (!san.isWellFormed()) {
            setErrorMessage(NLS.bind(Messages.sanInvalid, text));
            return;
        }
        if (!model.extraSans.contains(san)) {
            model.extraSans.add(san);
        }
        newSan.setText("");
        refreshExtra();
    }

    private void refreshExtra() {
        extra.removeAll();
        model.extraSans.forEach(s -> extra.add(s.toString()));
        validate();
    }

    private void validate() {
        boolean none = fromRules.getItemCount() == 0 && model.extraSans.isEmpty() && subject.getText().isEmpty();
        setErrorMessage(none ? Messages.noNames : null);
        setPageComplete(!none);
    }

}
