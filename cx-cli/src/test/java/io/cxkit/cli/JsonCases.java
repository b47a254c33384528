package io.cxkit.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON documents the golden and schema tests run: every command that writes a {@code cxkit/...}
 * document, on the seeded sample company (1,500 responses, seed 11), R's {@code lung} and small
 * hand-written files with rejected rows, so that every optional branch of each schema is written
 * at least once.
 */
final class JsonCases {
    /** What a placeholder in {@link Case#args()} and in the output is replaced by. */
    static final String DATA = "$DATA";

    private JsonCases() {
    }

    /**
     * One run of the command.
     *
     * @param name the golden file's name, without {@code .json}
     * @param schema the schema the document declares
     * @param args the command line, {@link #DATA} standing for the data directory
     */
    record Case(String name, String schema, List<String> args) {
        String[] argv(Path data) {
            return args.stream().map(a -> a.replace(DATA, data.toString())).toArray(String[]::new);
        }
    }

    /** Writes the data every case reads into {@code dir}. */
    static void writeData(Path dir) throws IOException, URISyntaxException {
        CxTestSupport.Run g = CxTestSupport.cx("generate", "--responses", "1500", "--seed", "11", "--out",
                dir.toString());
        if (g.code() != 0) {
            throw new IllegalStateException("cx generate failed: " + g.err());
        }
        Files.copy(Path.of(JsonCases.class.getResource("/lung.csv").toURI()), dir.resolve("lung.csv"));
        Files.writeString(dir.resolve("bad-events.csv"), String.join("\n",
                "customer_id,timestamp,touchpoint,channel,value",
                "a,2026-03-01T10:00:00Z,home,web,",
                "a,2026-03-01T10:05:00Z,cart,web,",
                "a,yesterday,buy,web,",
                "b,2026-03-01T11:00:00Z,home,app,",
                "b,2026-03-01T11:30:00Z,cart,app,x",
                "c,2026-03-02T09:00:00Z,home,web,",
                "c,2026-03-02T09:10:00Z,cart,web,",
                "c,2026-03-02T09:20:00Z,buy,web,12.5",
                ""), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("journeys.csv"), String.join("\n",
                "customer,time,touchpoint,converted,value",
                "a,2026-03-03T10:00:00Z,web,1,100",
                "b,2026-03-01T09:00:00Z,search,0,",
                "a,2026-03-01T10:00:00Z,search,0,",
                "c,2026-03-05T08:00:00Z,email,0,",
                "a,2026-03-02T10:00:00Z,email,0,",
                "c,2026-03-06T09:00:00Z,search,false,",
                "b,2026-03-01T12:00:00Z,web,0,0",
                "c,2026-03-05T09:00:00Z,web,true,50",
                "d,2026-03-07T09:00:00Z,web,maybe,",
                ""), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("bad-drivers.csv"), String.join("\n",
                "overall,ease,speed",
                "5,4,3", "4,4,2", "3,2,2", "2,1,1", "5,5,4", "1,1,2", "4,3,3", "3,3,1", "2,2,3", "5,4,5",
                "4,x,3", "3,,2",
                ""), StandardCharsets.UTF_8);
    }

    /** Every case, in a fixed order. */
    static List<Case> all() {
        List<Case> c = new ArrayList<>();
        String events = DATA + "/interactions.csv";
        c.add(new Case("funnel-by-channel", "funnel", List.of("funnel", events, "--steps",
                "social_ad,product_page,checkout_app,onboarding_app", "--within", "1d", "--split-gap", "30d", "--by",
                "channel", "--format", "json")));
        c.add(new Case("funnel-any-by-case", "funnel", List.of("funnel", events, "--steps", "product_page,social_ad",
                "--mode", "any", "--by-case", "--format", "json")));
        c.add(new Case("funnel-rejected", "funnel", List.of("funnel", DATA + "/bad-events.csv", "--steps",
                "home,cart,buy", "--on-error", "skip", "--mode", "strict", "--format", "json")));
        c.add(new Case("paths-whole", "paths", List.of("paths", events, "--top", "5", "--split-gap", "30d", "--format",
                "json")));
        c.add(new Case("paths-to", "paths", List.of("paths", events, "--to", "renewal", "--depth", "2",
                "--collapse-repeats", "--format", "json")));
        c.add(new Case("service-events", "service", List.of("service", DATA + "/ticket_events.csv", "--sla",
                "first-response=1h,resolution=1d", "--by", "channel", "--format", "json")));
        c.add(new Case("service-tickets", "service", List.of("service", DATA + "/tickets.csv", "--sla",
                "first-response=1h,resolution=1d", "--format", "json")));
        c.add(new Case("survival-lung", "survival", List.of("survival", DATA + "/lung.csv", "--time", "time",
                "--event", "status=2", "--by", "sex", "--format", "json")));
        c.add(new Case("survival-churn", "survival", List.of("survival", DATA + "/customers.csv", "--time",
                "tenure_days", "--event", "churned", "--conf-type", "log-log", "--format", "json")));
        c.add(new Case("attribution-markov", "attribution", List.of("attribution", events, "--converted",
                "outcome=renewed", "--order", "2", "--format", "json")));
        c.add(new Case("attribution-time-decay", "attribution", List.of("attribution", DATA + "/journeys.csv",
                "--model", "time-decay", "--half-life", "3d", "--on-error", "skip", "--format", "json")));
        c.add(new Case("drivers-bootstrap", "drivers", List.of("drivers", DATA + "/responses.csv", "--outcome", "csat",
                "--drivers", "ease,speed,friendliness,price", "--bootstrap", "100", "--seed", "7", "--format",
                "json")));
        c.add(new Case("drivers-shapley", "drivers", List.of("drivers", DATA + "/bad-drivers.csv", "--outcome",
                "overall", "--drivers", "ease,speed", "--method", "shapley", "--on-error", "skip", "--format",
                "json")));
        return c;
    }
}
