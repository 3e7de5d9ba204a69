package vn.dvk.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;

interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

    /**
     * Entries inside a scope (the unit and all under it, or everything when national), plus the
     * caller's own entries, filtered, newest first.
     */
    @Query("""
            select e from AuditEntry e
            where (:national = true or e.unitId = :unitId or e.unitPath like :prefix or e.actor = :me)
              and (:actor is null or e.actor = :actor)
              and (:action is null or e.action = :action)
              and (:objectType is null or e.objectType = :objectType)
              and e.at >= :from and e.at < :to
            order by e.seq desc""")
    Page<AuditEntry> search(@Param("national") boolean national, @Param("unitId") Long unitId,
                            @Param("prefix") String prefix, @Param("me") String me, @Param("actor") String actor,
                            @Param("action") String action, @Param("objectType") String objectType,
                            @Param("from") Instant from, @Param("to") Instant to, Pageable pageable);

    List<AuditEntry> findByObjectTypeAndObjectIdOrderBySeqDesc(String objectType, String objectId);

    /** Sealed entries after a place in the chain, in chain order. */
    @Query("select e from AuditEntry e where e.chainNo > :after order by e.chainNo")
    List<AuditEntry> chunkAfter(@Param("after") long after, Pageable pageable);

    /** Committed entries not yet chained, oldest first. */
    @Query("select e from AuditEntry e where e.chainNo is null order by e.seq")
    List<AuditEntry> unsealed(Pageable pageable);

    long countByChainNoIsNull();

    boolean existsByChainNoIsNull();
}
