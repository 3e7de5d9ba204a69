package vn.dvk.initiative;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Optional;

interface CodeCounterRepository extends JpaRepository<CodeCounter, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from CodeCounter c where c.provinceId = :province")
    Optional<CodeCounter> lock(@Param("province") Long province);
}
