package org.certdesk.cli.internal;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/** {@code -application org.certdesk.cli.headless}: the command line over the same services as the console. */
public class CliApplication implements IApplication {
    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        int code = new Cli(System.out, System.err).run(args == null ? new String[0] : args);
        System.out.flush();
        return code;
    }

    @Override
    public void stop() {
        // commands are short; nothing to interrupt
    }
}
