package io.cxkit.cli;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write the seeded sample company's data (responses, interactions, tickets, customers, transactions).")
final class GenerateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--responses", required = true, paramLabel = "N", description = "number of survey responses")
    long responses;

    @Option(names = "--customers", paramLabel = "M", description = "number of customers (default N/5)")
    Long customers;

    @Option(names = "--seed", defaultValue = "2026", paramLabel = "S", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    @Option(names = "--format", split = ",", defaultValue = "csv", paramLabel = "FMT",
            description = "csv and/or ndjson (default ${DEFAULT-VALUE})")
    List<SampleCompany.Format> formats;

    @Option(names = "--tables", split = ",", defaultValue = "responses,interactions,tickets,customers,ticket_events,transactions",
            paramLabel = "T", description = "which tables (default all: ${DEFAULT-VALUE})")
    List<SampleCompany.Table> tables;

    @Override
    public Integer call() {
        long m = customers != null ? customers : Math.max(1, responses / 5);
        SampleCompany company;
        try {
            company = new SampleCompany(responses, m, seed);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        SampleCompany.Summary s = company.write(out, EnumSet.copyOf(tables), EnumSet.copyOf(formats));
        spec.commandLine().getOut().printf("wrote %,d responses, %,d interactions, %,d tickets, %,d customers to %s%n",
                s.responses(), tables.contains(SampleCompany.Table.INTERACTIONS) ? s.interactions() : 0,
                tables.contains(SampleCompany.Table.TICKETS) ? s.tickets() : 0, s.customers(), out);
        return 0;
    }
}
