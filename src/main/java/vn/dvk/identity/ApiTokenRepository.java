package vn.dvk.identity;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    /** A token and the account it belongs to, in one query: every request authenticated by a token reads them. */
    @Query("select new vn.dvk.identity.ApiTokenRepository$Holder(t, u) from ApiToken t, UserAccount u where u.id = t.userId"
            + " and t.tokenHash = :tokenHash")
    Optional<Holder> findWithAccount(@Param("tokenHash") String tokenHash);

    /** A token with its account. */
    record Holder(ApiToken token, UserAccount account) {
    }

    List<ApiToken> findByUserIdOrderByCreatedAtDesc(Long userId);

    /** Notes when the token was used (never moving it back: two requests may note it at once). */
    @Modifying
    @Query("update ApiToken t set t.lastUsedAt = :at where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt < :at)")
    int markUsed(@Param("id") Long id, @Param("at") Instant at);
}
