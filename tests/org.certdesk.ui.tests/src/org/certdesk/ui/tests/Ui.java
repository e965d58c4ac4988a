package org.certdesk.ui.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/** Drives real SWT widgets as a user would: find them by their visible text, click, type, wait, look. */
final class Ui {
    private Ui() {
    }

    static void waitUntil(Display display, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { });
                display.sleep();
            }
        }
    }

    static void settle(Display display) {
        while (display.readAndDispatch()) {
            // process what is queued
        }
    }

    static <T extends Control> List<T> all(Composite root, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Control c : root.getChildren()) {
            if (type.isInstance(c)) {
                found.add(type.cast(c));
            }
            if (c instanceof Composite composite) {
                found.addAll(all(composite, type));
            }
        }
        return found;
    }

    static Button button(Composite root, String text) {
        return all(root, Button.class).stream().filter(b -> b.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + text + "'"));
    }

    /** The control right after the label with this text, as forms lay them out. */
    static <T extends Control> T after(Composite root, String labelText, Class<T> type) {
        for (Label label : all(root, Label.class)) {
            if (label.getText().equals(labelText)) {
                Control[] siblings = label.getParent().getChildren();
                for (int i = 0; i < siblings.length - 1; i++) {
                    if (siblings[i] == label && type.isInstance(siblings[i + 1])) {
                        return type.cast(siblings[i + 1]);
                    }
                }
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " after '" + labelText + "'");
    }

    static void click(Button button) {
        if (!button.isEnabled()) {
            throw new AssertionError("'" + button.getText() + "' is disabled");
        }
        if ((button.getStyle() & (SWT.CHECK | SWT.RADIO)) != 0) {
            button.setSelection(!button.getSelection());
        }
        button.notifyListeners(SWT.Selection, new Event());
    }

    /** Answers the next dialog with this title by pressing the named button, once it opens. */
    static void answer(Display display, String title, String buttonText) {
        display.timerExec(100, new Runnable() {
            @Override
            public void run() {
                for (Shell s : display.getShells()) {
                    if (title.equals(s.getText()) && s.isVisible()) {
                        screenshot(s, "dialog-" + title.replaceAll("\\W+", "-").toLowerCase());
                        click(button(s, buttonText));
                        return;
                    }
                }
                display.timerExec(100, this);
            }
        });
    }

    /** Like {@link #answer}, and keeps the dialog's message text in {@code text[0]}. */
    static void answer(Display display, String title, String buttonText, String[] text) {
        display.timerExec(100, new Runnable() {
            @Override
            public void run() {
                for (Shell s : display.getShells()) {
                    if (title.equals(s.getText()) && s.isVisible()) {
                        text[0] = String.join("\n", all(s, Label.class).stream().map(Label::getText).toList());
                        screenshot(s, "dialog-" + title.replaceAll("\\W+", "-").toLowerCase());
                        click(button(s, buttonText));
                        return;
                    }
                }
                display.timerExec(100, this);
            }
        });
    }

    /** Saves what the screen shows of this shell as target/screenshots/NAME.png. */
    static void screenshot(Shell shell, String name) {
        Display display = shell.getDisplay();
        settle(display);
        display.update();
        long until = System.nanoTime() + 300_000_000L; // let GTK finish the frame it is drawing
        while (System.nanoTime() < until) {
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { });
                display.sleep();
            }
        }
        Rectangle b = shell.getBounds();
        Image image = new Image(display, b.width, b.height);
        GC gc = new GC(image);
        try {
            if (!shell.print(gc)) { // draws the widgets as they are now, whatever the X server shows
                gc.dispose();
                gc = new GC(display);
                gc.copyArea(image, b.x, b.y);
            }
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { image.getImageData() };
            Path dir = Path.of(System.getProperty("certdesk.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            loader.save(dir.resolve(name + ".png").toString(), SWT.IMAGE_PNG);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
