package io.callisto.core.telephony;

import io.callisto.core.crm.PhoneNumber;
import io.callisto.core.ids.TenantId;
import io.callisto.core.tx.Transactions;
import java.util.List;
import java.util.Optional;

/** The gateway's directory over the stored configuration; each call is its own short unit of work. */
public final class StoredTelephonyDirectory implements TelephonyDirectory {
    private final Transactions tx;
    private final TrunkRepository trunks;
    private final NumberRepository numbers;

    public StoredTelephonyDirectory(Transactions tx, TrunkRepository trunks, NumberRepository numbers) {
        this.tx = tx;
        this.trunks = trunks;
        this.numbers = numbers;
    }

    @Override
    public Optional<NumberRoute> route(String number) {
        return normalize(number).flatMap(numbers::route);
    }

    @Override
    public List<Trunk> trunks(TenantId tenant) {
        return tx.inTenant(tenant, () -> trunks.all(tenant));
    }

    @Override
    public Optional<Trunk> trunk(TenantId tenant, String trunkId) {
        if (trunkId == null) {
            return Optional.empty();
        }
        return tx.inTenant(tenant, () -> trunks.find(tenant, trunkId));
    }

    /** E.164 as dialled ({@code +15551230000}, {@code 0015551230000}) or without its plus (a request-URI user part). */
    static Optional<String> normalize(String number) {
        if (number == null || number.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> e164 = PhoneNumber.normalize(number);
        if (e164.isEmpty() && number.charAt(0) >= '1' && number.charAt(0) <= '9') {
            e164 = PhoneNumber.normalize("+" + number);
        }
        return e164;
    }

    @Override
    public List<TenantTrunk> registeringTrunks() {
        return trunks.tenantsWithRegisteringTrunks().stream()
                .flatMap(tenant -> trunks(tenant).stream().filter(t -> t.enabled() && t.register())
                        .map(t -> new TenantTrunk(tenant, t)))
                .toList();
    }
}
