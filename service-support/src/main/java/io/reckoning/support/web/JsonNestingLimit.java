package io.reckoning.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Refuses JSON bodies nested deeper than {@value #MAX_DEPTH} levels before they are parsed. The shared JSON mapper
 * allows more ({@code spring.jackson.factory.constraints.read.max-nesting-depth}), because what a body carries is
 * later read back wrapped in events and Kafka envelopes: a body the engine accepts must stay readable there.
 * Runs after {@link RequestSizeLimit}, so at most that many bytes are held.
 */
public class JsonNestingLimit extends OncePerRequestFilter implements Ordered {

    public static final int MAX_DEPTH = 64;
    private static final String PROBLEM = """
            {"type":"/problems/body-unreadable","title":"Bad Request","status":400,\
            "detail":"The request body is nested more than %d levels deep."}""".formatted(MAX_DEPTH);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return "GET".equals(request.getMethod()) || type == null || !type.toLowerCase().contains("json");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes(RequestSizeLimit.MAX_BYTES + 1);
        if (tooDeep(body)) {
            response.setStatus(400);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(PROBLEM.getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
    }

    /** Counts open brackets outside strings; malformed JSON is left for the parser to refuse. */
    static boolean tooDeep(byte[] json) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                if (++depth > MAX_DEPTH) {
                    return true;
                }
            } else if (b == '}' || b == ']') {
                depth--;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 11;
    }
}
