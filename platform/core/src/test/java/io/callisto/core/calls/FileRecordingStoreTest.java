package io.callisto.core.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callisto.core.ids.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Recordings as files: one owner-only directory per tenant, and no name that leads out of it. */
class FileRecordingStoreTest {
    private static final TenantId A = new TenantId("tabcdefghijklmnop");
    private static final TenantId B = new TenantId("tqrstuvwxyz234567");
    @TempDir
    Path dataDir;

    @Test
    void aCallsRecordingLivesInItsTenantsOwnerOnlyDirectory() throws Exception {
        FileRecordingStore store = new FileRecordingStore(dataDir);

        Path path = store.pathFor(A, "c-1");
        Files.write(path, new byte[] {'R', 'I', 'F', 'F'});

        assertThat(path).isEqualTo(dataDir.toAbsolutePath().resolve("recordings").resolve(A.value()).resolve("c-1.wav"));
        assertThat(store.root()).isEqualTo(dataDir.toAbsolutePath().resolve("recordings"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path.getParent()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.root()))).isEqualTo("rwx------");
        assertThat(store.find(A, "c-1.wav")).contains(path);
        assertThat(Files.readAllBytes(store.find(A, RecordingStore.fileName("c-1")).orElseThrow())).containsExactly('R', 'I',
                'F', 'F');
        assertThat(store.find(B, "c-1.wav")).as("another tenant's name space").isEmpty();
        assertThat(store.find(A, "c-2.wav")).isEmpty();
        assertThat(store.pathFor(A, "c-2")).isEqualTo(path.resolveSibling("c-2.wav"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../c-1.wav", "..%2fc-1.wav", "a/../c-1.wav", "/etc/passwd", "c-1.wav/", "sub/c-1.wav",
        "c..wav", ".hidden", "c 1.wav", "c\\1.wav", "", "C:c-1.wav", "c-1.wav\u0000"})
    void aCraftedNameNeverLeavesTheTenantsDirectory(String name) throws Exception {
        FileRecordingStore store = new FileRecordingStore(dataDir);
        Files.write(store.pathFor(A, "c-1"), new byte[] {1});
        Files.writeString(dataDir.resolve("secret.wav"), "secret");
        Files.writeString(store.pathFor(B, "c-9"), "b's call");

        assertThat(store.find(A, name)).isEmpty();
        assertThat(RecordingStore.isValidName(name)).isFalse();
    }

    @Test
    void linksAndDirectoriesAreNotRecordings() throws Exception {
        FileRecordingStore store = new FileRecordingStore(dataDir);
        Path other = store.pathFor(B, "c-9");
        Files.writeString(other, "b's call");
        Files.createSymbolicLink(store.pathFor(A, "c-link"), other);
        Files.createDirectory(store.pathFor(A, "c-dir"));

        assertThat(store.find(A, "c-link.wav")).isEmpty();
        assertThat(store.find(A, "c-dir.wav")).isEmpty();
        assertThat(store.find(B, "c-9.wav")).contains(other);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/b", "", ".x", "a..b", "c 1",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void invalidCallIdsHaveNoPath(String callId) {
        FileRecordingStore store = new FileRecordingStore(dataDir);

        assertThatThrownBy(() -> store.pathFor(A, callId)).isInstanceOf(IllegalArgumentException.class);
        assertThat(dataDir.resolve("recordings")).doesNotExist();
    }

    @Test
    void aTenantIdThatIsNotASafeNameHasNoDirectory() {
        FileRecordingStore store = new FileRecordingStore(dataDir);

        assertThatThrownBy(() -> store.pathFor(new TenantId("../t"), "c-1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.find(new TenantId(".."), "c-1.wav")).isEmpty();
        assertThat(store.find(new TenantId("a/b"), "c-1.wav")).isEmpty();
    }
}
