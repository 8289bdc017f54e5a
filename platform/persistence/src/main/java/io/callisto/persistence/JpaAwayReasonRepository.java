package io.callisto.persistence;

import io.callisto.core.agent.AwayReason;
import io.callisto.core.agent.AwayReasonRepository;
import io.callisto.core.ids.TenantId;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;

/** AwayReasonRepository on JPA: the ordered list is one tenant setting, a JSON array. */
final class JpaAwayReasonRepository implements AwayReasonRepository {
    private final JpaTransactions tx;

    JpaAwayReasonRepository(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<List<AwayReason>> find(TenantId tenant) {
        return tx.tenant(tenant, em -> Optional.ofNullable(em.find(TenantSettingEntity.class, TenantSettingEntity.AWAY_REASONS))
                .map(setting -> JsonText.reasons(setting.content())));
    }

    @Override
    public void replace(TenantId tenant, List<AwayReason> reasons) {
        String json = JsonText.ofReasons(List.copyOf(reasons));
        tx.tenant(tenant, em -> {
            TenantSettingEntity setting = em.find(TenantSettingEntity.class, TenantSettingEntity.AWAY_REASONS);
            if (setting == null) {
                em.persist(new TenantSettingEntity(TenantSettingEntity.AWAY_REASONS, json));
            } else {
                setting.content(json);
            }
            try {
                em.flush();
            } catch (PersistenceException e) {
                throw Violations.translate(e);
            }
            return null;
        });
    }
}
