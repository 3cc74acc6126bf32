package io.reckoning.benchmarks.workload;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A process whose CPU and memory the workload reports, under {@code process.<name>.*}: its name as given
 * ({@code command=1234}), or its pid when given bare ({@code 1234}).
 */
public record MeasuredProcess(String name, long pid) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    /** Parses {@code --pid}: comma-separated {@code P} or {@code NAME=P}; an empty list for a blank value. */
    public static List<MeasuredProcess> parseList(String value) {
        List<MeasuredProcess> processes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String entry : value.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            MeasuredProcess process = parse(entry.strip());
            if (!names.add(process.name())) {
                throw new IllegalArgumentException("--pid names '" + process.name() + "' twice");
            }
            processes.add(process);
        }
        return processes;
    }

    private static MeasuredProcess parse(String entry) {
        int equals = entry.indexOf('=');
        String name = equals < 0 ? null : entry.substring(0, equals);
        String pid = equals < 0 ? entry : entry.substring(equals + 1);
        if (name != null && !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("--pid: a process name is a letter, then letters, digits, '_' or '-'; got '"
                    + name + "'");
        }
        if (!pid.matches("[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("--pid takes P or NAME=P, comma-separated (P a process id); got '"
                    + entry + "'");
        }
        return new MeasuredProcess(name == null ? pid : name, Long.parseLong(pid));
    }
}
