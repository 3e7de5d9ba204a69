package vn.dvk.adminunit;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;

interface SuccessorLinkRepository extends JpaRepository<SuccessorLink, SuccessorLink.Key> {

    /** Pairs (predecessor id, successor code) for a page of units, in one query. */
    @Query("""
            select l.key.predecessorId, u.code from SuccessorLink l, AdminUnit u
            where u.id = l.key.successorId and l.key.predecessorId in :ids
            order by u.sortKey""")
    List<Object[]> successorCodes(@Param("ids") Collection<Long> ids);

    @Query("""
            select l.key.successorId, u.code from SuccessorLink l, AdminUnit u
            where u.id = l.key.predecessorId and l.key.successorId in :ids
            order by u.sortKey""")
    List<Object[]> predecessorCodes(@Param("ids") Collection<Long> ids);

    /** (successor id, partial) of a unit. */
    @Query("select l.key.successorId, l.partial from SuccessorLink l where l.key.predecessorId = :id order by l.partial, l.key.successorId")
    List<Object[]> successorsOf(@Param("id") Long id);

    /** (predecessor id, successor id, partial) of many units at once, each unit's in the order of {@link #successorsOf}. */
    @Query("select l.key.predecessorId, l.key.successorId, l.partial from SuccessorLink l where l.key.predecessorId in :ids"
            + " order by l.key.predecessorId, l.partial, l.key.successorId")
    List<Object[]> successorsOfAll(@Param("ids") Collection<Long> ids);

    /** The ids of a unit's direct predecessors. */
    @Query("select l.key.predecessorId from SuccessorLink l where l.key.successorId = :id")
    List<Long> predecessorsOf(@Param("id") Long id);

    /** The ids of the direct predecessors of many units at once. */
    @Query("select l.key.predecessorId from SuccessorLink l where l.key.successorId in :ids")
    List<Long> predecessorsOfAll(@Param("ids") Collection<Long> ids);

}
