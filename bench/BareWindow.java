import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

/**
 * The start-up benchmark's peer: a bare SWT window with a four-row table, on the same JVM and display. Writes the
 * time (ms since the epoch) at which the window is shown and painted to the file named by its argument, then exits.
 */
public class BareWindow {
    public static void main(String[] args) throws Exception {
        Display display = new Display();
        Shell shell = new Shell(display);
        shell.setText("Bare window");
        shell.setLayout(new FillLayout());
        Table table = new Table(shell, SWT.BORDER);
        for (int i = 0; i < 4; i++) {
            new TableItem(table, SWT.NONE).setText("row " + i);
        }
        shell.setSize(900, 600);
        shell.open();
        while (display.readAndDispatch()) {
            // paint the first frame
        }
        display.update();
        Files.writeString(Path.of(args[0]), Long.toString(System.currentTimeMillis()));
        display.dispose();
    }
}
