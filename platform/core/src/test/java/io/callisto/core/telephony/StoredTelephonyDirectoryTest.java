package io.callisto.core.telephony;

import static io.callisto.core.telephony.TelephonyWorld.newNumber;
import static io.callisto.core.telephony.TelephonyWorld.newTrunk;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The gateway's read port: numbers as dialled, a tenant's trunks with what the gateway needs of them. */
class StoredTelephonyDirectoryTest {
    private final TelephonyWorld w = new TelephonyWorld();
    private final TelephonyDirectory directory = new StoredTelephonyDirectory(w.store, w.store.trunks(), w.store.numbers());

    @Test
    void routesANumberHoweverItIsWritten() {
        Trunk trunk = w.trunks.create(w.admin, newTrunk("username", "acme", "password", "Carrier-Secret"));
        NumberConfig number = w.numbers.create(w.admin, newNumber("+15551230000", trunk.id(), "q-sales"));
        NumberRoute expected = new NumberRoute(w.a, number.id(), "+15551230000", NumberTarget.queue("q-sales"), trunk.id());

        for (String dialled : List.of("+15551230000", "15551230000", "0015551230000", "+1 555 123 0000")) {
            assertThat(directory.route(dialled)).as(dialled).contains(expected);
        }
        for (String unknown : List.of("+15551230001", "", "anonymous", "5551230000x", "+0155512300")) {
            assertThat(directory.route(unknown)).as(unknown).isEmpty();
        }
        assertThat(directory.route(null)).isEmpty();
        assertThat(directory.route("+15551230000").orElseThrow().queueId()).isEqualTo("q-sales");
    }

    @Test
    void listsATenantsTrunksWithTheirPasswordsAndNoOtherTenants() {
        Trunk mine = w.trunks.create(w.admin, newTrunk("username", "acme", "password", "Carrier-Secret", "register", true));
        Trunk other = w.trunks.create(w.adminOfB, newTrunk());

        assertThat(directory.trunks(w.a)).containsExactly(mine);
        assertThat(directory.trunks(w.a).getFirst().password()).isEqualTo("Carrier-Secret");
        assertThat(directory.trunk(w.a, mine.id())).contains(mine);
        assertThat(directory.trunk(w.a, other.id())).isEmpty();
        assertThat(directory.trunk(w.a, null)).isEmpty();
        assertThat(directory.trunks(w.b)).containsExactly(other);
    }
}
