package org.scalestudy.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;
import org.scalestudy.results.FitOutcome;

/**
 * Fit outcomes on disk, one file per {@link FitKey}: {@code <dir>/fits/<first two hex digits>/<key>.fit} (with
 * the bootstrap's draws, {@link FitCodec}); and rows of numbers that belong to no one fit, such as the joint
 * bootstrap of shared fits' multipliers, in {@code <key>.rows}.
 *
 * <p>An entry is the format's magic, its key, the length of the encoded outcome ({@link FitCodec}), the outcome
 * and a CRC-32 of it. It is written to a temporary file in the same folder and renamed into place, so a reader
 * sees a whole entry or none. An entry that cannot be read back exactly (truncated, wrong magic, another key,
 * bad checksum, garbage) counts as missing: the fit runs again and the entry is rewritten. The cache never
 * fails a build: when an entry cannot be written the build goes on, and {@link #writeFailure()} says why.
 * Entries are never deleted; deleting the folder is always safe.
 */
public final class FitCache {
    private static final byte[] MAGIC = "scalestudy fit cache 1\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final Path dir;
    private final String toolVersion;
    private final AtomicReference<String> writeFailure = new AtomicReference<>();
    private final java.util.Set<Path> createdFolders = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * @param dir         the cache folder (created when the first entry is written)
     * @param toolVersion part of every key, so that a new version never reuses an old version's fits
     */
    public FitCache(Path dir, String toolVersion) {
        this.dir = dir;
        this.toolVersion = toolVersion;
    }

    public Path dir() {
        return dir;
    }

    String key(org.scalestudy.check.FitTask task, boolean sweep,
               java.util.List<org.scalestudy.check.FitTask> partners) {
        return FitKey.of(task, toolVersion, sweep, partners);
    }

    /** The key of the joint bootstrap of the multipliers of {@code members} ({@link JointFits}). */
    String jointKey(java.util.List<org.scalestudy.check.FitTask> members) {
        return FitKey.joint(members, toolVersion);
    }

    /** The outcome stored under {@code key}, or empty when there is none or it is damaged. */
    Optional<FitOutcome> load(String key) {
        return load(key, FIT, FitCodec::read);
    }

    /** Stores an outcome; on failure remembers why and carries on. */
    void store(String key, FitOutcome outcome) {
        Bytes.Out payload = new Bytes.Out();
        FitCodec.write(outcome, payload);
        store(key, FIT, payload);
    }

    /** The rows of numbers stored under {@code key} (e.g. a joint bootstrap's draws), or empty. */
    Optional<double[][]> loadRows(String key) {
        return load(key, ROWS, in -> {
            double[][] rows = new double[in.getCount()][];
            for (int r = 0; r < rows.length; r++) {
                rows[r] = new double[in.getCount()];
                for (int i = 0; i < rows[r].length; i++) {
                    rows[r][i] = in.getDouble();
                }
            }
            return rows;
        });
    }

    /** Stores rows of numbers exactly (IEEE bits); on failure remembers why and carries on. */
    void storeRows(String key, double[][] rows) {
        Bytes.Out payload = new Bytes.Out().putInt(rows.length);
        for (double[] row : rows) {
            payload.putInt(row.length);
            for (double v : row) {
                payload.putDouble(v);
            }
        }
        store(key, ROWS, payload);
    }

    private static final String FIT = ".fit";
    private static final String ROWS = ".rows";

    private <T> Optional<T> load(String key, String suffix, java.util.function.Function<Bytes.In, T> decode) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file(key, suffix));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // missing or unreadable: fit again
        }
        try {
            if (bytes.length < MAGIC.length
                    || !java.util.Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                return Optional.empty();
            }
            Bytes.In in = new Bytes.In(java.nio.ByteBuffer.wrap(bytes, MAGIC.length, bytes.length - MAGIC.length));
            if (!key.equals(in.getString())) {
                return Optional.empty();
            }
            int length = in.getInt();
            if (length < 0 || length != in.remaining() - Long.BYTES) {
                return Optional.empty();
            }
            int from = bytes.length - in.remaining();
            long crc = java.nio.ByteBuffer.wrap(bytes, from + length, Long.BYTES).getLong();
            if (crc != crc(bytes, from, length)) {
                return Optional.empty();
            }
            Bytes.In body = new Bytes.In(java.nio.ByteBuffer.wrap(bytes, from, length).slice());
            T value = decode.apply(body);
            return body.remaining() == 0 ? Optional.of(value) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty(); // damaged: fit again
        }
    }

    private void store(String key, String suffix, Bytes.Out payload) {
        try {
            byte[] body = payload.toArray();
            Bytes.Out entry = new Bytes.Out().putBytes(MAGIC).putString(key).putInt(body.length).putBytes(body)
                    .putLong(crc(body, 0, body.length));
            Path target = file(key, suffix);
            Path folder = target.getParent();
            if (!createdFolders.contains(folder)) {
                Files.createDirectories(folder);
                createdFolders.add(folder);
            }
            // Unique per key and thread; a file left by a killed build is never read (and is overwritten).
            Path tmp = folder.resolve(".tmp-" + key + suffix + "-" + Thread.currentThread().getId());
            Files.write(tmp, entry.toArray());
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            writeFailure.compareAndSet(null, "cannot write the fit cache in " + dir + " (" + e.getMessage() + ")");
        }
    }

    /** Why an entry could not be written (the first failure), or null. */
    public String writeFailure() {
        return writeFailure.get();
    }

    Path file(String key) {
        return file(key, FIT);
    }

    private Path file(String key, String suffix) {
        return dir.resolve("fits").resolve(key.substring(0, 2)).resolve(key + suffix);
    }

    private static long crc(byte[] bytes, int from, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, from, length);
        return crc.getValue();
    }
}
