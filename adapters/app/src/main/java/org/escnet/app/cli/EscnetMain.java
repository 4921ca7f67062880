package org.escnet.app.cli;

import io.quarkus.runtime.annotations.QuarkusMain;
import picocli.CommandLine;

/**
 * The {@code escnet} command. Only {@code serve}, {@code worker} and {@code demo} boot the application (database, HTTP,
 * worker); every other command is a plain program: a client of a running server's REST API, or an offline tool that
 * answers in seconds without starting anything.
 */
@QuarkusMain
public class EscnetMain {
    public static void main(String... args) {
        int code = commandLine().execute(args);
        if (code != 0 || !BootCommand.booted()) {
            System.exit(code);
        }
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new EscnetCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("escnet: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return e instanceof CliException ce ? ce.exitCode() : 1;
        });
        return cli;
    }
}
