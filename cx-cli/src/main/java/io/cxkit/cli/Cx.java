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
 * 2 usage error, 3 out of memory (the message suggests {@code CX_JAVA_OPTS=-Xmx...}). Standard output
 * is written only when the command succeeds ({@link DeferredOutput}): a failure leaves it empty.
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
    /** Exit code when the JVM runs out of memory. */
    public static final int OUT_OF_MEMORY = 3;

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
     * @return the exit code: 0 success, 1 bad input, 2 usage error, 3 out of memory
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(commandLine(), out, err, args);
    }

    /** The {@code cx} command line, with its converters (tests add commands to it). */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Cx());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.registerConverter(ZoneId.class, new CliSupport.ZoneConverter());
        return cl;
    }

    /** Runs a command line: output held until success, bad input and out-of-memory mapped to exit codes. */
    static int run(CommandLine cl, PrintWriter out, PrintWriter err, String... args) {
        int code;
        DeferredOutput held = new DeferredOutput(out);
        try {
            code = execute(cl, held, err, args);
        } catch (OutOfMemoryError e) {
            held.discard();
            code = OUT_OF_MEMORY;
            err.println(outOfMemory(args));
        }
        if (code == 0) {
            held.commit();
        } else {
            held.discard();
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The message for an {@link OutOfMemoryError}: the heap limit and a bigger one to try (the
     * limits on segments and touchpoints keep the usual causes out; what is left is a big input).
     */
    static String outOfMemory(String... args) {
        long max = Runtime.getRuntime().maxMemory();
        long mb = max == Long.MAX_VALUE ? 0 : max >> 20;
        long suggest = Math.max(1, (mb * 4 + 1023) / 1024);
        return "cx: out of memory: the Java heap" + (mb > 0 ? " (at most " + mb + " MB)" : "") + " is too small"
                + " for this input; nothing was written to stdout. Give it more, e.g. CX_JAVA_OPTS=-Xmx" + suggest
                + "g ./cx " + (args.length > 0 ? args[0] + " ..." : "...");
    }

    private static int execute(CommandLine cl, PrintWriter out, PrintWriter err, String... args) {
        cl.setOut(out);
        cl.setErr(err);
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
        return cl.execute(args);
    }
}
