package io.reckoning.query.trust;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trust scores, a query over step-run joined with run-summary. A step counts once per run, by its final state:
 * finished means SUCCEEDED or FAILED with its end within the window; a step a rerun reused (attempt 0) is not
 * counted again.
 */
@Component
public class TrustScores {

    private static final String FINISHED = """
            from query.step_run s join query.run_summary r on r.run_id = s.run_id
            where s.status in ('SUCCEEDED', 'FAILED') and s.attempt > 0 and s.ended_at >= ?""";
    private static final String COUNTS = """
            count(*) as finished,
            count(*) filter (where s.status = 'SUCCEEDED' and jsonb_array_length(s.corrections) = 0) as trusted""";

    private final JdbcTemplate jdbc;

    TrustScores(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The workflow's score per step (in definition order) and overall, over the {@code window} up to {@code now}. */
    public TrustScore of(String workflow, Duration window, Instant now) {
        List<TrustScore.Step> steps = jdbc.query("select s.step_id, " + COUNTS + " " + FINISHED
                        + " and r.workflow = ? group by s.step_id order by min(s.position), s.step_id",
                (rs, i) -> new TrustScore.Step(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        TrustScore.share(rs.getLong(3), rs.getLong(2))),
                Timestamp.from(now.minus(window)), workflow);
        long finished = steps.stream().mapToLong(TrustScore.Step::finished).sum();
        long trusted = steps.stream().mapToLong(TrustScore.Step::succeededWithoutCorrection).sum();
        return new TrustScore(workflow, window.toString(), steps, TrustScore.share(trusted, finished));
    }

    /** The overall score of every workflow with a step finished within the window, by name. */
    public Map<String, Double> overall(Duration window, Instant now) {
        Map<String, Double> scores = new LinkedHashMap<>();
        jdbc.query("select r.workflow, " + COUNTS + " " + FINISHED + " group by r.workflow order by r.workflow",
                rs -> {
                    scores.put(rs.getString(1), TrustScore.share(rs.getLong(3), rs.getLong(2)));
                }, Timestamp.from(now.minus(window)));
        return scores;
    }
}
