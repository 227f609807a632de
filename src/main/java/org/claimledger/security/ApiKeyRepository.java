package org.claimledger.security;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    Optional<ApiKey> findLiveByHash(String secretHash) {
        return find("secretHash = ?1 and revokedAt is null", secretHash).firstResultOptional();
    }

    Optional<ApiKey> findLiveByName(String name) {
        return find("name = ?1 and revokedAt is null", name).firstResultOptional();
    }

    List<ApiKey> live() {
        return list("revokedAt is null order by createdAt, id");
    }

    /** Records a use, at most once a minute per key, so that reads do not turn into a write each. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void touch(UUID id) {
        getEntityManager().createNativeQuery("update api_key set last_used_at = now() where id = :id"
                        + " and (last_used_at is null or last_used_at < now() - interval '1 minute')")
                .setParameter("id", id).executeUpdate();
    }

    void lockBootstrap() {
        getEntityManager().createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtextextended('api-key-bootstrap', 0))) l")
                .getSingleResult();
    }
}
