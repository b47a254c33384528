package io.cxkit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the cx command in-process and captures its streams. */
final class CxTestSupport {
    private CxTestSupport() {
    }

    record Run(int code, String out, String err) {
    }

    static Run cx(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cx.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }
}
