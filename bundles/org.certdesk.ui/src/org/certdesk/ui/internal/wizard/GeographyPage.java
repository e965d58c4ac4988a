package org.certdesk.ui.internal.wizard;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.certdesk.ui.internal.Messages;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** Country from a list (stored as its ISO code), state and city in full. */
class GeographyPage extends WizardPage {
    private final RequestModel model;
    private final List<String> codes;
    private Combo country;
    private Text state;
    private Text city;

    GeographyPage(RequestModel model) {
        super("geography");
        this.model = model;
        Locale display = Locale.getDefault();
        codes = Arrays.stream(Locale.getISOCountries())
                .sorted(Comparator.comparing(c -> Locale.of("", c).getDisplayCountry(display))).toList();
        setTitle(Messages.geoTitle);
        setDescription(Messages.geoDescription);
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = Pages.grid(parent, 2);
        new Label(c, SWT.NONE).setText(Messages.country);
        country = new Combo(c, SWT.READ_ONLY);
        country.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        country.add("");
        for (String code : codes) {
            country.add(Locale.of("", code).getDisplayCountry(Locale.getDefault()) + " (" + code + ")");
        }
        country.select(Math.max(0, codes.indexOf(model.country) + 1));
        country.addListener(SWT.Selection, e -> update());
        state = Pages.field(c, Messages.state, model.state, this::update);
        city = Pages.field(c, Messages.city, model.city, this::update);
        setControl(c);
        update();
    }

    private void update() {
        int i = country.getSelectionIndex();
        model.country = i <= 0 ? "" : codes.get(i - 1);
        model.state = state.getText();
        model.city = city.getText();
        String error = Pages.first(Pages.subjectValueProblem(Messages.state, model.state, 128),
                Pages.subjectValueProblem(Messages.city, model.city, 128));
        setErrorMessage(error);
        setPageComplete(error == null);
    }

    Combo country() {
        return country;
    }

    /** Selects a country by ISO code, as a user picking it from the list would. */
    void selectCountry(String code) {
        country.select(codes.indexOf(code) + 1);
        update();
    }
}
