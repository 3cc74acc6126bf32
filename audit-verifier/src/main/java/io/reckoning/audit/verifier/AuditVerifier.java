package io.reckoning.audit.verifier;

import io.reckoning.audit.chain.ChainHead;
import io.reckoning.audit.chain.ChainVerdict;
import io.reckoning.audit.chain.HashChain;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar audit-verifier.jar bundle.json [--heads heads.ndjson]}: checks an audit bundle offline. Exit code
 * 0 when it holds up, 1 when it does not (the first broken sequence is named), 2 when it cannot be read.
 * <p>
 * {@code --heads} names heads witnessed outside the database: a file of JSON values, each a CloudEvent as
 * {@code kafka-console-consumer} prints them from {@code reckoning.run-events}, a {@code {runId, sequence, hash}}
 * (such as an earlier bundle's {@code head}), or an array of those; anything else is skipped.
 */
public final class AuditVerifier {

    static final int VALID = 0;
    static final int BROKEN = 1;
    static final int UNREADABLE = 2;

    private AuditVerifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (!(args.length == 1 || args.length == 3 && "--heads".equals(args[1]))) {
            err.println("usage: java -jar audit-verifier.jar bundle.json [--heads heads.ndjson]");
            return UNREADABLE;
        }
        try {
            List<ChainHead> heads = args.length == 3 ? readHeads(Path.of(args[2])) : List.of();
            BundleCheck.Report report;
            try (InputStream bundle = Files.newInputStream(Path.of(args[0]))) {
                report = BundleCheck.check(bundle, heads);
            }
            print(report, out);
            return report.valid() ? VALID : BROKEN;
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            err.println("Cannot verify: " + e.getMessage());
            return UNREADABLE;
        }
    }

    private static void print(BundleCheck.Report report, PrintStream out) {
        ChainVerdict chain = report.chain();
        out.println("run " + report.runId() + ": " + chain.events() + " events, "
                + chain.publishedHeadsChecked() + " published heads matched");
        if (!chain.valid()) {
            out.println("BROKEN at sequence " + chain.brokenAt() + ": " + chain.problem());
        } else if (report.bundleProblem() != null) {
            out.println("BROKEN bundle: " + report.bundleProblem());
        } else {
            out.println("VALID: head sequence " + chain.head().sequence() + " hash " + chain.head().hash());
        }
    }

    static List<ChainHead> readHeads(Path file) throws IOException {
        List<ChainHead> heads = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
             MappingIterator<JsonNode> values = HashChain.json().readerFor(JsonNode.class).readValues(in)) {
            while (values.hasNext()) {
                JsonNode value = values.next();
                for (JsonNode candidate : value.isArray() ? value : List.of(value)) {
                    ChainHead head = ChainHead.from(candidate.has("head") ? candidate.get("head") : candidate);
                    if (head != null) {
                        heads.add(head);
                    }
                }
            }
        }
        return heads;
    }
}
