package org.certdesk.spi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.certdesk.api.CertdeskException;

/**
 * Serializes changes to one folder across processes (an OS file lock) and threads (the OS lock is per process).
 */
public final class FileLocks {
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final Duration WAIT = Duration.ofSeconds(Long.getLong("certdesk.lockWaitSeconds", 15));

    private FileLocks() {
    }

    public static <T> T withLock(Path lockFile, Supplier<T> action) {
        return withLock(lockFile, WAIT, action);
    }

    /** As {@link #withLock(Path, Supplier)}, giving up with STORE_LOCKED after {@code wait}. */
    public static <T> T withLock(Path lockFile, Duration wait, Supplier<T> action) {
        Path key = lockFile.toAbsolutePath().normalize();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        try {
            if (!local.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw locked(key, wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw locked(key, wait);
        }
        try {
            if (local.getHoldCount() > 1) {
                return action.get(); // re-entered by the thread that already holds the OS lock
            }
            SecureFiles.ensureFile(key);
            try (FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = acquire(channel, key, wait)) {
                return action.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock " + key, e);
        } finally {
            local.unlock();
        }
    }

    private static FileLock acquire(FileChannel channel, Path key, Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() > deadline) {
                throw locked(key, wait);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw locked(key, wait);
            }
        }
    }

    private static CertdeskException locked(Path key, Duration wait) {
        return new CertdeskException(CertdeskException.Reason.STORE_LOCKED, "Another Certdesk console or command line"
                + " is changing " + key.getParent() + " and did not finish within " + wait.toSeconds()
                + " s; try again.");
    }
}
