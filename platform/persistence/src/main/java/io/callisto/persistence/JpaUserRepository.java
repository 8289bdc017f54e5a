package io.callisto.persistence;

import io.callisto.core.ids.TenantId;
import io.callisto.core.ids.UserId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import io.callisto.core.user.Role;
import io.callisto.core.user.User;
import io.callisto.core.user.UserRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import org.eclipse.persistence.config.QueryHints;

/**
 * UserRepository on JPA. Queries name no tenant: the tenant-bound EntityManager adds it. A duplicate
 * email is looked for first, so the usual case never reaches the database as an error (EclipseLink
 * would log it with a stack trace); the unique constraint still decides races, and writes flush at
 * once so its violation surfaces here, as the same conflict, and not later at commit.
 */
final class JpaUserRepository implements UserRepository {
    private final JpaTransactions tx;

    JpaUserRepository(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void insert(TenantId tenant, User user) {
        if (!user.tenantId().equals(tenant)) {
            throw new IllegalStateException("user of tenant " + user.tenantId() + " stored under " + tenant);
        }
        tx.tenant(tenant, em -> {
            requireEmailFree(em, user);
            em.persist(new UserEntity(user));
            flush(em);
            return null;
        });
    }

    @Override
    public Optional<User> find(TenantId tenant, UserId id) {
        return tx.tenant(tenant, em -> Optional.ofNullable(em.find(UserEntity.class, id.value())).map(u -> u.toUser(tenant)));
    }

    @Override
    public Optional<User> findByEmail(TenantId tenant, String email) {
        return tx.tenant(tenant, em -> em.createQuery("select u from UserEntity u where u.email = :email", UserEntity.class)
                .setParameter("email", email)
                .getResultStream().findFirst().map(u -> u.toUser(tenant)));
    }

    @Override
    public Page<User> list(TenantId tenant, PageRequest page) {
        return tx.tenant(tenant, em -> {
            TypedQuery<UserEntity> query = page.after() == null
                    ? em.createQuery("select u from UserEntity u order by u.id", UserEntity.class)
                    : em.createQuery("select u from UserEntity u where u.id > :after order by u.id", UserEntity.class)
                            .setParameter("after", page.after());
            List<User> fetched = query.setMaxResults(page.limit() + 1).getResultList().stream()
                    .map(u -> u.toUser(tenant)).toList();
            return Page.ofFetched(fetched, page.limit(), u -> u.id().value());
        });
    }

    @Override
    public boolean update(TenantId tenant, User user) {
        if (!user.tenantId().equals(tenant)) {
            return false;
        }
        return tx.tenant(tenant, em -> {
            UserEntity entity = em.find(UserEntity.class, user.id().value());
            if (entity == null) {
                return false;
            }
            if (!entity.email().equals(user.email())) {
                requireEmailFree(em, user);
            }
            entity.copyFrom(user);
            flush(em);
            return true;
        });
    }

    @Override
    public boolean delete(TenantId tenant, UserId id) {
        return tx.tenant(tenant, em -> {
            UserEntity entity = em.find(UserEntity.class, id.value());
            if (entity == null) {
                return false;
            }
            em.remove(entity);
            em.flush();
            return true;
        });
    }

    @Override
    public long countWithRole(TenantId tenant, Role role) {
        return tx.tenant(tenant, em -> em.createQuery(
                        "select count(u) from UserEntity u where concat(',', u.roles, ',') like :role", Long.class)
                .setParameter("role", RoleCodec.containsPattern(role))
                .getSingleResult());
    }

    /**
     * Native SQL on purpose: the one lookup across tenants, which the multitenant entity would filter.
     * EclipseLink refuses native SQL in a unit with multitenant entities unless a query opts in, which
     * keeps every other query behind the tenant filter.
     */
    @Override
    public List<TenantId> tenantsWithEmail(String email) {
        return tx.global(em -> {
            List<?> rows = em.createNativeQuery("select distinct tenant_id from users where email = ?1 order by tenant_id")
                    .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                    .setParameter(1, email)
                    .getResultList();
            return rows.stream().map(id -> new TenantId((String) id)).toList();
        });
    }

    private static void requireEmailFree(EntityManager em, User user) {
        List<String> holders = em.createQuery("select u.id from UserEntity u where u.email = :email and u.id <> :id",
                        String.class)
                .setParameter("email", user.email())
                .setParameter("id", user.id().value())
                .setMaxResults(1)
                .getResultList();
        if (!holders.isEmpty()) {
            throw Violations.dooming(em, Violations.duplicateEmail());
        }
    }

    private static void flush(EntityManager em) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw Violations.translate(e);
        }
    }
}
