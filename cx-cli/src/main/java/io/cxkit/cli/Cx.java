package io.cxkit.cli;

import io.cxkit.io.BadInputException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code cx} command: {@code demo}, {@code report}, {@code funnel}, {@code paths}, {@code service},
 * {@code drivers}, {@code survival}, {@code attribution}, {@code generate} and {@code shell}.
 *
 * <p>Exit codes: 0 success, 1 bad input (the message on stderr starts with {@code file:line:column}),
 * 2 usage error.
 */
@Command(name = "cx", mixinStandardHelpOptions = true, version = "cx 0.1.0",
        description = "Customer-experience metrics (NPS, CSAT, CES) with honest uncertainty.",
        subcommands = {DemoCommand.class, ReportCommand.class, FunnelCommand.class, PathsCommand.class,
            ServiceCommand.class, DriversCommand.class, SurvivalCommand.class, AttributionCommand.class, ValueCommand.class,
            GenerateCommand.class, ShellCommand.class,
            CommandLine.HelpCommand.class})
public final class Cx implements Runnable {
    /** Exit code for bad input. */
    public static final int BAD_INPUT = 1;
    /** Exit code for a usage error. */
    public static final int USAGE = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private Cx() {
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: demo, report, funnel, paths, service, drivers, survival, attribution, value, generate or shell");
    }

    /**
     * Runs the command and exits the JVM with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(out, err, args));
    }

    /**
     * Runs the command without exiting, writing to the given streams.
     *
     * @param out standard output
     * @param err standard error
     * @param args the command line
     * @return the exit code: 0 success, 1 bad input, 2 usage error
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Cx());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.registerConverter(ZoneId.class, new CliSupport.ZoneConverter());
        cl.setParameterExceptionHandler((ex, line) -> {
            // One line naming the problem, then where to find the usage (not the whole help page).
            CommandLine c = ex.getCommandLine();
            err.println("cx: " + CliSupport.cliWords(ex.getMessage()));
            err.println("Usage: " + c.getCommandSpec().qualifiedName() + " [OPTIONS]"
                    + (c.getCommandSpec().positionalParameters().isEmpty() ? "" : " FILE")
                    + " (see: " + c.getCommandSpec().qualifiedName() + " --help)");
            err.flush();
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            if (ex instanceof BadInputException || ex instanceof UncheckedIOException
                    || ex instanceof IllegalArgumentException || ex instanceof IllegalStateException) {
                err.println("cx: " + CliSupport.cliWords(String.valueOf(ex.getMessage())));
                err.flush();
                return BAD_INPUT;
            }
            throw ex;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
