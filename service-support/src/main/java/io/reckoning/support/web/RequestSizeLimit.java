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
 * Refuses request bodies larger than what fits in one Kafka message (about 1 MiB) before anything is parsed or
 * committed: what the engine accepts it must be able to publish. Large data travels as artifacts referenced by
 * sha256. A body without a declared length is read up to the limit and handed on from memory.
 */
public class RequestSizeLimit extends OncePerRequestFilter implements Ordered {

    public static final int MAX_BYTES = 1024 * 1024;
    private static final String PROBLEM = """
            {"type":"/problems/payload-too-large","title":"Content Too Large","status":413,\
            "detail":"The request body is larger than %d bytes, the most one Kafka message carries; \
            send large data as artifacts referenced by sha256."}""".formatted(MAX_BYTES);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > MAX_BYTES) {
            reject(response);
            return;
        }
        if (declared >= 0 || "GET".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            reject(response);
            return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
    }

    private static void reject(HttpServletResponse response) throws IOException {
        response.setStatus(413);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(PROBLEM.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
