package org.certdesk.spi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold secrets or state: created owner-only (0600, folders 0700) and replaced atomically, so that a
 * crash at any point leaves either the old or the new content. For store providers and CA connectors too.
 */
public final class SecureFiles {
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");

    private SecureFiles() {
    }

    public static Path ensureDirectory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Path parent = dir.toAbsolutePath().getParent();
                if (parent != null && !Files.isDirectory(parent)) {
                    ensureDirectory(parent); // missing ancestors are private too
                }
                try {
                    Files.createDirectory(dir, ownerOnly(DIR));
                } catch (FileAlreadyExistsException e) {
                    // created meanwhile by another process
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }

    /** Writes {@code data} to a temporary file beside {@code target}, syncs it, then renames it over the target. */
    public static void writeAtomically(Path target, byte[] data) {
        Path dir = target.toAbsolutePath().getParent();
        ensureDirectory(dir);
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp", ownerOnly(FILE));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(data);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("The file system of " + dir + " cannot replace files atomically", e);
            }
            temp = null;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the temporary file is harmless and is overwritten next time
                }
            }
        }
    }

    /** Creates an empty owner-only file if there is none (lock files). */
    public static Path ensureFile(Path file) {
        ensureDirectory(file.toAbsolutePath().getParent());
        try {
            Files.createFile(file, ownerOnly(FILE));
        } catch (FileAlreadyExistsException e) {
            // there already
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + file, e);
        }
        return file;
    }

    /** Appends one line and syncs it: for append-only logs. */
    public static void appendLine(Path file, String line) {
        try {
            ensureDirectory(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                try {
                    Files.createFile(file, ownerOnly(FILE));
                } catch (FileAlreadyExistsException e) {
                    // another process created it first
                }
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to " + file, e);
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a directory; the rename itself is still atomic
        }
    }

    private static FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> perms) {
        boolean posix = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(perms) } : new FileAttribute<?>[0];
    }
}
