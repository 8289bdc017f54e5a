package io.callisto.persistence;

import io.callisto.core.agent.AgentSettings;
import io.callisto.core.agent.AgentSettingsRepository;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * AgentSettingsRepository on JPA; tenant filtering comes from the tenant-bound EntityManager. Like users'
 * emails, a taken agent id or SIP username is looked for first and the database constraints settle races
 * (reported as the same conflicts).
 */
final class JpaAgentSettingsRepository implements AgentSettingsRepository {
    private final JpaTransactions tx;

    JpaAgentSettingsRepository(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void insert(TenantId tenant, AgentSettings agent) {
        tx.tenant(tenant, em -> {
            if (em.find(AgentEntity.class, agent.agentId()) != null) {
                throw Violations.dooming(em, Violations.duplicateAgent());
            }
            requireSipUsernameFree(em, agent);
            em.persist(new AgentEntity(agent));
            flush(em);
            return null;
        });
    }

    @Override
    public Optional<AgentSettings> find(TenantId tenant, String agentId) {
        return tx.tenant(tenant, em -> Optional.ofNullable(em.find(AgentEntity.class, agentId)).map(AgentEntity::toAgent));
    }

    @Override
    public Optional<AgentSettings> findBySipUsername(TenantId tenant, String sipUsername) {
        if (sipUsername == null) {
            tx.requireUnitTenant(tenant);
            return Optional.empty();
        }
        return tx.tenant(tenant, em -> em.createQuery("select a from AgentEntity a where a.sipUsername = :u", AgentEntity.class)
                .setParameter("u", sipUsername)
                .getResultStream().findFirst().map(AgentEntity::toAgent));
    }

    @Override
    public Page<AgentSettings> list(TenantId tenant, PageRequest page) {
        return tx.tenant(tenant, em -> {
            TypedQuery<AgentEntity> query = page.after() == null
                    ? em.createQuery("select a from AgentEntity a order by a.agentId", AgentEntity.class)
                    : em.createQuery("select a from AgentEntity a where a.agentId > :after order by a.agentId",
                            AgentEntity.class).setParameter("after", page.after());
            List<AgentSettings> fetched = query.setMaxResults(page.limit() + 1).getResultList().stream()
                    .map(AgentEntity::toAgent).toList();
            return Page.ofFetched(fetched, page.limit(), AgentSettings::agentId);
        });
    }

    @Override
    public List<AgentSettings> all(TenantId tenant) {
        return tx.tenant(tenant, em -> em.createQuery("select a from AgentEntity a order by a.agentId", AgentEntity.class)
                .getResultList().stream().map(AgentEntity::toAgent).toList());
    }

    @Override
    public boolean update(TenantId tenant, AgentSettings agent) {
        return tx.tenant(tenant, em -> {
            AgentEntity entity = em.find(AgentEntity.class, agent.agentId());
            if (entity == null) {
                return false;
            }
            if (!Objects.equals(entity.sipUsername(), agent.sipUsername())) {
                requireSipUsernameFree(em, agent);
            }
            entity.copyFrom(agent);
            flush(em);
            return true;
        });
    }

    @Override
    public boolean delete(TenantId tenant, String agentId) {
        return tx.tenant(tenant, em -> {
            AgentEntity entity = em.find(AgentEntity.class, agentId);
            if (entity == null) {
                return false;
            }
            em.remove(entity);
            em.flush();
            return true;
        });
    }

    private static void requireSipUsernameFree(EntityManager em, AgentSettings agent) {
        if (agent.sipUsername() == null) {
            return;
        }
        List<String> holders = em.createQuery(
                        "select a.agentId from AgentEntity a where a.sipUsername = :u and a.agentId <> :id", String.class)
                .setParameter("u", agent.sipUsername())
                .setParameter("id", agent.agentId())
                .setMaxResults(1)
                .getResultList();
        if (!holders.isEmpty()) {
            throw Violations.dooming(em, Violations.duplicateSipUsername());
        }
    }

    /** Writes now, so a constraint violation surfaces here as a conflict; an unnamed one is the primary key. */
    private static void flush(EntityManager em) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw Violations.translate(e, Violations::duplicateAgent);
        }
    }
}
