package io.reckoning.support.web;

import io.reckoning.workflow.Violation;

import java.util.List;

import java.util.Map;

/**
 * A rejection that reaches the caller as RFC 9457 problem details: a status, a stable {@code type} slug
 * (such as {@code step-not-waiting}), a sentence saying what was wrong, and optional extra members.
 * Framework-free, so domain code (an aggregate's command handler) can throw it directly.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String slug;
    private final Map<String, Object> properties;

    public ApiException(int status, String slug, String detail) {
        this(status, slug, detail, Map.of());
    }

    public ApiException(int status, String slug, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.properties = Map.copyOf(properties);
    }

    /** A 400 that lists every problem with the request, each with a JSON pointer and a sentence. */
    public static ApiException invalidRequest(List<Violation> violations) {
        return new ApiException(400, "request-invalid",
                "The request has " + violations.size() + " problem" + (violations.size() == 1 ? "" : "s") + ": "
                        + violations.get(0).message() + (violations.size() > 1 ? " (see errors)" : ""),
                Map.of("errors", violations));
    }

    /** The HTTP status code. */
    /** 404: the run named in the path does not exist (the same answer from every service). */
    public static ApiException runNotFound(String runId) {
        return new ApiException(404, "run-not-found", "There is no run " + runId + ".");
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
