package io.reckoning.support.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * API tokens configured up front: {@code principal:role+role:token} entries (comma-separated in
 * {@code RECKONING_API_TOKENS}), or the same lines with the token's SHA-256 in hex instead of the token in
 * {@code RECKONING_API_TOKENS_FILE}. Only digests are kept; a presented token is hashed and compared with every
 * entry in constant time.
 */
public final class StaticTokens {

    /** Shorter tokens are refused at start-up: a token must not be guessable. */
    static final int MIN_TOKEN_LENGTH = 16;

    private record Entry(Caller caller, byte[] digest) {
    }

    private final List<Entry> entries;

    private StaticTokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** {@code principal:role+role:token}, comma-separated; blank means none. */
    public static StaticTokens parse(String value) {
        List<Entry> entries = new ArrayList<>();
        if (value != null) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    String[] parts = split(item.strip(), "RECKONING_API_TOKENS");
                    if (parts[2].length() < MIN_TOKEN_LENGTH) {
                        throw new IllegalArgumentException("The API token of '" + parts[0] + "' in RECKONING_API_TOKENS "
                                + "is shorter than " + MIN_TOKEN_LENGTH + " characters.");
                    }
                    entries.add(new Entry(caller(parts), sha256(parts[2])));
                }
            }
        }
        return new StaticTokens(entries);
    }

    /** Lines of {@code principal:role+role:sha256-hex}; blank lines and lines starting with {@code #} are skipped. */
    public static StaticTokens readHashed(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the API token file " + file, e);
        }
        List<Entry> entries = new ArrayList<>();
        for (String line : lines) {
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                String[] parts = split(line.strip(), file.toString());
                if (!parts[2].matches("[0-9a-fA-F]{64}")) {
                    throw new IllegalArgumentException("The entry of '" + parts[0] + "' in " + file
                            + " must end with the token's SHA-256 as 64 hex characters.");
                }
                entries.add(new Entry(caller(parts), HexFormat.of().parseHex(parts[2].toLowerCase())));
            }
        }
        return new StaticTokens(entries);
    }

    public StaticTokens and(StaticTokens other) {
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(other.entries);
        return new StaticTokens(all);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The caller {@code token} belongs to; every entry is compared, so the time taken does not say which matched. */
    public Optional<Caller> find(String token) {
        byte[] digest = sha256(token);
        Caller found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), digest) && found == null) {
                found = entry.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The hex SHA-256 of a token, as {@code RECKONING_API_TOKENS_FILE} expects it. */
    public static String sha256Hex(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    private static String[] split(String entry, String source) {
        String[] parts = entry.split(":", 3);
        if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
            // never echo the entry: it holds a token
            throw new IllegalArgumentException("Every entry of " + source + " must look like principal:role+role:token.");
        }
        return parts;
    }

    private static Caller caller(String[] parts) {
        Set<Role> roles = Arrays.stream(parts[1].split("\\+")).map(Role::of).collect(Collectors.toSet());
        return new Caller(parts[0].strip(), Role.expand(roles));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
