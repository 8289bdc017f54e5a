package io.callisto.core.calls;

import io.callisto.core.ids.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recordings as files: {@code <dataDir>/recordings/<tenantId>/<callId>.wav}. Directories are created owner-only
 * (where the file system has POSIX permissions). A name or tenant id that could leave its directory is refused, and
 * {@link #find} answers only regular files (not links) inside the tenant's directory.
 */
public final class FileRecordingStore implements RecordingStore {
    private static final Pattern TENANT = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$");
    private final Path root;

    public FileRecordingStore(Path dataDir) {
        this.root = dataDir.toAbsolutePath().normalize().resolve("recordings");
    }

    /** {@code <dataDir>/recordings}. */
    public Path root() {
        return root;
    }

    @Override
    public Path pathFor(TenantId tenant, String callId) {
        String name = RecordingStore.fileName(callId);
        Path dir = tenantDirectory(tenant).orElseThrow(() -> new IllegalArgumentException("invalid tenant id"));
        createOwnerOnly(root);
        createOwnerOnly(dir);
        return dir.resolve(name);
    }

    @Override
    public Optional<Path> find(TenantId tenant, String name) {
        if (!RecordingStore.isValidName(name)) {
            return Optional.empty();
        }
        return tenantDirectory(tenant).map(dir -> dir.resolve(name))
                .filter(path -> path.normalize().getParent().equals(path.getParent()))
                .filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS));
    }

    private Optional<Path> tenantDirectory(TenantId tenant) {
        if (!TENANT.matcher(tenant.value()).matches()) {
            return Optional.empty();
        }
        Path dir = root.resolve(tenant.value()).normalize();
        return dir.getParent().equals(root) ? Optional.of(dir) : Optional.empty();
    }

    private static void createOwnerOnly(Path dir) {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            try {
                Files.createDirectories(dir);
            } catch (IOException io) {
                throw new UncheckedIOException("cannot create " + dir, io);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
