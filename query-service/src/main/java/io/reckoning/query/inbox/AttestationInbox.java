package io.reckoning.query.inbox;

import io.reckoning.query.readmodel.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator inbox: every step waiting for attestation, oldest first. A query over the run view (step-run joined
 * with run-summary), not a read model of its own.
 */
@Component
public class AttestationInbox {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    AttestationInbox(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The waiting steps, of one workflow when {@code workflow} is not null, their waiting time counted to {@code now}. */
    public List<PendingAttestation> pending(String workflow, Instant now) {
        StringBuilder sql = new StringBuilder("""
                select s.run_id, s.step_id, r.workflow, r.version, s.input ->> 'instructions', s.attestors::text,
                       s.waiting_since
                from query.step_run s join query.run_summary r on r.run_id = s.run_id
                where s.status = 'WAITING'""");
        List<Object> args = new ArrayList<>();
        if (workflow != null) {
            sql.append(" and r.workflow = ?");
            args.add(workflow);
        }
        sql.append(" order by s.waiting_since, s.run_id, s.position");
        return jdbc.query(sql.toString(), (rs, i) -> {
            Instant since = Rows.instant(rs.getTimestamp(7));
            long seconds = since == null ? 0 : Math.max(0, Duration.between(since, now).toSeconds());
            return new PendingAttestation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                    rs.getString(5), Rows.tree(json, rs.getString(6)), since, seconds);
        }, args.toArray());
    }
}
